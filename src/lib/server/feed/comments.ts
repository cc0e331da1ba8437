import { z } from 'zod';
import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { ReactionKind, CommentStatus, Group } from '../db/schema';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { NOBODY } from './feed-query';
import { AppError, notFound } from '../core/errors';
import { parseInput, isId, idSchema } from '../core/validation';
import { can } from '../access/policy';
import type { GroupAccess } from '../access/group-access';
import { screenFor } from '../moderation/screen';
import { afterScreening, storedFindings } from '../moderation/intake';
import { notify } from '../notify/notifications';
import { findMentions, notifyMentioned } from '../notify/mentions';
import { postFollowers } from './follows';
import { authorizeOnPost } from '../access/post-access';
import { commentVisibilityChanged } from '../groups/post-counters';

export const commentInputSchema = z.object({
	body: z
		.string({ error: 'Napisz treść komentarza.' })
		.trim()
		.min(1, 'Napisz treść komentarza.')
		.max(5000, 'Komentarz może mieć najwyżej 5000 znaków.'),
	parentId: idSchema('Nie ma takiego komentarza.').nullish()
});

export interface CommentView {
	id: string;
	parentId: string | null;
	authorName: string;
	body: string;
	/** Members the text mentions, shown as links. */
	mentions: string[];
	status: CommentStatus;
	/** Written by the viewer (who may not report it). */
	mine: boolean;
	/** Why it is held: shown to its author and moderators. */
	reason: string | null;
	createdAt: string;
	/** When the author last changed a text readers had seen ("edytowano"); null if never. */
	editedAt: string | null;
	/** Earlier versions, newest first (empty unless edited). */
	history: { body: string; editedAt: string }[];
	reactions: number;
	byKind: Partial<Record<ReactionKind, number>>;
	myReaction: ReactionKind | null;
	/** The answer of the unit a question asks ("Odpowiedź urzędu"): its thread comes first. */
	officialAnswer: boolean;
	replies: CommentView[];
}

/**
 * A comment under a post, in its one thread. `via`: the slug of the group the author came from;
 * when the post was cross-posted there (Pakiet 3), that group's members may comment too, and the
 * comment records the group (`via_group_id`). It is screened by the post's own group.
 */
