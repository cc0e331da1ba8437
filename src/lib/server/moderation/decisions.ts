import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { parseInput, isId } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { groupAccess } from '../access/group-access';
import { can } from '../access/policy';
import { commentVisibilityChanged } from '../groups/post-counters';
import { notify } from '../notify/notifications';
import { enqueueEmail } from '../notify/outbox';
import { formatDate, formatDateTime } from '../../format';
import { actionLabel, logAction, type LogAction, type LogEntry } from '../audit/audit-log';
import { describeGround, grounds, isGround } from './terms';
import { automationStatement } from './automation';
import { termsHrefFor } from './terms-versions';
import { membershipChanged } from '../groups/member-count';
import { appealDecidedMessage, restrictionMessage } from './messages';
import { assertSignedIn } from '../access/actor';

/** Appeals are open for six months after the decision (DSA Art. 20(1)). */
export const APPEAL_MONTHS = 6;

export interface Restriction extends LogEntry {
	subjectId: string;
	/** What was restricted, for the author: "Twój komentarz pod postem „…”". */
	what: string;
	/** The facts as the person reads them, when the log's line says more (a sanction's kind and end). */
	reason?: string;
	/** A sanction's end, said once in the decision's sentence. */
	until?: Date;
	/** A sanction: the post or comment it was imposed for (null: the moderator's own decision). */
	sanctionFor?: 'post' | 'comment' | null;
}

/**
 * A restriction of someone's content or account (DSA Art. 17): logged, and its author gets a
 * statement of reasons — in the app and by e-mail — with the way to appeal.
 */
export async function restrict(ctx: Ctx, tx: Db, r: Restriction): Promise<string> {
	const { what: _what, reason: _reason, until: _until, sanctionFor: _for, ...entry } = r;
	const id = await logAction(tx, ctx.clock, { ...entry, restriction: true });
	const group = await tx.selectFrom('groups').select('name').where('id', '=', r.groupId).executeTakeFirstOrThrow();
	const subject = await tx
		.selectFrom('users')
		.select(['email', 'deleted_at'])
		.where('id', '=', r.subjectId)
		.executeTakeFirstOrThrow();
	const link = `/decyzje/${id}`;
	const message = restrictionMessage({
		what: r.what,
		action: r.action,
		groupName: group.name,
		ground: describeGround(r.ground),
		facts: r.reason ?? r.facts,
		until: r.until ? formatDate(r.until) : undefined,
		automatedDetection: r.automatedDetection,
		automatedDecision: r.automatedDecision,
		basedOnReport: !!r.reportId,
		sanctionFor: r.sanctionFor,
		appealMonths: APPEAL_MONTHS,
		decisionUrl: `${ctx.baseUrl}${link}`
	});
	await notify(tx, ctx.clock, {
		userId: r.subjectId,
		kind: 'moderation_decision',
		groupId: r.groupId,
		postId: r.postId ?? undefined,
		commentId: r.commentId ?? undefined,
		detail: message.notification,
		link
	});
	if (!subject.deleted_at) {
		await enqueueEmail(tx, ctx.clock, { to: subject.email, subject: message.subject, text: message.text });
	}
	return id;
}

export interface StatementView {
	id: string;
	group: { slug: string; name: string };
	action: LogAction;
	actionLabel: string;
	/** Post, comment or the account in the group. */
	scope: 'post' | 'comment' | 'account';
	/** A sanction on the account: the post or comment it was imposed for, if any. */
	sanctionFor: 'post' | 'comment' | null;
	excerpt: string | null;
	href: string | null;
	facts: string;
	groundText: string;
	/** The cited paragraph of the rules in force at the time (`/regulamin#p4`). */
	termsHref: string;
	basedOnReport: boolean;
	automatedDetection: boolean;
	automatedDecision: boolean;
	/** What the statement says about automated means, from the content's history. */
	automation: { detection: string; decision: string };
	decidedBy: 'moderator' | 'automat';
	createdAt: string;
	sanction: { kind: string; endsAt: string; lifted: boolean } | null;
	appeal: {
		status: 'open' | 'upheld' | 'reversed';
		body: string;
		outcome: string | null;
		createdAt: string;
		decidedAt: string | null;
	} | null;
	appealDeadline: string;
	canAppeal: boolean;
	/** The viewer may decide the appeal: a moderator who did not make the decision. */
	canDecideAppeal: boolean;
	appealId: string | null;
}

