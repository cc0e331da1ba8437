import type { Actor, Ctx } from '../core/context';
import { listFeed } from '../feed/feed-query';
import { getGroupForReading } from '../groups/groups';
import { parseParams, parseQuery } from './contract';
import { listGroupPosts } from './groups';
import { apiPost } from './present';

/**
 * `GET /api/v1/groups/{slug}/posts`: a page of the group's feed as the API gives it — for the route
 * and for the same request answered before SvelteKit (`web/api-fast-path.ts`).
 */
export async function apiGroupFeed(ctx: Ctx, actor: Actor | null, params: Record<string, string>, url: URL) {
	const { slug } = parseParams(listGroupPosts, params);
	const { limit, cursor, category } = parseQuery(listGroupPosts, url);
	const { group } = await getGroupForReading(ctx.db, slug);
	const page = await listFeed(ctx, actor, group, { limit, cursor: cursor ?? null, category: category ?? null });
	return { items: [...page.featured, ...page.items].map(apiPost), nextCursor: page.nextCursor };
}