export async function addComment(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown,
	via?: string | null
): Promise<{ id: string; status: 'published' | 'pending'; reasons: string[] }> {
	const { group, access, actor: author, via: seenIn } = await authorizeOnPost(ctx, actor, postId, 'comment', via);
	const data = parseInput(commentInputSchema, input);
	const now = ctx.clock.now();
	const verdict = await screenFor(ctx, ctx.db, 'comment', data.body, group, access);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	const mentioned = await findMentions(ctx.db, group.id, data.body, author.id);
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts')
			.select(['status', 'author_id', 'comments_enabled'])
			.where('id', '=', postId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (post.status !== 'published')
			throw new AppError('conflict', 'Nie można komentować posta, który nie jest opublikowany.');
		if (!post.comments_enabled) throw new AppError('conflict', 'Autor wyłączył komentarze pod tym postem.');
		// One level of replies: a reply to a reply joins the same thread.
		let parent: { id: string; author_id: string } | undefined;
		if (data.parentId) {
			const p = await tx
				.selectFrom('comments')
				.select(['id', 'parent_id', 'author_id'])
				.where('id', '=', data.parentId)
				.where('post_id', '=', postId)
				.where('status', '=', 'published')
				.executeTakeFirst();
			if (!p)
				throw new AppError('validation', 'Komentarz, na który odpowiadasz, już nie istnieje.', {
					parentId: 'Nie ma takiego komentarza.'
				});
			// The thread is the top comment's; the person answered is told.
			parent = { id: p.parent_id ?? p.id, author_id: p.author_id };
		}
		const comment = await tx
			.insertInto('comments')
			.values({
				post_id: postId,
				parent_id: parent?.id ?? null,
				author_id: author.id,
				body: data.body,
				status,
				moderation_reason: verdict.reasons.join(' ') || null,
				findings: storedFindings(verdict),
				flagged: verdict.flagged,
				reaction_counts: '{}',
				mentions: JSON.stringify(mentioned.map((m) => m.name)),
				created_at: now,
				via_group_id: seenIn?.id ?? null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (status === 'published') {
			await commentVisibilityChanged(ctx, tx, group.id, postId, comment.id, 1);
			// Who muted the post hears nothing of it; its followers hear of every comment.
			const { following, muted } = await postFollowers(tx, postId);
			// Who is mentioned hears of that (even with the post muted), and of nothing else here.
			const toldOfMention = await notifyMentioned(tx, ctx.clock, mentioned, {
				groupId: group.id,
				postId,
				commentId: comment.id,
				authorId: author.id,
				authorName: author.displayName
			});
			const notified = new Set([author.id, ...muted, ...toldOfMention]);
			if (parent && !notified.has(parent.author_id)) {
				notified.add(parent.author_id);
				await notify(tx, ctx.clock, {
					userId: parent.author_id,
					kind: 'reply_to_comment',
					groupId: group.id,
					postId,
					commentId: comment.id,
					actorName: author.displayName
				});
			}
			if (!notified.has(post.author_id)) {
				notified.add(post.author_id);
				await notify(tx, ctx.clock, {
					userId: post.author_id,
					kind: 'comment_on_post',
					groupId: group.id,
					postId,
					commentId: comment.id,
					actorName: author.displayName
				});
			}
			for (const userId of following.filter((id) => !notified.has(id)))
				await notify(tx, ctx.clock, {
					userId,
					kind: 'comment_on_followed',
					groupId: group.id,
					postId,
					commentId: comment.id,
					actorName: author.displayName
				});
		}
		await afterScreening(ctx, tx, {
			group,
			result: verdict,
			authorId: author.id,
			postId,
			commentId: comment.id,
			createdAt: now
		});
		return { id: comment.id, status, reasons: verdict.reasons };
	});
}

/** A post's comments with the reader's own reaction to each, in one query compiled once per kind of reader. */
const commentsQuery = (moderator: boolean) =>
	prepared((db: Db, postId: string, readerId: string) =>
		db
			.selectFrom('comments as c')
			.innerJoin('users as u', 'u.id', 'c.author_id')
			.select([
				'c.id',
				'c.parent_id',
				'c.author_id',
				'u.display_name',
				'c.body',
				'c.mentions',
				'c.status',
				'c.moderation_reason',
				'c.created_at',
				'c.edited_at',
				'c.reaction_count',
				'c.reaction_counts'
			])
			.select((eb) => [
				eb
					.selectFrom('comment_reactions as cr')
					.select('cr.kind')
					.whereRef('cr.comment_id', '=', 'c.id')
					.where('cr.user_id', '=', readerId)
					.as('my_reaction'),
				sql<boolean>`exists (select 1 from questions q where q.post_id = c.post_id and q.answer_comment_id = c.id)`.as(
					'official_answer'
				)
			])
			.where('c.post_id', '=', postId)
			.where((eb) =>
				moderator
					? eb('c.status', '!=', 'removed')
					: eb.or([
							// A deleted comment holds the place of its answers (its text is never shown).
							eb('c.status', 'in', ['published', 'deleted']),
							eb.and([eb('c.author_id', '=', readerId), eb('c.status', '=', 'pending')])
						])
			)
			.orderBy('c.created_at')
			.orderBy('c.id')
			.limit(2000)
	);
const moderatorComments = commentsQuery(true);
const readerComments = commentsQuery(false);

/** Comments of a post as threads, oldest first; held ones only for moderators and their author. */
export async function listComments(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	via?: string | null,
	/** What `getPost` found for the same reader, post and address (the post's page): not asked again. */
	readable?: { group: Group; access: GroupAccess }
): Promise<CommentView[]> {
	const { group, access } = readable ?? (await authorizeOnPost(ctx, actor, postId, 'read', via));
	const moderator = can(access.role, 'moderate', group);
	const rows = await (moderator ? moderatorComments : readerComments)(ctx.db, postId, actor?.id ?? NOBODY);
	const edited = rows.filter((r) => r.edited_at && r.status !== 'deleted').map((r) => r.id);
	const revisions = edited.length
		? await ctx.db
				.selectFrom('comment_revisions')
				.select(['comment_id', 'body', 'edited_at'])
				.where('comment_id', 'in', edited)
				.orderBy('id', 'desc')
				.execute()
		: [];
	const views = new Map<string, CommentView>();
	const top: CommentView[] = [];
	for (const r of rows) {
		const deleted = r.status === 'deleted';
		// "edytowano" only beside a text readers saw before: a held text corrected leaves no history.
		const history = deleted
			? []
			: revisions
					.filter((h) => h.comment_id === r.id)
					.map((h) => ({ body: h.body, editedAt: h.edited_at.toISOString() }));
		const v: CommentView = {
			id: r.id,
			parentId: r.parent_id,
			authorName: deleted ? '' : r.display_name,
			body: deleted ? '' : r.body,
			mentions: deleted ? [] : r.mentions,
			status: r.status,
			mine: !deleted && r.author_id === actor?.id,
			reason: r.status === 'pending' ? r.moderation_reason : null,
			createdAt: r.created_at.toISOString(),
			editedAt: deleted || !history.length ? null : (r.edited_at?.toISOString() ?? null),
			history,
			reactions: r.reaction_count,
			byKind: r.reaction_counts ?? {},
			myReaction: (r.my_reaction as ReactionKind | null) ?? null,
			officialAnswer: !deleted && r.status === 'published' && !!r.official_answer,
			replies: []
		};
		views.set(r.id, v);
		if (r.parent_id && views.has(r.parent_id)) views.get(r.parent_id)!.replies.push(v);
		else if (!r.parent_id) top.push(v);
	}
	// A deleted answer leaves nothing; a deleted comment stays only as the head of its answers.
	const kept = (v: CommentView) => v.status !== 'deleted';
	const threads = top
		.map((v) => ({ ...v, replies: v.replies.filter(kept) }))
		.filter((v) => kept(v) || v.replies.length > 0);
	// The thread holding the office's answer is shown first; the others keep their order.
	const answered = (v: CommentView) => v.officialAnswer || v.replies.some((r) => r.officialAnswer);
	return [...threads.filter(answered), ...threads.filter((v) => !answered(v))];
}

export async function findCommentPost(ctx: Ctx, commentId: string): Promise<string> {
	if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
	const c = await ctx.db.selectFrom('comments').select('post_id').where('id', '=', commentId).executeTakeFirst();
	if (!c) throw notFound('Nie ma takiego komentarza.');
	return c.post_id;
}
