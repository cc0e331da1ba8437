import { signContract } from '$lib/server/billing/contracts';
import { polishDate } from '$lib/dates';
import { action, page, requireActor } from '$lib/server/web/http';
import { contractsForOperator } from '$lib/server/billing/admin-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { contracts: await page(() => contractsForOperator(event.locals.ctx, actor)) };
};

export const actions: Actions = {
	sign: async ({ locals, request }) => {
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const file = form.get('scan');
		const scan =
			file && typeof file !== 'string' && file.size > 0
				? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
				: null;
		return action(
			async () => {
				const { contract, invoice } = await signContract(locals.ctx, locals.actor, id, scan, locals.rt.mediaDir);
				return {
					saved: `Umowa ${contract.number} podpisana — pakiet działa od ${polishDate(contract.starts_on)}.${invoice ? ` Wystawiono fakturę ${invoice.number}.` : ''}`
				};
			},
			{ form: `sign-${id}`, id }
		);
	}
};
