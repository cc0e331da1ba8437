import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { parseInput, isId } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { commentVisibilityChanged } from '../groups/post-counters';
import { authorizeOnPost, findPostGroup } from '../access/post-access';
import { notify } from '../notify/notifications';
import { mentionsPublished } from '../notify/mentions';
import { foldText } from '../text/fold';
import { restrict } from './decisions';
import { afterScreening, storedFindings } from './intake';
import { logAction } from '../audit/audit-log';
import { screenFor } from './screen';
import { groundIds, type Ground } from './terms';
import { questionPublished } from '../questions/questions';

export const decisionSchema = z.object({
	decision: z.enum(['approve', 'reject', 'ask_edit'], { error: 'Wybierz decyzję.' }),
	ground: z.enum(groundIds as [Ground, ...Ground[]], { error: 'Wybierz punkt regulaminu.' }).nullish(),
	reason: z.string().trim().max(1000, 'Uzasadnienie może mieć najwyżej 1000 znaków.').nullish()
});

type Decision = z.infer<typeof decisionSchema>;

function checkDecision(d: Decision, kind: 'post' | 'comment'): void {
	if (d.decision === 'reject' && !d.ground)
		throw new AppError('validation', 'Wybierz punkt regulaminu, który treść narusza.', {
			ground: 'Wybierz punkt regulaminu.'
		});
	if (d.decision !== 'approve' && (!d.reason || d.reason.length < 3)) {
		const msg =
			d.decision === 'reject'
				? 'Uzasadnij odrzucenie (co najmniej 3 znaki) — autor zobaczy to uzasadnienie.'
				: 'Napisz, co autor ma poprawić (co najmniej 3 znaki).';
		throw new AppError('validation', msg, { reason: msg });
	}
	if (d.decision === 'ask_edit' && kind === 'comment')
		throw new AppError('validation', 'O poprawki można prosić tylko przy postach.');
}

/** The held content a moderator decides on: a post, or a comment under a post. */
export type Held =
	{ kind: 'post'; postId: string; commentId?: undefined } | { kind: 'comment'; postId: string; commentId: string };

const heldTexts = {
	post: { decided: 'Ten post został już rozpatrzony.', what: 'Twój post', approved: 'post_approved' },
	comment: { decided: 'Ten komentarz został już rozpatrzony.', what: 'Twój komentarz', approved: 'comment_approved' }
} as const;

/**
 * Was the content, as it stands, held by the engine (not only by the group's policy)? The truth
 * from its history: an automated hold logged for it since its text last changed (an edit of a
 * held post or comment is screened again; a clean edit stays held only by the policy). With
 * `flag`, also a word of the group's list that published it and told the moderators to look.
 */
export async function heldByEngine(
	db: Db,
	held: Pick<Held, 'postId' | 'commentId'>,
	actions: ('hold' | 'flag')[] = ['hold']
): Promise<boolean> {
	const log = db
		.selectFrom('moderation_log as l')
		.select('l.id')
		.where('l.action', 'in', actions)
		.where('l.automated_detection', '=', true);
	const found = held.commentId
		? await log
				.innerJoin('comments as c', 'c.id', 'l.comment_id')
				.where('l.comment_id', '=', held.commentId)
				.where((eb) => eb('l.created_at', '>=', eb.fn.coalesce('c.edited_at', 'c.created_at')))
				.executeTakeFirst()
		: await log
				.innerJoin('posts as p', 'p.id', 'l.post_id')
				.where('l.post_id', '=', held.postId)
				.where('l.comment_id', 'is', null)
				.where((eb) => eb('l.created_at', '>=', eb.fn.coalesce('p.text_changed_at', 'p.created_at')))
				.executeTakeFirst();
	return !!found;
}

function lockHeld(tx: Db, held: Held) {
	const columns = ['status', 'author_id', 'created_at', 'mentions'] as const;
	return held.commentId
		? tx.selectFrom('comments').select(columns).where('id', '=', held.commentId).forUpdate().executeTakeFirstOrThrow()
		: tx.selectFrom('posts').select(columns).where('id', '=', held.postId).forUpdate().executeTakeFirstOrThrow();
}

async function setDecision(
	tx: Db,
	held: Held,
	change: { status: 'published' | 'changes_requested' | 'rejected'; moderation_reason: string | null },
	decided: { decided_at: Date; decided_by: string }
): Promise<void> {
	if (held.commentId) {
		if (change.status === 'changes_requested') throw new Error('Only a post can be sent back for changes.');
		await tx
			.updateTable('comments')
			.set({ ...change, status: change.status, ...decided })
			.where('id', '=', held.commentId)
			.execute();
		return;
	}
	const publishedAt = change.status === 'published' ? { published_at: decided.decided_at } : {};
	await tx
		.updateTable('posts')
		.set({ ...change, ...publishedAt, ...decided })
		.where('id', '=', held.postId)
		.execute();
}

