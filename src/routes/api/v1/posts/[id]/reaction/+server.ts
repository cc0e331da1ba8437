import { json } from '@sveltejs/kit';
import { AppError, unauthenticated } from '$lib/server/core/errors';
import { setPostReaction } from '$lib/server/feed/engagement';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Sets or changes my reaction: {"kind": "like" | "love" | "haha" | "wow" | "sad" | "angry"}. */
export const PUT: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const body = await request.json().catch(() => null);
		if (!body || typeof body !== 'object' || !('kind' in body) || body.kind === null)
			throw new AppError('validation', 'Podaj rodzaj reakcji w polu „kind”.');
		const r = await setPostReaction(locals.ctx, locals.actor, params.id, body.kind);
		return json({ kind: r.reaction, counts: { reactions: r.total, reactionsByKind: r.byKind } });
	});

export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const r = await setPostReaction(locals.ctx, locals.actor, params.id, null);
		return json({ kind: null, counts: { reactions: r.total, reactionsByKind: r.byKind } });
	});
