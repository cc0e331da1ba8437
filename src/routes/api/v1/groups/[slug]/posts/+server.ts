import { apiGroupFeed } from '$lib/server/api/group-feed';
import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { createGroupPost, listGroupPosts } from '$lib/server/api/groups';
import { createPost } from '$lib/server/feed/create-post';
import { getGroup } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) =>
	api(async () => reply(listGroupPosts, 200, await apiGroupFeed(locals.readCtx, locals.actor, params, url)));

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { slug } = parseParams(createGroupPost, params);
		const input = await parseBody(createGroupPost, request);
		const group = await getGroup(locals.ctx.db, slug);
		const created = await createPost(locals.ctx, locals.actor, group, input);
		return reply(createGroupPost, 201, { id: created.id, status: created.status, reasons: created.reasons });
	});