async function loadDecision(db: Db, id: string) {
	if (!isId(id)) throw notFound('Nie ma takiej decyzji.');
	const row = await db
		.selectFrom('moderation_log as l')
		.innerJoin('groups as g', 'g.id', 'l.group_id')
		.leftJoin('posts as p', 'p.id', 'l.post_id')
		.leftJoin('comments as c', 'c.id', 'l.comment_id')
		.selectAll('l')
		.select([
			'g.slug as group_slug',
			'g.name as group_name',
			'p.body as post_body',
			'c.body as comment_body',
			'c.post_id as comment_post_id'
		])
		.where('l.id', '=', id)
		.where('l.restriction', '=', true)
		.executeTakeFirst();
	if (!row) throw notFound('Nie ma takiej decyzji.');
	return row;
}

function appealDeadline(createdAt: Date): Date {
	const d = new Date(createdAt);
	d.setUTCMonth(d.getUTCMonth() + APPEAL_MONTHS);
	return d;
}

/** The statement of reasons: for its addressee, the group's moderators and the operator. */
export async function getStatement(ctx: Ctx, actor: Actor | null, id: string): Promise<StatementView> {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć uzasadnienie decyzji.');
	const d = await loadDecision(ctx.db, id);
	const group = await ctx.db.selectFrom('groups').selectAll().where('id', '=', d.group_id).executeTakeFirstOrThrow();
	const moderator = can((await groupAccess(ctx, actor, group)).role, 'moderate', group);
	if (d.subject_id !== actor.id && !moderator)
		throw new AppError('forbidden', 'To uzasadnienie widzi tylko osoba, której dotyczy decyzja, i moderatorzy grupy.');
	const [appeal, sanction] = await Promise.all([
		ctx.db.selectFrom('appeals').selectAll().where('decision_id', '=', id).executeTakeFirst(),
		ctx.db
			.selectFrom('sanctions as s')
			.leftJoin('posts as p', 'p.id', 's.post_id')
			.leftJoin('comments as c', 'c.id', 's.comment_id')
			.select([
				's.kind',
				's.ends_at',
				's.lifted_at',
				's.reason',
				's.post_id',
				's.comment_id',
				'c.post_id as comment_post_id',
				'p.body as post_body',
				'c.body as comment_body'
			])
			.where('s.decision_id', '=', id)
			.executeTakeFirst()
	]);
	const deadline = appealDeadline(d.created_at);
	// A sanction points at the post or comment it was imposed for, if any.
	const about = sanction
		? {
				postId: sanction.comment_post_id ?? sanction.post_id,
				commentId: sanction.comment_id,
				body: sanction.comment_body ?? sanction.post_body
			}
		: { postId: d.comment_post_id ?? d.post_id, commentId: d.comment_id, body: d.comment_body ?? d.post_body };
	const sanctionFor = sanction ? (sanction.comment_id ? 'comment' : sanction.post_id ? 'post' : null) : undefined;
	return {
		id: d.id,
		group: { slug: d.group_slug, name: d.group_name },
		action: d.action as LogAction,
		actionLabel: actionLabel(d.action),
		scope: d.comment_id ? 'comment' : d.post_id ? 'post' : 'account',
		sanctionFor: sanctionFor ?? null,
		excerpt: about.body?.slice(0, 400) ?? null,
		href: about.postId ? `/g/${d.group_slug}/p/${about.postId}${about.commentId ? `#k${about.commentId}` : ''}` : null,
		// A sanction's kind and end are the decision itself; its facts are the moderator's reason.
		facts: sanction ? sanction.reason : d.facts,
		groundText: describeGround(d.ground),
		termsHref: await termsHrefFor(ctx.db, isGround(d.ground) ? grounds[d.ground].clause : null, d.created_at),
		basedOnReport: d.report_id !== null,
		automatedDetection: d.automated_detection,
		automatedDecision: d.automated_decision,
		automation: automationStatement({
			automatedDetection: d.automated_detection,
			automatedDecision: d.automated_decision,
			basedOnReport: d.report_id !== null,
			sanctionFor
		}),
		decidedBy: d.actor_id ? 'moderator' : 'automat',
		createdAt: d.created_at.toISOString(),
		sanction: sanction
			? { kind: sanction.kind, endsAt: sanction.ends_at.toISOString(), lifted: sanction.lifted_at !== null }
			: null,
		appeal: appeal
			? {
					status: appeal.status,
					body: appeal.body,
					outcome: appeal.outcome,
					createdAt: appeal.created_at.toISOString(),
					decidedAt: appeal.decided_at?.toISOString() ?? null
				}
			: null,
		appealDeadline: deadline.toISOString(),
		canAppeal: d.subject_id === actor.id && !appeal && ctx.clock.now() < deadline,
		canDecideAppeal:
			moderator && appeal?.status === 'open' && d.actor_id !== actor.id && appeal.appellant_id !== actor.id,
		appealId: appeal?.id ?? null
	};
}

