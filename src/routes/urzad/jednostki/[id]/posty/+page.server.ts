import { page, requireActor } from '$lib/server/http';
import { unitPostStats } from '$lib/server/units/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(() => unitPostStats(locals.ctx, actor, params.id));
};
