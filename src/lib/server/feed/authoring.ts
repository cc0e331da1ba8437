import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, Post } from '../db/schema';
import { toActor } from '../auth/accounts';
import { parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import { groupAccess, type GroupAccess } from '../access/group-access';
import { can } from '../access/policy';
import { afterScreening, storedFindings } from '../moderation/intake';
import { screenFor } from '../moderation/screen';
import { foldText } from '../text/fold';
import { MAX_SCHEDULE_DAYS, postTextSchema } from './create-post';
import { authorizeAsAuthor } from '../access/post-access';
import { QUESTION_CATEGORY, withdrawQuestion } from '../questions/questions';
import { findMentions, mentionsPublished } from '../notify/mentions';

/**
 * Publishes a draft or a scheduled post now: screened as a new post by its author's standing
 * today (a unit without an active package waits for a moderator).
 */
async function publishStored(
	ctx: Ctx,
	tx: Db,
	post: Post,
	group: Group,
	access: GroupAccess
): Promise<{ status: 'published' | 'pending'; reasons: string[] }> {
	const now = ctx.clock.now();
	const unit = post.unit_id ? access.units.find((u) => u.id === post.unit_id) : undefined;
	const verdict = await screenFor(ctx, tx, 'post', post.body, group, access, unit);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	await tx
		.updateTable('posts')
		.set({
			status,
			published_at: status === 'published' ? now : null,
			scheduled_for: null,
			moderation_reason: verdict.reasons.join(' ') || null,
			findings: storedFindings(verdict),
			flagged: verdict.flagged
		})
		.where('id', '=', post.id)
		.execute();
	if (status === 'published') {
		await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: post.id });
		await mentionsPublished(tx, ctx.clock, {
			groupId: group.id,
			postId: post.id,
			authorId: post.author_id,
			mentions: post.mentions
		});
	}
	await afterScreening(ctx, tx, { group, result: verdict, authorId: post.author_id, postId: post.id, createdAt: now });
	return { status, reasons: verdict.reasons };
}

export const publishDraftSchema = z.object({
	publishAt: z.date({ error: 'Podaj poprawną datę i godzinę publikacji.' }).nullish()
});

/** The author publishes a draft now, or schedules it. */
export async function publishDraft(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown = {}
): Promise<{ status: 'published' | 'pending' | 'scheduled'; reasons: string[] }> {
	const { group, access, post } = await authorizeAsAuthor(ctx, actor, postId);
	const { publishAt } = parseInput(publishDraftSchema, input);
	if (post.status !== 'draft' && post.status !== 'scheduled')
		throw new AppError('conflict', 'Ten post jest już opublikowany albo czeka na moderatora.');
	const now = ctx.clock.now();
	if (publishAt) {
		if (
			publishAt.getTime() < now.getTime() + 60_000 ||
			publishAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000
		)
			throw new AppError('validation', 'Zaplanuj publikację od minuty do roku naprzód.', {
				publishAt: 'Od minuty do roku naprzód.'
			});
		await ctx.db
			.updateTable('posts')
			.set({ status: 'scheduled', scheduled_for: publishAt })
			.where('id', '=', postId)
			.execute();
		return { status: 'scheduled', reasons: [] };
	}
	return ctx.db.transaction().execute(async (tx) => {
		const locked = await tx
			.selectFrom('posts')
			.selectAll()
			.where('id', '=', postId)
			.where('status', 'in', ['draft', 'scheduled'])
			.forUpdate()
			.executeTakeFirst();
		if (!locked) throw new AppError('conflict', 'Ten post jest już opublikowany.');
		return publishStored(ctx, tx, locked, group, access);
	});
}

/**
 * The job: every scheduled post whose time has come is published (or held), each in its own
 * transaction; rows are locked with SKIP LOCKED so several instances never publish one twice.
 */
export async function publishDueScheduled(ctx: Ctx): Promise<number> {
	let published = 0;
	for (;;) {
		const done = await ctx.db.transaction().execute(async (tx) => {
			const post = await tx
				.selectFrom('posts')
				.selectAll()
				.where('status', '=', 'scheduled')
				.where('scheduled_for', '<=', ctx.clock.now())
				.orderBy('scheduled_for')
				.limit(1)
				.forUpdate()
				.skipLocked()
				.executeTakeFirst();
			if (!post) return false;
			const group = await tx.selectFrom('groups').selectAll().where('id', '=', post.group_id).executeTakeFirstOrThrow();
			const author = await tx
				.selectFrom('users')
				.selectAll()
				.where('id', '=', post.author_id)
				.executeTakeFirstOrThrow();
			const access = await groupAccess({ db: tx, clock: ctx.clock }, toActor(author), group);
			const unitGone = post.unit_id !== null && !access.units.some((u) => u.id === post.unit_id);
			if (author.deleted_at || unitGone || !can(access.role, 'post', group)) {
				// The author may no longer publish here: the post goes back to drafts.
				await tx
					.updateTable('posts')
					.set({
						status: 'draft',
						scheduled_for: null,
						moderation_reason:
							'Nie opublikowano w zaplanowanym terminie: autor nie może już publikować w tej grupie (lub w imieniu tej jednostki).'
					})
					.where('id', '=', post.id)
					.execute();
				return true;
			}
			await publishStored(ctx, tx, post, group, access);
			published++;
			return true;
		});
		if (!done) return published;
	}
}

