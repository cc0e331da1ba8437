import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { authorizeAsCommentAuthor } from '../access/post-access';
import { screenFor } from '../moderation/screen';
import { afterScreening, storedFindings } from '../moderation/intake';
import { commentVisibilityChanged } from '../groups/post-counters';
import { findMentions } from '../notify/mentions';
import { commentInputSchema } from './comments';

export const commentEditSchema = z.object({ body: commentInputSchema.shape.body });

/** The post a comment may still change under: published, with comments on. */
async function lockOpenPost(ctx: Ctx, tx: Ctx['db'], postId: string): Promise<void> {
	const post = await tx
		.selectFrom('posts')
		.select(['status', 'comments_enabled'])
		.where('id', '=', postId)
		.forUpdate()
		.executeTakeFirstOrThrow();
	if (post.status !== 'published')
		throw new AppError('conflict', 'Ten post nie jest już opublikowany — komentarzy pod nim nie można zmieniać.');
	if (!post.comments_enabled) throw new AppError('conflict', 'Autor wyłączył komentarze pod tym postem.');
}

export interface CommentChange {
	status: 'published' | 'pending';
	reasons: string[];
}

/**
 * The author edits their comment: the new text is screened as a new comment is (the same engine
 * call), so an edit that would be held waits for a moderator, and a held comment corrected may
 * appear at once. Only a text readers saw goes to the history ("edytowano"); a held text nobody
 * else saw is replaced, as a held post corrected is (`revise-held.ts`).
 */
export async function editComment(
	ctx: Ctx,
	actor: Actor | null,
	commentId: string,
	input: unknown
): Promise<CommentChange> {
	const authorized = await authorizeAsCommentAuthor(ctx, actor, commentId, 'edit');
	const { body } = parseInput(commentEditSchema, input);
	const { comment } = authorized;
	if (comment.status !== 'published' && comment.status !== 'pending')
		throw new AppError('conflict', 'Odrzuconego komentarza nie można zmienić. Napisz nowy.');
	if (body === comment.body)
		return {
			status: comment.status,
			reasons: comment.status === 'pending' && comment.moderation_reason ? [comment.moderation_reason] : []
		};
	return rewriteComment(ctx, authorized, body, ['published', 'pending']);
}

/**
 * Stores the author's new text of a comment in one of the given states, screened again. The
 * earlier text goes to `comment_revisions` only if it was published (readers see "edytowano" only
 * beside such a history); `edited_at` marks when the text last changed (`heldByEngine` reads it).
 */
export async function rewriteComment(
	ctx: Ctx,
	{ actor: author, group, access, comment }: Awaited<ReturnType<typeof authorizeAsCommentAuthor>>,
	body: string,
	from: ('published' | 'pending')[],
	refusal = 'Tego komentarza nie można już zmienić.'
): Promise<CommentChange> {
	const commentId = comment.id;
	const now = ctx.clock.now();
	const verdict = await screenFor(ctx, ctx.db, 'comment', body, group, access);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	// Who the new text mentions (links only: a mention added by an edit tells no one).
	const mentions = JSON.stringify((await findMentions(ctx.db, group.id, body, author.id)).map((m) => m.name));
	return ctx.db.transaction().execute(async (tx) => {
		await lockOpenPost(ctx, tx, comment.post_id);
		const current = await tx
			.selectFrom('comments')
			.select(['status', 'body'])
			.where('id', '=', commentId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (current.status !== 'published' && current.status !== 'pending') throw new AppError('conflict', refusal);
		if (!from.includes(current.status)) throw new AppError('conflict', refusal);
		if (current.status === 'published')
			await tx
				.insertInto('comment_revisions')
				.values({ comment_id: commentId, body: current.body, edited_by: author.id, edited_at: now })
				.execute();
		await tx
			.updateTable('comments')
			.set({
				body,
				mentions,
				status,
				edited_at: now,
				moderation_reason: verdict.reasons.join(' ') || null,
				findings: storedFindings(verdict),
				flagged: verdict.flagged
			})
			.where('id', '=', commentId)
			.execute();
		if (current.status !== status)
			await commentVisibilityChanged(ctx, tx, group.id, comment.post_id, commentId, status === 'published' ? 1 : -1);
		else if (status === 'published')
			await ctx.notifier.publish(tx, { type: 'comment', groupId: group.id, postId: comment.post_id, commentId });
		await afterScreening(ctx, tx, {
			group,
			result: verdict,
			authorId: author.id,
			postId: comment.post_id,
			commentId,
			createdAt: now
		});
		return { status, reasons: verdict.reasons };
	});
}

/**
 * The author deletes their comment, as a post is deleted: it leaves the thread and the count at
 * once (answers to it stay, under "Komentarz usunięty przez autora"); the row and its history are
 * kept, as a deleted post's are.
 */
export async function deleteComment(ctx: Ctx, actor: Actor | null, commentId: string): Promise<void> {
	const { group, comment } = await authorizeAsCommentAuthor(ctx, actor, commentId, 'delete');
	await ctx.db.transaction().execute(async (tx) => {
		const current = await tx
			.selectFrom('comments')
			.select('status')
			.where('id', '=', commentId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (current.status === 'deleted' || current.status === 'removed') return;
		await tx.updateTable('comments').set({ status: 'deleted' }).where('id', '=', commentId).execute();
		if (current.status === 'published')
			await commentVisibilityChanged(ctx, tx, group.id, comment.post_id, commentId, -1);
	});
}
