import type { Actor, Ctx } from '../core/context';
import type { LiveEvent } from '../db/database';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { authorizeOnPost } from '../access/post-access';
import { getGroup } from '../groups/groups';

/**
 * Which live events a reader of `/g/{slug}/live` is sent, after checking they may read them: all of
 * the group's, or with `postId` only that post's (the post page). The post may be one cross-posted
 * into `slug` (Pakiet 3): its events carry its own group, which the reader need not be able to
 * read, so the stream then lets through that one post's comments and counts and nothing else.
 */
export async function liveStreamFilter(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	slug: string,
	postId: string | null
): Promise<(event: LiveEvent) => boolean> {
	if (postId === null) {
		const group = await getGroup(ctx.db, slug);
		assertCan((await groupAccess(ctx, actor, group)).role, 'read', group);
		return (event) => event.type !== 'message' && event.groupId === group.id;
	}
	const { group } = await authorizeOnPost(ctx, actor, postId, 'read', slug);
	return (event) => event.type !== 'message' && event.groupId === group.id && event.postId === postId;
}