export const appealSchema = z.object({
	body: z
		.string({ error: 'Napisz, dlaczego decyzja jest według Ciebie błędna.' })
		.trim()
		.min(10, 'Napisz, dlaczego decyzja jest według Ciebie błędna (co najmniej 10 znaków).')
		.max(5000, 'Odwołanie może mieć najwyżej 5000 znaków.')
});

/** The addressee contests a restriction (DSA Art. 20); a different moderator decides. */
export async function fileAppeal(ctx: Ctx, actor: Actor | null, decisionId: string, input: unknown): Promise<string> {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć uzasadnienie decyzji.');
	const view = await getStatement(ctx, actor, decisionId);
	const data = parseInput(appealSchema, input);
	if (view.appeal) throw new AppError('conflict', 'Odwołanie od tej decyzji zostało już złożone.');
	if (!view.canAppeal) {
		if (ctx.clock.now() >= new Date(view.appealDeadline))
			throw new AppError('conflict', `Termin na odwołanie minął ${formatDate(view.appealDeadline)}.`);
		throw new AppError('forbidden', 'Odwołać się może tylko osoba, której dotyczy decyzja.');
	}
	const row = await ctx.db
		.insertInto('appeals')
		.values({ decision_id: decisionId, appellant_id: actor.id, body: data.body, created_at: ctx.clock.now() })
		.onConflict((oc) => oc.column('decision_id').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!row) throw new AppError('conflict', 'Odwołanie od tej decyzji zostało już złożone.');
	return row.id;
}

export const appealOutcomeSchema = z
	.string({ error: 'Uzasadnij rozstrzygnięcie.' })
	.trim()
	.min(10, 'Uzasadnij rozstrzygnięcie (co najmniej 10 znaków) — autor je zobaczy.')
	.max(2000, 'Uzasadnienie może mieć najwyżej 2000 znaków.');

/** Undoes a restriction: the content is visible again at once, a sanction ends. */
async function undo(ctx: Ctx, tx: Db, d: Awaited<ReturnType<typeof loadDecision>>): Promise<void> {
	const now = ctx.clock.now();
	if (d.comment_id) {
		const c = await tx
			.selectFrom('comments')
			.select(['status', 'post_id'])
			.where('id', '=', d.comment_id)
			.forUpdate()
			.executeTakeFirst();
		if (c && c.status !== 'published') {
			await tx
				.updateTable('comments')
				.set({ status: 'published', moderation_reason: null, decided_at: now })
				.where('id', '=', d.comment_id)
				.execute();
			await commentVisibilityChanged(ctx, tx, d.group_id, c.post_id, d.comment_id, 1);
		}
	} else if (d.post_id) {
		const p = await tx
			.selectFrom('posts')
			.select(['status'])
			.where('id', '=', d.post_id)
			.forUpdate()
			.executeTakeFirst();
		if (p && p.status !== 'published') {
			await tx
				.updateTable('posts')
				.set((eb) => ({
					status: 'published',
					moderation_reason: null,
					decided_at: now,
					published_at: eb.fn.coalesce('published_at', eb.val(now))
				}))
				.where('id', '=', d.post_id)
				.execute();
			await ctx.notifier.publish(tx, { type: 'post', groupId: d.group_id, postId: d.post_id });
		}
	}
	const sanction = await tx
		.updateTable('sanctions')
		.set({ lifted_at: now })
		.where('decision_id', '=', d.id)
		.where('lifted_at', 'is', null)
		.returning(['kind', 'user_id'])
		.executeTakeFirst();
	if (sanction?.kind === 'ban') {
		const restored = await tx
			.updateTable('memberships')
			.set({ status: 'approved', decided_at: now })
			.where('group_id', '=', d.group_id)
			.where('user_id', '=', sanction.user_id)
			.where('status', '=', 'declined')
			.returning('user_id')
			.executeTakeFirst();
		if (restored) await membershipChanged(tx, d.group_id, sanction.user_id, 1, now);
	}
}

