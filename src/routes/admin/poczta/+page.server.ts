import { formAction, page, requireActor } from '$lib/server/web/http';
import { outboxForOperator, retryOutboxMessage } from '$lib/server/notify/admin-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const actor = requireActor(event);
	const filter = { recipient: url.searchParams.get('do'), status: url.searchParams.get('stan') };
	return page(() => outboxForOperator(locals.ctx, actor, filter, locals.rt.config.demo));
};

export const actions: Actions = {
	retry: formAction(async (f, { locals }) => ({ retried: await retryOutboxMessage(locals.ctx, locals.actor, f.id) }))
};
