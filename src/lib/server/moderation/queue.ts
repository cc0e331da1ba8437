import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, StoredFinding } from '../db/schema';
import { parseInput, isId } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { commentVisibilityChanged } from '../groups/post-counters';
import { authorizeOnPost, findPostGroup } from '../access/post-access';
import { notify } from '../notify/notifications';
import { foldText } from '../text/fold';
import { restrict, listOpenAppeals, type OpenAppeal } from './decisions';
import { afterScreening, storedFindings } from './intake';
import { logAction } from '../audit/audit-log';
import { screenFor } from './screen';
import { groundForFindings, groundIds, grounds, type Ground } from './terms';
import { sanctionLabels } from './sanctions';

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

/** Was the content held by the engine (not only by the group's policy)? */
async function heldByEngine(db: Db, where: { postId?: string; commentId?: string }): Promise<boolean> {
	let q = db.selectFrom('moderation_log').select('id').where('action', '=', 'hold');
	q = where.commentId
		? q.where('comment_id', '=', where.commentId)
		: q.where('post_id', '=', where.postId!).where('comment_id', 'is', null);
	return !!(await q.executeTakeFirst());
}

/** A moderator publishes a held post, rejects it citing the terms, or asks its author to edit it. */
export async function decidePost(ctx: Ctx, actor: Actor | null, postId: string, input: unknown): Promise<void> {
	const { group } = await authorizeOnPost(ctx, actor, postId, 'moderate');
	const d = parseInput(decisionSchema, input);
	checkDecision(d, 'post');
	const now = ctx.clock.now();
	const automatedDetection = await heldByEngine(ctx.db, { postId });
	await ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts')
			.select(['status', 'author_id', 'created_at'])
			.where('id', '=', postId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (post.status !== 'pending') throw new AppError('conflict', 'Ten post został już rozpatrzony.');
		const common = {
			groupId: group.id,
			actorId: actor!.id,
			postId,
			subjectId: post.author_id,
			automatedDetection,
			contentCreatedAt: post.created_at
		};
		if (d.decision === 'approve') {
			await tx
				.updateTable('posts')
				.set({
					status: 'published',
					published_at: now,
					moderation_reason: null,
					decided_at: now,
					decided_by: actor!.id
				})
				.where('id', '=', postId)
				.execute();
			await logAction(tx, ctx.clock, { ...common, action: 'approve' });
			await notify(tx, ctx.clock, { userId: post.author_id, kind: 'post_approved', groupId: group.id, postId });
			await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		} else if (d.decision === 'ask_edit') {
			await tx
				.updateTable('posts')
				.set({ status: 'changes_requested', moderation_reason: d.reason!, decided_at: now, decided_by: actor!.id })
				.where('id', '=', postId)
				.execute();
			await logAction(tx, ctx.clock, { ...common, action: 'ask_edit', facts: d.reason! });
			await notify(tx, ctx.clock, {
				userId: post.author_id,
				kind: 'changes_requested',
				groupId: group.id,
				postId,
				detail: d.reason!
			});
		} else {
			await tx
				.updateTable('posts')
				.set({ status: 'rejected', moderation_reason: d.reason!, decided_at: now, decided_by: actor!.id })
				.where('id', '=', postId)
				.execute();
			await restrict(ctx, tx, {
				...common,
				action: 'reject',
				ground: d.ground!,
				facts: d.reason!,
				what: `Twój post w grupie „${group.name}”`
			});
		}
	});
}

