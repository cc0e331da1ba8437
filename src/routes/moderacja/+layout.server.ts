import { page, requireActor } from '$lib/server/web/http';
import { moderatedGroups } from '$lib/server/moderation/moderated-groups';
import type { LayoutServerLoad } from './$types';

/** The groups the actor moderates (all for the operator) and the one chosen with ?grupa=. */
export const load: LayoutServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => moderatedGroups(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};
