import { page, requireActor } from '$lib/server/web/http';
import { unitActions } from '$lib/server/web/unit-actions';
import { unitWorkspace } from '$lib/server/units/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(async () => ({
		...(await unitWorkspace(locals.ctx, actor, params.id)),
		now: locals.ctx.clock.now().toISOString()
	}));
};

// The unit's profile, staff and tokens: the same actions and domain functions as /urzad/jednostki/{id}.
export const actions: Actions = unitActions;
