import { page, requireActor } from '$lib/server/web/http';
import { unitWorkspace } from '$lib/server/units/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(async () => ({
		...(await unitWorkspace(locals.ctx, actor, params.id)),
		now: locals.ctx.clock.now().toISOString()
	}));
};
