import { apiPost } from '$lib/server/api/present';
import { parseParams, reply } from '$lib/server/api/contract';
import { getPost as operation } from '$lib/server/api/posts';
import { getPost } from '$lib/server/feed/feed-query';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { id } = parseParams(operation, params);
		return reply(operation, 200, apiPost((await getPost(locals.ctx, locals.actor, id)).post));
	});
