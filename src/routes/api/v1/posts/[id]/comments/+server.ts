import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { createComment, listComments as list } from '$lib/server/api/posts';
import { addComment, listComments } from '$lib/server/feed/comments';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { id } = parseParams(list, params);
		return reply(list, 200, { items: await listComments(locals.ctx, locals.actor, id) });
	});

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(createComment, params);
		const input = await parseBody(createComment, request);
		return reply(createComment, 201, await addComment(locals.ctx, locals.actor, id, input));
	});
