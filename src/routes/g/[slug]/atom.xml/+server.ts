import { groupAtomFeed } from '$lib/server/feed/atom';
import { atomResponse, conditionalOf } from '$lib/server/web/atom-response';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The public group's newest published posts as Atom 1.0. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	try {
		return atomResponse(await groupAtomFeed(locals.ctx, params.slug, null, conditionalOf(request)));
	} catch (e) {
		return apiError(e);
	}
};
