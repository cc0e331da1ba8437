import { alertResult } from '$lib/server/alerts/alert-views';
import { page, requireActor } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => alertResult(event.locals.ctx, actor, event.params.id));
};
