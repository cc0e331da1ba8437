import type { Actor, Ctx } from '../core/context';
import { authorizeOnPost } from '../access/post-access';
import { logAction } from '../audit/audit-log';

/** Pins or unpins a published post (moderators). */
export async function setPinned(ctx: Ctx, actor: Actor | null, postId: string, pinned: boolean): Promise<void> {
	const { group, actor: moderator } = await authorizeOnPost(ctx, actor, postId, 'moderate');
	await ctx.db.transaction().execute(async (tx) => {
		const changed = await tx
			.updateTable('posts')
			.set({ pinned })
			.where('id', '=', postId)
			.where('status', '=', 'published')
			.where('pinned', '!=', pinned)
			.returning('author_id')
			.executeTakeFirst();
		if (changed)
			await logAction(tx, ctx.clock, {
				groupId: group.id,
				actorId: moderator.id,
				action: pinned ? 'pinned' : 'unpinned',
				postId,
				subjectId: changed.author_id
			});
	});
}