export async function decideComment(ctx: Ctx, actor: Actor | null, commentId: string, input: unknown): Promise<void> {
	if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
	const found = await ctx.db.selectFrom('comments').select('post_id').where('id', '=', commentId).executeTakeFirst();
	if (!found) throw notFound('Nie ma takiego komentarza.');
	const postId = found.post_id;
	const { group } = await authorizeOnPost(ctx, actor, postId, 'moderate');
	const d = parseInput(decisionSchema, input);
	checkDecision(d, 'comment');
	const now = ctx.clock.now();
	const automatedDetection = await heldByEngine(ctx.db, { commentId });
	await ctx.db.transaction().execute(async (tx) => {
		const c = await tx
			.selectFrom('comments')
			.select(['status', 'author_id', 'created_at'])
			.where('id', '=', commentId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (c.status !== 'pending') throw new AppError('conflict', 'Ten komentarz został już rozpatrzony.');
		const common = {
			groupId: group.id,
			actorId: actor!.id,
			postId,
			commentId,
			subjectId: c.author_id,
			automatedDetection,
			contentCreatedAt: c.created_at
		};
		if (d.decision === 'approve') {
			await tx
				.updateTable('comments')
				.set({ status: 'published', moderation_reason: null, decided_at: now, decided_by: actor!.id })
				.where('id', '=', commentId)
				.execute();
			await logAction(tx, ctx.clock, { ...common, action: 'approve' });
			await notify(tx, ctx.clock, {
				userId: c.author_id,
				kind: 'comment_approved',
				groupId: group.id,
				postId,
				commentId
			});
			await commentVisibilityChanged(ctx, tx, group.id, postId, commentId, 1);
		} else {
			await tx
				.updateTable('comments')
				.set({ status: 'rejected', moderation_reason: d.reason!, decided_at: now, decided_by: actor!.id })
				.where('id', '=', commentId)
				.execute();
			await restrict(ctx, tx, {
				...common,
				action: 'reject',
				ground: d.ground!,
				facts: d.reason!,
				what: `Twój komentarz w grupie „${group.name}”`
			});
		}
	});
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
	assertCan(access.role, 'post', group);
	const data = parseInput(resubmitSchema, input);
	const post = await ctx.db
		.selectFrom('posts')
		.select(['author_id', 'unit_id', 'status', 'created_at'])
		.where('id', '=', postId)
		.executeTakeFirstOrThrow();
	if (post.author_id !== actor!.id) throw new AppError('forbidden', 'Poprawić post może tylko jego autor.');
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
				edited_at: now,
				published_at: status === 'published' ? now : null
			})
			.where('id', '=', postId)
			.where('status', '=', 'changes_requested')
			.returning('id')
			.executeTakeFirst();
		if (!changed) throw new AppError('conflict', 'Ten post nie czeka na poprawki.');
		if (status === 'published') await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		await afterScreening(ctx, tx, { group, result: verdict, authorId: actor!.id, postId, createdAt: post.created_at });
	});
	return {
		status,
		reasons:
			status === 'pending' && verdict.reasons.length === 0 ? ['Poprawiony post sprawdzi moderator.'] : verdict.reasons
	};
}

export interface AuthorHistory {
	id: string;
	name: string;
	memberSince: string | null;
	newMember: boolean;
	published: number;
	held: number;
	rejected: number;
	reported: number;
	sanctions: { label: string; endsAt: string; active: boolean }[];
}

export interface QueueReport {
	id: string;
	groundLabel: string;
	explanation: string;
	reporterName: string;
	fromPublisher: boolean;
	createdAt: string;
}

export interface QueueItem {
	kind: 'post' | 'comment';
	id: string;
	postId: string;
	status: string;
	body: string;
	findings: StoredFinding[];
	reason: string | null;
	unitName: string | null;
	postExcerpt: string | null;
	createdAt: string;
	flagged: boolean;
	suggestedGround: Ground;
	author: AuthorHistory;
	reports: QueueReport[];
	fromPublisher: boolean;
}

export interface Queue {
	reported: QueueItem[];
	held: QueueItem[];
	flagged: QueueItem[];
	appeals: OpenAppeal[];
}

interface Row {
	kind: 'post' | 'comment';
	id: string;
	post_id: string;
	status: string;
	body: string;
	findings: StoredFinding[];
	moderation_reason: string | null;
	unit_name: string | null;
	post_body: string | null;
	created_at: Date;
	flagged: boolean;
	author_id: string;
}