export const editSchema = postTextSchema.extend({
	commentsEnabled: z.boolean().default(true)
});

/**
 * An edit of a published post keeps the previous text in the history and marks the post
 * "edytowano"; a text nobody else saw (a draft, a scheduled or held post) leaves no history. A
 * published post is screened again: if the new text would be held, it waits for a moderator.
 */
export async function editPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown
): Promise<{ status: string; reasons: string[] }> {
	const { actor: editor, group, access, post } = await authorizeAsAuthor(ctx, actor, postId);
	const data = parseInput(editSchema, input);
	if (post.status === 'changes_requested')
		throw new AppError('conflict', 'Ten post czeka na poprawki — popraw go w formularzu pod postem.');
	const now = ctx.clock.now();
	const changedText = data.body !== post.body || data.category !== post.category;
	const readersSawIt = changedText && post.status === 'published';
	return ctx.db.transaction().execute(async (tx) => {
		if (readersSawIt)
			await tx
				.insertInto('post_revisions')
				.values({ post_id: postId, body: post.body, category: post.category, edited_by: editor.id, edited_at: now })
				.execute();
		let status: string = post.status;
		let reasons: string[] = [];
		const base = {
			body: data.body,
			body_folded: foldText(data.body),
			// Links only: a mention added by an edit tells no one.
			mentions: JSON.stringify((await findMentions(tx, group.id, data.body, post.author_id)).map((m) => m.name)),
			category: data.category,
			comments_enabled: data.commentsEnabled,
			edited_at: readersSawIt ? now : post.edited_at,
			text_changed_at: changedText ? now : post.text_changed_at
		};
		if (changedText && (post.status === 'published' || post.status === 'pending')) {
			const unit = post.unit_id ? access.units.find((u) => u.id === post.unit_id) : undefined;
			const verdict = await screenFor(ctx, tx, 'post', data.body, group, access, unit);
			// An edit never bypasses a moderator: a held post stays held; a published one is held only for its content.
			status = post.status === 'pending' || verdict.heldForContent ? 'pending' : 'published';
			reasons = status === 'pending' ? verdict.reasons : [];
			await tx
				.updateTable('posts')
				.set({
					...base,
					status: status as 'published' | 'pending',
					findings: storedFindings(verdict),
					flagged: verdict.flagged,
					moderation_reason: reasons.join(' ') || null
				})
				.where('id', '=', postId)
				.execute();
			if (verdict.heldForContent)
				await afterScreening(ctx, tx, { group, result: verdict, authorId: post.author_id, postId, createdAt: now });
		} else {
			await tx.updateTable('posts').set(base).where('id', '=', postId).execute();
		}
		// Moved out of "Pytania", a post asks nobody any more.
		if (data.category !== post.category && post.category === QUESTION_CATEGORY) await withdrawQuestion(tx, postId);
		if (post.status === 'published') await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		return { status, reasons };
	});
}

/** The author (or the unit's staff) deletes a post; it disappears at once. */
export async function deletePost(ctx: Ctx, actor: Actor | null, postId: string): Promise<void> {
	const { group, post } = await authorizeAsAuthor(ctx, actor, postId);
	await ctx.db.transaction().execute(async (tx) => {
		await tx
			.updateTable('posts')
			.set({ status: 'deleted', pinned: false, urgent_until: null, scheduled_for: null })
			.where('id', '=', postId)
			.execute();
		if (post.status === 'published') await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
	});
}

export interface Revision {
	body: string;
	category: string;
	editedAt: string;
}

/** The earlier versions of a post, newest first, for whoever may read the post. */
export async function listRevisions(ctx: Ctx, postId: string): Promise<Revision[]> {
	const rows = await ctx.db
		.selectFrom('post_revisions')
		.select(['body', 'category', 'edited_at'])
		.where('post_id', '=', postId)
		.orderBy('id', 'desc')
		.limit(50)
		.execute();
	return rows.map((r) => ({ body: r.body, category: r.category, editedAt: r.edited_at.toISOString() }));
}
