import { z } from 'zod';
import type { Actor, Ctx } from '../context';
import type { ReactionKind } from '../db/schema';
import { AppError, notFound } from '../errors';
import { parseInput } from '../auth/accounts';
import { assertCan, can } from '../groups/policy';
import { groupAccess } from '../groups/groups';
import type { Group } from '../db/schema';
import type { Db } from '../db/database';
import { screen } from '../moderation/screen';
import { notify } from '../notify/notifications';
import { authorizeOnPost, rejectReasonSchema } from './posts';

export const commentInputSchema = z.object({
	body: z.string({ error: 'Napisz treść komentarza.' }).trim().min(1, 'Napisz treść komentarza.').max(5000, 'Komentarz może mieć najwyżej 5000 znaków.'),
	parentId: z.string().regex(/^\d+$/, 'Nie ma takiego komentarza.').nullish()
});

/** A comment became visible: the post's counter goes up and open pages hear of it. */
async function countPublishedComment(ctx: Ctx, tx: Db, groupId: string, postId: string, commentId: string) {
	const counts = await tx
		.updateTable('posts')
		.set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
		.where('id', '=', postId)
		.returning(['comment_count', 'reaction_count', 'view_count', 'share_count'])
		.executeTakeFirstOrThrow();
	await ctx.notifier.publish(tx, { type: 'comment', groupId, postId, commentId });
	await ctx.notifier.publish(tx, { type: 'counts', groupId, postId, comments: counts.comment_count, reactions: counts.reaction_count, views: counts.view_count, shares: counts.share_count });
}

export interface CommentView {
	id: string;
	parentId: string | null;
	authorName: string;
	body: string;
	status: string;
	/** Why it is held: shown to its author and moderators. */
	reason: string | null;
	createdAt: string;
	reactions: number;
	byKind: Partial<Record<ReactionKind, number>>;
	myReaction: ReactionKind | null;
	replies: CommentView[];
}

export async function addComment(ctx: Ctx, actor: Actor | null, postId: string, input: unknown): Promise<{ id: string; status: 'published' | 'pending'; reasons: string[] }> {
	const { group, access } = await authorizeOnPost(ctx, actor, postId, 'comment');
	const data = parseInput(commentInputSchema, input);
	const verdict = screen({ kind: 'comment', text: data.body, group, role: access.role, asUnit: false, lexicon: ctx.lexicon });
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx.selectFrom('posts').select(['status', 'author_id']).where('id', '=', postId).forUpdate().executeTakeFirstOrThrow();
		if (post.status !== 'published') throw new AppError('conflict', 'Nie można komentować posta, który nie jest opublikowany.');
		// One level of replies: a reply to a reply joins the same thread.
		let parent: { id: string; author_id: string } | undefined;
		if (data.parentId) {
			const p = await tx.selectFrom('comments').select(['id', 'parent_id', 'author_id']).where('id', '=', data.parentId).where('post_id', '=', postId).where('status', '=', 'published').executeTakeFirst();
			if (!p) throw new AppError('validation', 'Komentarz, na który odpowiadasz, już nie istnieje.', { parentId: 'Nie ma takiego komentarza.' });
			// The thread is the top comment's; the person answered is told.
			parent = { id: p.parent_id ?? p.id, author_id: p.author_id };
		}
		const comment = await tx
			.insertInto('comments')
			.values({ post_id: postId, parent_id: parent?.id ?? null, author_id: actor!.id, body: data.body, status, moderation_reason: verdict.reasons.join(' ') || null, reaction_counts: '{}', created_at: ctx.clock.now() })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (status === 'published') {
			await countPublishedComment(ctx, tx, group.id, postId, comment.id);
			const notified = new Set([actor!.id]);
			if (parent && !notified.has(parent.author_id)) {
				notified.add(parent.author_id);
				await notify(tx, ctx.clock, { userId: parent.author_id, kind: 'reply_to_comment', groupId: group.id, postId, commentId: comment.id, actorName: actor!.displayName });
			}
			if (!notified.has(post.author_id)) {
				await notify(tx, ctx.clock, { userId: post.author_id, kind: 'comment_on_post', groupId: group.id, postId, commentId: comment.id, actorName: actor!.displayName });
			}
		}
		return { id: comment.id, status, reasons: verdict.reasons };
	});
}