/** A moderator publishes held content, rejects it citing the terms, or asks the author to edit a post. */
async function decideHeld(ctx: Ctx, actor: Actor | null, held: Held, input: unknown): Promise<void> {
	const { group, actor: moderator } = await authorizeOnPost(ctx, actor, held.postId, 'moderate');
	const d = parseInput(decisionSchema, input);
	checkDecision(d, held.kind);
	const texts = heldTexts[held.kind];
	const decided = { decided_at: ctx.clock.now(), decided_by: moderator.id };
	const automatedDetection = await heldByEngine(ctx.db, held);
	await ctx.db.transaction().execute(async (tx) => {
		const content = await lockHeld(tx, held);
		if (content.status !== 'pending') throw new AppError('conflict', texts.decided);
		const { postId, commentId } = held;
		const common = {
			groupId: group.id,
			actorId: moderator.id,
			postId,
			commentId,
			subjectId: content.author_id,
			automatedDetection,
			contentCreatedAt: content.created_at
		};
		if (d.decision === 'approve') {
			await setDecision(tx, held, { status: 'published', moderation_reason: null }, decided);
			await logAction(tx, ctx.clock, { ...common, action: 'approve' });
			const author = { userId: content.author_id, groupId: group.id, postId, commentId };
			await notify(tx, ctx.clock, { ...author, kind: texts.approved });
			await mentionsPublished(tx, ctx.clock, {
				groupId: group.id,
				postId,
				commentId,
				authorId: content.author_id,
				mentions: content.mentions
			});
			if (commentId) await commentVisibilityChanged(ctx, tx, group.id, postId, commentId, 1);
			else {
				// A resident's question held until now starts waiting for its unit, who hears of it.
				await questionPublished(tx, ctx.clock, postId);
				await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
			}
		} else if (d.decision === 'ask_edit') {
			await setDecision(tx, held, { status: 'changes_requested', moderation_reason: d.reason! }, decided);
			await logAction(tx, ctx.clock, { ...common, action: 'ask_edit', facts: d.reason! });
			await notify(tx, ctx.clock, {
				userId: content.author_id,
				kind: 'changes_requested',
				groupId: group.id,
				postId,
				detail: d.reason!
			});
		} else {
			await setDecision(tx, held, { status: 'rejected', moderation_reason: d.reason! }, decided);
			await restrict(ctx, tx, {
				...common,
				action: 'reject',
				ground: d.ground!,
				facts: d.reason!,
				what: `${texts.what} w grupie „${group.name}”`
			});
		}
	});
}

export function decidePost(ctx: Ctx, actor: Actor | null, postId: string, input: unknown): Promise<void> {
	return decideHeld(ctx, actor, { kind: 'post', postId }, input);
}

export async function decideComment(ctx: Ctx, actor: Actor | null, commentId: string, input: unknown): Promise<void> {
	if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
	const found = await ctx.db.selectFrom('comments').select('post_id').where('id', '=', commentId).executeTakeFirst();
	if (!found) throw notFound('Nie ma takiego komentarza.');
	await decideHeld(ctx, actor, { kind: 'comment', postId: found.post_id, commentId }, input);
}

export const resubmitSchema = z.object({
	body: z
		.string({ error: 'Napisz treść posta.' })
		.trim()
		.min(1, 'Napisz treść posta.')
		.max(10000, 'Post może mieć najwyżej 10 000 znaków.')
});

/** The author edits a post a moderator asked to change; it is screened again like a new one. */
export async function resubmitPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown
): Promise<{ status: 'published' | 'pending'; reasons: string[] }> {
	const group = await findPostGroup(ctx.db, postId);
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'post', group, actor);
	const data = parseInput(resubmitSchema, input);
	const post = await ctx.db
		.selectFrom('posts')
		.select(['author_id', 'unit_id', 'status', 'created_at'])
		.where('id', '=', postId)
		.executeTakeFirstOrThrow();
	if (post.author_id !== actor.id) throw new AppError('forbidden', 'Poprawić post może tylko jego autor.');
	if (post.status !== 'changes_requested') throw new AppError('conflict', 'Ten post nie czeka na poprawki.');
	const now = ctx.clock.now();
	const unit = post.unit_id === null ? undefined : access.units.find((u) => u.id === post.unit_id);
	const asUnit = !!unit?.publishing;
	const verdict = await screenFor(ctx, ctx.db, 'post', data.body, group, access, unit);
	// An edit after a moderator's request goes back to a moderator unless the author is trusted.
	const status =
		verdict.decision === 'publish' && (asUnit || access.role === 'moderator' || access.role === 'operator')
			? 'published'
			: 'pending';
	await ctx.db.transaction().execute(async (tx) => {
		const changed = await tx
			.updateTable('posts')
			.set({
				body: data.body,
				body_folded: foldText(data.body),
				status,
				findings: storedFindings(verdict),
				flagged: verdict.flagged,
				moderation_reason: verdict.reasons.join(' ') || null,
				text_changed_at: now,
				published_at: status === 'published' ? now : null
			})
			.where('id', '=', postId)
			.where('status', '=', 'changes_requested')
			.returning('id')
			.executeTakeFirst();
		if (!changed) throw new AppError('conflict', 'Ten post nie czeka na poprawki.');
		if (status === 'published') await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		await afterScreening(ctx, tx, { group, result: verdict, authorId: actor.id, postId, createdAt: post.created_at });
	});
	return {
		status,
		reasons:
			status === 'pending' && verdict.reasons.length === 0 ? ['Poprawiony post sprawdzi moderator.'] : verdict.reasons
	};
}

/** A moderator has looked at published content with a flagged word: it leaves the queue. */
export async function clearFlag(
	ctx: Ctx,
	actor: Actor | null,
	target: { postId?: string; commentId?: string }
): Promise<void> {
	const postId = target.commentId
		? (
				await ctx.db
					.selectFrom('comments')
					.select('post_id')
					.where('id', '=', isId(target.commentId) ? target.commentId : '0')
					.executeTakeFirst()
			)?.post_id
		: target.postId;
	if (!postId) throw notFound('Nie ma takiej treści.');
	await authorizeOnPost(ctx, actor, postId, 'moderate');
	if (target.commentId)
		await ctx.db.updateTable('comments').set({ flagged: false }).where('id', '=', target.commentId).execute();
	else await ctx.db.updateTable('posts').set({ flagged: false }).where('id', '=', postId).execute();
}
