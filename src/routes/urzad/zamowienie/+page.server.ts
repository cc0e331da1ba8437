import { placeOrder } from '$lib/server/billing/contracts';
import { formAction, page, requireActor } from '$lib/server/web/http';
import { orderForm } from '$lib/server/billing/order-views';
import type { Actions, PageServerLoad } from './$types';

/** Ordering Pakiet 1: the groups without a package that the actor coordinates (the operator: all). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => orderForm(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};

export const actions: Actions = {
	default: formAction(
		async (f, { locals }) => {
			const contract = await placeOrder(locals.ctx, locals.actor, f);
			return { placed: { id: contract.id, number: contract.number } };
		},
		(f) => f
	)
};