export async function decideAppeal(
	ctx: Ctx,
	actor: Actor | null,
	appealId: string,
	reverse: boolean,
	outcome: unknown
): Promise<void> {
	assertSignedIn(actor);
	if (!isId(appealId)) throw notFound('Nie ma takiego odwołania.');
	const appeal = await ctx.db
		.selectFrom('appeals')
		.select(['decision_id'])
		.where('id', '=', appealId)
		.executeTakeFirst();
	if (!appeal) throw notFound('Nie ma takiego odwołania.');
	const view = await getStatement(ctx, actor, appeal.decision_id);
	const group = await ctx.db
		.selectFrom('groups')
		.selectAll()
		.where('slug', '=', view.group.slug)
		.executeTakeFirstOrThrow();
	if (!can((await groupAccess(ctx, actor, group)).role, 'moderate', group))
		throw new AppError('forbidden', 'O odwołaniu decydują moderatorzy grupy.');
	const why = parseInput(appealOutcomeSchema, outcome);
	if (!view.canDecideAppeal) {
		if (view.appeal?.status !== 'open') throw new AppError('conflict', 'To odwołanie zostało już rozpatrzone.');
		throw new AppError('forbidden', 'Odwołanie rozpatruje inny moderator niż ten, który podjął decyzję.');
	}
	await ctx.db.transaction().execute(async (tx) => {
		const open = await tx
			.updateTable('appeals')
			.set({ status: reverse ? 'reversed' : 'upheld', outcome: why, decided_at: ctx.clock.now(), decided_by: actor.id })
			.where('id', '=', appealId)
			.where('status', '=', 'open')
			.returning(['appellant_id'])
			.executeTakeFirst();
		if (!open) throw new AppError('conflict', 'To odwołanie zostało już rozpatrzone.');
		const d = await loadDecision(tx, appeal.decision_id);
		if (reverse) await undo(ctx, tx, d);
		await logAction(tx, ctx.clock, {
			groupId: d.group_id,
			actorId: actor.id,
			action: reverse ? 'appeal_reversed' : 'appeal_upheld',
			postId: d.post_id,
			commentId: d.comment_id,
			subjectId: d.subject_id,
			reversesId: reverse ? d.id : null,
			ground: null,
			facts: why
		});
		const message = appealDecidedMessage({
			reversed: reverse,
			scope: d.comment_id ? 'comment' : d.post_id ? 'post' : 'account',
			decidedAt: formatDateTime(d.created_at),
			why,
			groupName: view.group.name,
			decisionUrl: `${ctx.baseUrl}/decyzje/${d.id}`
		});
		await notify(tx, ctx.clock, {
			userId: open.appellant_id,
			kind: 'appeal_decided',
			groupId: d.group_id,
			detail: message.notification,
			link: `/decyzje/${d.id}`
		});
		const user = await tx
			.selectFrom('users')
			.select(['email', 'deleted_at'])
			.where('id', '=', open.appellant_id)
			.executeTakeFirstOrThrow();
		if (!user.deleted_at) {
			await enqueueEmail(tx, ctx.clock, { to: user.email, subject: message.subject, text: message.text });
		}
	});
}

export interface OpenAppeal {
	id: string;
	decisionId: string;
	action: string;
	actionLabel: string;
	appellantName: string;
	body: string;
	createdAt: string;
	/** The current moderator made the decision, so another one must decide. */
	ownDecision: boolean;
}

export async function listOpenAppeals(ctx: Ctx, actor: Actor, groupId: string): Promise<OpenAppeal[]> {
	const rows = await ctx.db
		.selectFrom('appeals as a')
		.innerJoin('moderation_log as l', 'l.id', 'a.decision_id')
		.innerJoin('users as u', 'u.id', 'a.appellant_id')
		.select(['a.id', 'a.decision_id', 'l.action', 'l.actor_id', 'u.display_name', 'a.body', 'a.created_at'])
		.where('l.group_id', '=', groupId)
		.where('a.status', '=', 'open')
		.orderBy('a.created_at')
		.limit(100)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		decisionId: r.decision_id,
		action: r.action,
		actionLabel: actionLabel(r.action),
		appellantName: r.display_name,
		body: r.body,
		createdAt: r.created_at.toISOString(),
		ownDecision: r.actor_id === actor.id
	}));
}