/** Comments of a post as threads, oldest first; held ones only for moderators and their author. */
export async function listComments(ctx: Ctx, actor: Actor | null, postId: string): Promise<CommentView[]> {
	const { group, access } = await authorizeOnPost(ctx, actor, postId, 'read');
	const moderator = can(access.role, 'moderate', group);
	const rows = await ctx.db
		.selectFrom('comments as c')
		.innerJoin('users as u', 'u.id', 'c.author_id')
		.select(['c.id', 'c.parent_id', 'c.author_id', 'u.display_name', 'c.body', 'c.status', 'c.moderation_reason', 'c.created_at', 'c.reaction_count', 'c.reaction_counts'])
		.where('c.post_id', '=', postId)
		.where((eb) => (moderator ? eb('c.status', '!=', 'removed') : eb.or([eb('c.status', '=', 'published'), eb.and([eb('c.author_id', '=', actor?.id ?? '0'), eb('c.status', '=', 'pending')])])))
		.orderBy('c.created_at')
		.orderBy('c.id')
		.limit(2000)
		.execute();
	const mine = actor && rows.length
		? await ctx.db.selectFrom('comment_reactions').select(['comment_id', 'kind']).where('user_id', '=', actor.id).where('comment_id', 'in', rows.map((r) => r.id)).execute()
		: [];
	const views = new Map<string, CommentView>();
	const top: CommentView[] = [];
	for (const r of rows) {
		const v: CommentView = {
			id: r.id,
			parentId: r.parent_id,
			authorName: r.display_name,
			body: r.body,
			status: r.status,
			reason: r.status === 'pending' ? r.moderation_reason : null,
			createdAt: r.created_at.toISOString(),
			reactions: r.reaction_count,
			byKind: r.reaction_counts ?? {},
			myReaction: mine.find((m) => m.comment_id === r.id)?.kind ?? null,
			replies: []
		};
		views.set(r.id, v);
		if (r.parent_id && views.has(r.parent_id)) views.get(r.parent_id)!.replies.push(v);
		else if (!r.parent_id) top.push(v);
	}
	return top;
}

export async function findCommentPost(ctx: Ctx, commentId: string): Promise<string> {
	if (!/^\d{1,18}$/.test(commentId)) throw notFound('Nie ma takiego komentarza.');
	const c = await ctx.db.selectFrom('comments').select('post_id').where('id', '=', commentId).executeTakeFirst();
	if (!c) throw notFound('Nie ma takiego komentarza.');
	return c.post_id;
}

export interface HeldComment {
	id: string;
	postId: string;
	postExcerpt: string;
	authorName: string;
	body: string;
	reason: string | null;
	createdAt: string;
}

/** Comments the engine held in a group, oldest first. */
export async function listPendingComments(ctx: Ctx, actor: Actor | null, group: Group): Promise<HeldComment[]> {
	assertCan((await groupAccess(ctx.db, actor, group)).role, 'moderate', group);
	const rows = await ctx.db
		.selectFrom('comments as c')
		.innerJoin('posts as p', 'p.id', 'c.post_id')
		.innerJoin('users as u', 'u.id', 'c.author_id')
		.select(['c.id', 'c.post_id', 'p.body as post_body', 'u.display_name', 'c.body', 'c.moderation_reason', 'c.created_at'])
		.where('c.status', '=', 'pending')
		.where('p.group_id', '=', group.id)
		.orderBy('c.created_at')
		.limit(100)
		.execute();
	return rows.map((r) => ({ id: r.id, postId: r.post_id, postExcerpt: r.post_body.slice(0, 120), authorName: r.display_name, body: r.body, reason: r.moderation_reason, createdAt: r.created_at.toISOString() }));
}

/** A moderator publishes a held comment, or rejects it with a reason the author is told. */
export async function decideComment(ctx: Ctx, actor: Actor | null, commentId: string, approve: boolean, reason?: unknown): Promise<void> {
	const postId = await findCommentPost(ctx, commentId);
	const { group } = await authorizeOnPost(ctx, actor, postId, 'moderate');
	const why = approve ? null : parseInput(rejectReasonSchema, reason);
	const now = ctx.clock.now();
	await ctx.db.transaction().execute(async (tx) => {
		const c = await tx.selectFrom('comments').select(['status', 'author_id']).where('id', '=', commentId).forUpdate().executeTakeFirstOrThrow();
		if (c.status !== 'pending') throw new AppError('conflict', 'Ten komentarz został już rozpatrzony.');
		await tx
			.updateTable('comments')
			.set(approve ? { status: 'published', moderation_reason: null, decided_at: now, decided_by: actor!.id } : { status: 'rejected', moderation_reason: why, decided_at: now, decided_by: actor!.id })
			.where('id', '=', commentId)
			.execute();
		await notify(tx, ctx.clock, { userId: c.author_id, kind: approve ? 'comment_approved' : 'comment_rejected', groupId: group.id, postId, commentId, detail: why ?? undefined });
		if (approve) await countPublishedComment(ctx, tx, group.id, postId, commentId);
	});
}
