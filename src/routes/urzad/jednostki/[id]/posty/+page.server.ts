import { page, requireActor } from '$lib/server/web/http';
import { unitPostStats } from '$lib/server/units/unit-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(() => unitPostStats(locals.ctx, actor, params.id));
};
