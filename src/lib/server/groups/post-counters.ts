import type { Ctx } from '../core/context';
import type { Db } from '../db/database';
import { commentPublished } from '../questions/questions';

/**
 * A comment became visible (+1) or stopped being visible (−1): the post's counter follows and
 * open pages hear of it.
 */
export async function commentVisibilityChanged(
	ctx: Pick<Ctx, 'notifier' | 'clock'>,
	tx: Db,
	groupId: string,
	postId: string,
	commentId: string,
	delta: 1 | -1
): Promise<void> {
	const counts = await tx
		.updateTable('posts')
		.set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
		.where('id', '=', postId)
		.returning(['comment_count', 'reaction_count', 'view_count', 'share_count'])
		.executeTakeFirstOrThrow();
	if (delta > 0) {
		// The first comment of the unit a question asks answers it.
		await commentPublished(tx, ctx.clock, { postId, commentId });
		await ctx.notifier.publish(tx, { type: 'comment', groupId, postId, commentId });
	}
	await ctx.notifier.publish(tx, {
		type: 'counts',
		groupId,
		postId,
		comments: counts.comment_count,
		reactions: counts.reaction_count,
		views: counts.view_count,
		shares: counts.share_count
	});
}
