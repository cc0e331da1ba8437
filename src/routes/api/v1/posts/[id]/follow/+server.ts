import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, reply } from '$lib/server/api/contract';
import { followPost as followOp, muteFollowedPost } from '$lib/server/api/posts';
import { followPost } from '$lib/server/feed/follows';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Follows the post: told of its new comments. */
export const PUT: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(followOp, params);
		return reply(followOp, 200, await followPost(locals.ctx, locals.actor, id, true));
	});

/** Mutes the post: no notifications of its comments, the author's included. */
export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(muteFollowedPost, params);
		return reply(muteFollowedPost, 200, await followPost(locals.ctx, locals.actor, id, false));
	});