const QUEUE_LIMIT = 100;

async function rows(
	db: Db,
	groupId: string,
	where: 'held' | 'flagged' | { ids: { posts: string[]; comments: string[] } }
): Promise<Row[]> {
	let posts = db
		.selectFrom('posts as p')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select([
			'p.id',
			'p.id as post_id',
			'p.status',
			'p.body',
			'p.findings',
			'p.moderation_reason',
			'un.name as unit_name',
			'p.created_at',
			'p.flagged',
			'p.author_id'
		])
		.where('p.group_id', '=', groupId);
	let comments = db
		.selectFrom('comments as c')
		.innerJoin('posts as p', 'p.id', 'c.post_id')
		.select([
			'c.id',
			'c.post_id',
			'c.status',
			'c.body',
			'c.findings',
			'c.moderation_reason',
			'p.body as post_body',
			'c.created_at',
			'c.flagged',
			'c.author_id'
		])
		.where('p.group_id', '=', groupId);
	if (where === 'held') {
		posts = posts.where('p.status', '=', 'pending');
		comments = comments.where('c.status', '=', 'pending');
	} else if (where === 'flagged') {
		posts = posts.where('p.flagged', '=', true).where('p.status', '=', 'published');
		comments = comments.where('c.flagged', '=', true).where('c.status', '=', 'published');
	} else {
		posts = where.ids.posts.length ? posts.where('p.id', 'in', where.ids.posts) : posts.where(sql<boolean>`false`);
		comments = where.ids.comments.length
			? comments.where('c.id', 'in', where.ids.comments)
			: comments.where(sql<boolean>`false`);
	}
	const [p, c] = await Promise.all([
		posts.orderBy('p.created_at').limit(QUEUE_LIMIT).execute(),
		comments.orderBy('c.created_at').limit(QUEUE_LIMIT).execute()
	]);
	return [
		...p.map((r) => ({ ...r, kind: 'post' as const, post_body: null })),
		...c.map((r) => ({ ...r, kind: 'comment' as const, unit_name: null }))
	].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

/** What moderators need to judge an author: standing, past content, reports and sanctions. */
async function histories(ctx: Ctx, group: Group, authorIds: string[]): Promise<Map<string, AuthorHistory>> {
	const out = new Map<string, AuthorHistory>();
	if (authorIds.length === 0) return out;
	const ids = [...new Set(authorIds)];
	const now = ctx.clock.now();
	const [users, postCounts, commentCounts, reportCounts, sanctions] = await Promise.all([
		ctx.db
			.selectFrom('users as u')
			.leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.group_id', '=', group.id))
			.select(['u.id', 'u.display_name', 'm.decided_at', 'm.status'])
			.where('u.id', 'in', ids)
			.execute(),
		ctx.db
			.selectFrom('posts')
			.select(['author_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('group_id', '=', group.id)
			.where('author_id', 'in', ids)
			.groupBy(['author_id', 'status'])
			.execute(),
		ctx.db
			.selectFrom('comments as c')
			.innerJoin('posts as p', 'p.id', 'c.post_id')
			.select(['c.author_id', 'c.status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('p.group_id', '=', group.id)
			.where('c.author_id', 'in', ids)
			.groupBy(['c.author_id', 'c.status'])
			.execute(),
		ctx.db
			.selectFrom('moderation_log')
			.select(['subject_id', (eb) => eb.fn.countAll<string>().as('n')])
			.where('group_id', '=', group.id)
			.where('subject_id', 'in', ids)
			.where('report_id', 'is not', null)
			.groupBy('subject_id')
			.execute(),
		ctx.db
			.selectFrom('sanctions')
			.select(['user_id', 'kind', 'ends_at', 'lifted_at'])
			.where('group_id', '=', group.id)
			.where('user_id', 'in', ids)
			.orderBy('starts_at', 'desc')
			.execute()
	]);
	for (const u of users) {
		const counts = [...postCounts.map((r) => ({ ...r })), ...commentCounts].filter((r) => r.author_id === u.id);
		const sum = (statuses: string[]) =>
			counts.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
		const memberSince = u.status === 'approved' ? u.decided_at : null;
		out.set(u.id, {
			id: u.id,
			name: u.display_name,
			memberSince: memberSince?.toISOString() ?? null,
			newMember:
				!!memberSince && now.getTime() - memberSince.getTime() < Math.max(group.new_member_days, 7) * 86_400_000,
			published: sum(['published']),
			held: sum(['pending', 'changes_requested']),
			rejected: sum(['rejected', 'removed', 'hidden']),
			reported: Number(reportCounts.find((r) => r.subject_id === u.id)?.n ?? 0),
			sanctions: sanctions
				.filter((s) => s.user_id === u.id)
				.map((s) => ({
					label: sanctionLabels[s.kind],
					endsAt: s.ends_at.toISOString(),
					active: !s.lifted_at && s.ends_at > now
				}))
		});
	}
	return out;
}

/**
 * A group's queue: reported content (publishers' notices first), content held by the engine or
 * the policy (oldest first), content published with a flagged word, and open appeals.
 */
export async function listQueue(ctx: Ctx, actor: Actor | null, group: Group): Promise<Queue> {
	assertCan((await groupAccess(ctx, actor, group)).role, 'moderate', group);
	const reports = await ctx.db
		.selectFrom('reports as r')
		.select([
			'r.id',
			'r.post_id',
			'r.comment_id',
			'r.ground',
			'r.explanation',
			'r.reporter_name',
			'r.from_publisher',
			'r.created_at'
		])
		.where('r.group_id', '=', group.id)
		.where('r.status', '=', 'open')
		.orderBy('r.from_publisher', 'desc')
		.orderBy('r.created_at')
		.limit(500)
		.execute();
	const [reportedRows, heldRows, flaggedRows, appeals] = await Promise.all([
		rows(ctx.db, group.id, {
			ids: {
				posts: [...new Set(reports.filter((r) => r.post_id).map((r) => r.post_id!))],
				comments: [...new Set(reports.filter((r) => r.comment_id).map((r) => r.comment_id!))]
			}
		}),
		rows(ctx.db, group.id, 'held'),
		rows(ctx.db, group.id, 'flagged'),
		listOpenAppeals(ctx, actor!, group.id)
	]);
	const authors = await histories(
		ctx,
		group,
		[...reportedRows, ...heldRows, ...flaggedRows].map((r) => r.author_id)
	);
	const item = (r: Row): QueueItem => {
		const mine = reports.filter((rep) => (r.kind === 'post' ? rep.post_id === r.id : rep.comment_id === r.id));
		const fromReports = mine.map((m) => m.ground).find((g): g is Ground => g in grounds);
		return {
			kind: r.kind,
			id: r.id,
			postId: r.post_id,
			status: r.status,
			body: r.body,
			findings: r.findings ?? [],
			reason: r.moderation_reason,
			unitName: r.unit_name,
			postExcerpt: r.post_body ? r.post_body.slice(0, 140) : null,
			createdAt: r.created_at.toISOString(),
			flagged: r.flagged,
			suggestedGround: fromReports ?? groundForFindings(r.findings ?? []),
			author: authors.get(r.author_id)!,
			reports: mine.map((m) => ({
				id: m.id,
				groundLabel: grounds[m.ground as Ground]?.label ?? m.ground,
				explanation: m.explanation,
				reporterName: m.reporter_name,
				fromPublisher: m.from_publisher,
				createdAt: m.created_at.toISOString()
			})),
			fromPublisher: mine.some((m) => m.from_publisher)
		};
	};
	const reported = reportedRows
		.map(item)
		.sort(
			(a, b) =>
				Number(b.fromPublisher) - Number(a.fromPublisher) ||
				a.reports[0].createdAt.localeCompare(b.reports[0].createdAt)
		);
	return { reported, held: heldRows.map(item), flagged: flaggedRows.map(item), appeals };
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
