import { liveStreamFilter } from '$lib/server/feed/live-stream';
import { apiError } from '$lib/server/web/http';
import { eventStream } from '$lib/server/web/event-stream';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: this group's new posts, comments and counts, from any instance; with
 * `?post=ID`, only that post's (also a post cross-posted into this group).
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	try {
		const wanted = await liveStreamFilter(locals.ctx, locals.actor, params.slug, url.searchParams.get('post'));
		return eventStream(locals.rt, request, wanted);
	} catch (e) {
		return apiError(e);
	}
};
