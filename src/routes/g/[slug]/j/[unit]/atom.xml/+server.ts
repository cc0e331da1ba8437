import { groupAtomFeed } from '$lib/server/feed/atom';
import { atomResponse, conditionalOf } from '$lib/server/web/atom-response';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** One unit's newest published posts in the public group, as Atom 1.0. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	try {
		return atomResponse(await groupAtomFeed(locals.ctx, params.slug, params.unit, conditionalOf(request)));
	} catch (e) {
		return apiError(e);
	}
};
