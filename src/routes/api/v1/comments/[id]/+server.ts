import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { deleteComment as remove, editComment as edit } from '$lib/server/api/posts';
import { deleteComment, editComment } from '$lib/server/feed/comment-authoring';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(edit, params);
		const input = await parseBody(edit, request);
		return reply(edit, 200, await editComment(locals.ctx, locals.actor, id, input));
	});

export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(remove, params);
		await deleteComment(locals.ctx, locals.actor, id);
		return reply(remove, 200, { deleted: true });
	});
