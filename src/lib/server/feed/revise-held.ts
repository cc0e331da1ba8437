import type { Actor, Ctx } from '../core/context';
import { parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import { authorizeAsAuthor, authorizeAsCommentAuthor } from '../access/post-access';
import { afterScreening, storedFindings } from '../moderation/intake';
import { screenFor } from '../moderation/screen';
import { foldText } from '../text/fold';
import { postTextSchema, type CreatedPost } from './create-post';
import { findMentions, mentionsPublished } from '../notify/mentions';
import { commentEditSchema, rewriteComment } from './comment-authoring';

/**
 * "Popraw i wyślij ponownie": the author changes a post the screening held, before any moderator
 * has decided on it. The new text is screened like a new post: with the words that held it
 * changed, it appears at once (unless the group holds it anyway); otherwise it keeps waiting,
 * with the new reasons. A post never published keeps no revision history.
 */
export async function reviseHeldPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown
): Promise<CreatedPost> {
	const { group, access, post } = await authorizeAsAuthor(ctx, actor, postId);
	const data = parseInput(postTextSchema, input);
	if (post.status !== 'pending' || post.decided_at)
		throw new AppError('conflict', 'Tego posta nie można już poprawić w ten sposób — zobacz go w grupie.');
	const unit = post.unit_id ? access.units.find((u) => u.id === post.unit_id) : undefined;
	const verdict = await screenFor(ctx, ctx.db, 'post', data.body, group, access, unit);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	const now = ctx.clock.now();
	const mentions = (await findMentions(ctx.db, group.id, data.body, post.author_id)).map((m) => m.name);
	return ctx.db.transaction().execute(async (tx) => {
		const changed = await tx
			.updateTable('posts')
			.set({
				body: data.body,
				body_folded: foldText(data.body),
				mentions: JSON.stringify(mentions),
				category: data.category,
				status,
				findings: storedFindings(verdict),
				flagged: verdict.flagged,
				moderation_reason: verdict.reasons.join(' ') || null,
				published_at: status === 'published' ? now : null,
				// Never shown, so not "edytowano" (heldByEngine reads text_changed_at).
				text_changed_at: now
			})
			.where('id', '=', postId)
			.where('status', '=', 'pending')
			.where('decided_at', 'is', null)
			.returning('id')
			.executeTakeFirst();
		if (!changed)
			throw new AppError('conflict', 'Tego posta nie można już poprawić w ten sposób — zobacz go w grupie.');
		if (status === 'published') {
			await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
			await mentionsPublished(tx, ctx.clock, { groupId: group.id, postId, authorId: post.author_id, mentions });
		}
		await afterScreening(ctx, tx, { group, result: verdict, authorId: post.author_id, postId, createdAt: now });
		return { id: postId, status, reasons: verdict.reasons };
	});
}

const commentNoLongerHeld = 'Tego komentarza nie można już poprawić w ten sposób — zobacz go pod postem.';

/**
 * "Popraw i wyślij ponownie" for a comment: its author changes a comment held when it was sent
 * (by the engine, or for a new member) while it still waits. The new text is screened like a new
 * comment: clean, it appears at once; otherwise it keeps waiting with the new reasons. The held
 * text, which nobody else saw, leaves no history. `PATCH /comments/{id}` does the same for a held
 * comment (`editComment`).
 */
export async function reviseHeldComment(
	ctx: Ctx,
	actor: Actor | null,
	commentId: string,
	input: unknown
): Promise<{ id: string; status: 'published' | 'pending'; reasons: string[] }> {
	const authorized = await authorizeAsCommentAuthor(ctx, actor, commentId, 'edit');
	const { body } = parseInput(commentEditSchema, input);
	if (authorized.comment.status !== 'pending') throw new AppError('conflict', commentNoLongerHeld);
	const changed = await rewriteComment(ctx, authorized, body, ['pending'], commentNoLongerHeld);
	return { id: commentId, ...changed };
}
