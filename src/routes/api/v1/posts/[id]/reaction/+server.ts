import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { deleteReaction, setReaction } from '$lib/server/api/posts';
import { setPostReaction } from '$lib/server/feed/engagement';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Sets or changes my reaction: {"kind": "like" | "love" | "haha" | "wow" | "sad" | "angry"}. */
export const PUT: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(setReaction, params);
		const { kind } = await parseBody(setReaction, request);
		const r = await setPostReaction(locals.ctx, locals.actor, id, kind);
		return reply(setReaction, 200, { kind: r.reaction, counts: { reactions: r.total, reactionsByKind: r.byKind } });
	});

export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(deleteReaction, params);
		const r = await setPostReaction(locals.ctx, locals.actor, id, null);
		return reply(deleteReaction, 200, { kind: null, counts: { reactions: r.total, reactionsByKind: r.byKind } });
	});
