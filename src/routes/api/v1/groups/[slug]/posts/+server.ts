import { apiPost } from '$lib/server/api/present';
import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, parseQuery, reply } from '$lib/server/api/contract';
import { createGroupPost, listGroupPosts } from '$lib/server/api/groups';
import { listFeed } from '$lib/server/feed/feed-query';
import { createPost } from '$lib/server/feed/create-post';
import { getGroup, getGroupForReading } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) =>
	api(async () => {
		const { slug } = parseParams(listGroupPosts, params);
		const { limit, cursor, category } = parseQuery(listGroupPosts, url);
		const { group } = await getGroupForReading(locals.readCtx.db, slug);
		const page = await listFeed(locals.readCtx, locals.actor, group, {
			limit,
			cursor: cursor ?? null,
			category: category ?? null
		});
		return reply(listGroupPosts, 200, {
			items: [...page.featured, ...page.items].map(apiPost),
			nextCursor: page.nextCursor
		});
	});

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { slug } = parseParams(createGroupPost, params);
		const input = await parseBody(createGroupPost, request);
		const group = await getGroup(locals.ctx.db, slug);
		const created = await createPost(locals.ctx, locals.actor, group, input);
		return reply(createGroupPost, 201, { id: created.id, status: created.status, reasons: created.reasons });
	});
