import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { emailSchema, parseInput, isId, idSchema } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { authorizeInGroup } from '../access/group-access';
import { authorizeOnPost } from '../access/post-access';
import { commentVisibilityChanged } from '../groups/post-counters';
import { notify } from '../notify/notifications';
import { enqueueEmail } from '../notify/outbox';
import { plural } from '../../format';
import { restrict } from './decisions';
import { logAction } from '../audit/audit-log';
import { reportDecidedMessage, reportReceivedMessage } from './messages';
import { describeGround, groundIds, grounds, type Ground } from './terms';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { assertSignedIn } from '../access/actor';

const id = idSchema('Nie ma takiej treści.');
const groundEnum = z.enum(groundIds as [Ground, ...Ground[]], { error: 'Wybierz, co narusza ta treść.' });

/** The fields of a notice under DSA Art. 16(2). */
export const reportSchema = z
	.object({
		postId: id.nullish(),
		commentId: id.nullish(),
		ground: groundEnum,
		explanation: z
			.string({ error: 'Wyjaśnij, dlaczego ta treść jest nielegalna albo narusza regulamin.' })
			.trim()
			.min(10, 'Wyjaśnij, dlaczego ta treść jest nielegalna albo narusza regulamin (co najmniej 10 znaków).')
			.max(2000, 'Wyjaśnienie może mieć najwyżej 2000 znaków.'),
		name: z
			.string({ error: 'Podaj imię i nazwisko.' })
			.trim()
			.min(2, 'Podaj imię i nazwisko.')
			.max(120, 'Imię i nazwisko mogą mieć najwyżej 120 znaków.'),
		email: emailSchema,
		goodFaith: z.union([z.literal(true), z.literal('on'), z.literal('true')], {
			error: 'Potwierdź, że zgłaszasz w dobrej wierze, a informacje są prawdziwe i kompletne.'
		})
	})
	.refine((v) => !!v.postId !== !!v.commentId, { message: 'Wskaż jeden post albo jeden komentarz.', path: ['postId'] });

async function target(db: Db, postId?: string | null, commentId?: string | null) {
	if (commentId) {
		const c = await db
			.selectFrom('comments as c')
			.innerJoin('posts as p', 'p.id', 'c.post_id')
			.innerJoin('groups as g', 'g.id', 'p.group_id')
			.select([
				'c.id',
				'c.status',
				'c.author_id',
				'c.body',
				'c.created_at',
				'p.id as post_id',
				'p.author_id as post_author_id',
				'p.unit_id',
				'g.id as group_id'
			])
			.where('c.id', '=', commentId)
			.executeTakeFirst();
		if (!c) throw notFound('Nie ma takiego komentarza.');
		return { kind: 'comment' as const, ...c, comment_id: c.id };
	}
	const p = await db
		.selectFrom('posts as p')
		.select([
			'p.id',
			'p.status',
			'p.author_id',
			'p.body',
			'p.created_at',
			'p.id as post_id',
			'p.author_id as post_author_id',
			'p.unit_id',
			'p.group_id'
		])
		.where('p.id', '=', postId!)
		.executeTakeFirst();
	if (!p) throw notFound('Nie ma takiego posta.');
	return { kind: 'post' as const, ...p, comment_id: null };
}

export interface FiledReport {
	id: string;
	/** The comment is hidden now: enough distinct members reported it. */
	hidden: boolean;
}

/**
 * A notice about a post or a comment, from anyone who can read it: a signed-in person (their name
 * and address come from the account unless they give others) or, without an account, with a name
 * and an e-mail address (DSA Art. 16(2)(c)); anonymous notices are limited per IP and address.
 * The reporter gets an acknowledgement; a publisher's notice about a comment under their post
 * goes first in the queue; reports from enough distinct members hide a comment until a moderator
 * decides. `via`: the slug of the group the reporter read it in, a group the post was cross-posted
 * into (Pakiet 3): whoever may read the post there may report it, and the notice goes to the
 * moderators of the post's own group all the same.
 */
export async function fileReport(
	ctx: Ctx,
	actor: Actor | null,
	input: unknown,
	opts: { ip?: string; via?: string | null } = {}
): Promise<FiledReport> {
	const given = (input ?? {}) as Record<string, unknown>;
	const data = parseInput(
		reportSchema,
		actor ? { ...given, name: given.name || actor.displayName, email: given.email || actor.email } : input
	);
	const t = await target(ctx.db, data.postId, data.commentId);
	const { group, access } = await authorizeOnPost(ctx, actor, t.post_id, 'read', opts.via);
	if (t.status !== 'published' && t.status !== 'hidden')
		throw new AppError(
			'conflict',
			t.kind === 'post' ? 'Ten post nie jest opublikowany.' : 'Ten komentarz nie jest opublikowany.'
		);
	if (actor && t.author_id === actor.id)
		throw new AppError('validation', 'Nie możesz zgłosić własnej treści — możesz ją usunąć.');
	const fromPublisher =
		!!actor &&
		t.kind === 'comment' &&
		(t.post_author_id === actor.id || (t.unit_id !== null && access.units.some((u) => u.id === t.unit_id)));
	const now = ctx.clock.now();
	const already = new AppError(
		'conflict',
		t.kind === 'post'
			? 'Ten post został już przez Ciebie zgłoszony — moderatorzy się nim zajmą.'
			: 'Ten komentarz został już przez Ciebie zgłoszony — moderatorzy się nim zajmą.'
	);
	return ctx.db.transaction().execute(async (tx) => {
		await hitLimits(
			tx,
			ctx.clock,
			actor
				? [limits.reportsPerAccount(actor.id)]
				: [...(opts.ip ? [limits.reportsPerIp(opts.ip)] : []), limits.reportsPerAddress(data.email)]
		);
		// Without an account, one notice per address and item (with one, the unique keys see to it).
		if (!actor) {
			const earlier = await tx
				.selectFrom('reports')
				.select('id')
				.where(t.kind === 'post' ? 'post_id' : 'comment_id', '=', t.id)
				.where('reporter_id', 'is', null)
				.where((eb) => eb(eb.fn('lower', ['reporter_email']), '=', data.email.toLowerCase()))
				.executeTakeFirst();
			if (earlier) throw already;
		}
		const report = await tx
			.insertInto('reports')
			.values({
				group_id: group.id,
				post_id: t.kind === 'post' ? t.id : null,
				comment_id: t.comment_id,
				reporter_id: actor?.id ?? null,
				reporter_name: data.name,
				reporter_email: data.email,
				ground: data.ground,
				explanation: data.explanation,
				good_faith: true,
				from_publisher: fromPublisher,
				created_at: now
			})
			.onConflict((oc) => oc.doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!report) throw already;
		const ack = reportReceivedMessage({
			reportId: report.id,
			groundLabel: grounds[data.ground].label,
			groupName: group.name,
			explanation: data.explanation
		});
		if (actor)
			await notify(tx, ctx.clock, {
				userId: actor.id,
				kind: 'report_received',
				groupId: group.id,
				postId: t.post_id,
				commentId: t.comment_id ?? undefined,
				detail: ack.notification
			});
		await enqueueEmail(tx, ctx.clock, { to: data.email, subject: ack.subject, text: ack.text });
		let hidden = false;
		if (t.kind === 'comment' && t.status === 'published') {
			const reporters = await tx
				.selectFrom('reports as r')
				.innerJoin('memberships as m', (j) =>
					j.onRef('m.user_id', '=', 'r.reporter_id').on('m.group_id', '=', group.id).on('m.status', '=', 'approved')
				)
				.select(({ fn }) => fn.count<string>('r.reporter_id').distinct().as('n'))
				.where('r.comment_id', '=', t.id)
				.where('r.status', '=', 'open')
				.executeTakeFirstOrThrow();
			const n = Number(reporters.n);
			if (n >= group.report_hide_threshold) {
				const changed = await tx
					.updateTable('comments')
					.set({ status: 'hidden' })
					.where('id', '=', t.id)
					.where('status', '=', 'published')
					.returning('id')
					.executeTakeFirst();
				if (changed) {
					hidden = true;
					await commentVisibilityChanged(ctx, tx, group.id, t.post_id, t.id, -1);
					await restrict(ctx, tx, {
						groupId: group.id,
						actorId: null,
						action: 'hide',
						commentId: t.id,
						postId: t.post_id,
						subjectId: t.author_id,
						reportId: report.id,
						ground: data.ground,
						facts: `${n} ${plural(n, 'członek grupy zgłosił', 'członków grupy zgłosiło', 'członków grupy zgłosiło')} ten komentarz; zgodnie z zasadą grupy jest ukryty, dopóki moderator go nie oceni.`,
						automatedDecision: true,
						contentCreatedAt: t.created_at,
						what: 'Twój komentarz'
					});
				}
			}
		}
		return { id: report.id, hidden };
	});
}

export const reportDecisionSchema = z.object({
	outcome: z.enum(['remove', 'keep'], { error: 'Wybierz: usuń treść albo zostaw ją.' }),
	ground: groundEnum.nullish(),
	reason: z.string().trim().max(2000, 'Uzasadnienie może mieć najwyżej 2000 znaków.').nullish()
});

/**
 * A moderator decides the open notices about one post or comment: remove it (a restriction with
 * a statement of reasons) or keep it (a hidden comment is visible again). Reporters are told.
 */
export async function decideReports(
	ctx: Ctx,
	actor: Actor | null,
	target: { postId?: string; commentId?: string },
	input: unknown
): Promise<void> {
	assertSignedIn(actor);
	const t = await targetOf(ctx.db, target);
	const group = await ctx.db.selectFrom('groups').selectAll().where('id', '=', t.group_id).executeTakeFirstOrThrow();
	await authorizeInGroup(ctx, actor, group, 'moderate');
	const data = parseInput(reportDecisionSchema, input);
	if (data.outcome === 'remove' && !data.ground)
		throw new AppError('validation', 'Wybierz punkt regulaminu, który treść narusza.', {
			ground: 'Wybierz punkt regulaminu.'
		});
	if (data.outcome === 'remove' && (!data.reason || data.reason.length < 3))
		throw new AppError('validation', 'Uzasadnij usunięcie — autor zobaczy to uzasadnienie.', {
			reason: 'Uzasadnij usunięcie (co najmniej 3 znaki).'
		});
	const now = ctx.clock.now();
	await ctx.db.transaction().execute(async (tx) => {
		const reports = await tx
			.updateTable('reports')
			.set({ status: data.outcome === 'remove' ? 'actioned' : 'dismissed', decided_at: now, decided_by: actor.id })
			.where(t.kind === 'post' ? 'post_id' : 'comment_id', '=', t.id)
			.where('status', '=', 'open')
			.returning(['id', 'reporter_id', 'reporter_email'])
			.execute();
		if (reports.length === 0) throw new AppError('conflict', 'Zgłoszenia tej treści zostały już rozpatrzone.');
		const current = await tx
			.selectFrom(t.kind === 'post' ? 'posts' : 'comments')
			.select('status')
			.where('id', '=', t.id)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (data.outcome === 'remove') {
			if (t.kind === 'comment') {
				await tx
					.updateTable('comments')
					.set({ status: 'removed', decided_at: now, decided_by: actor.id, moderation_reason: data.reason ?? null })
					.where('id', '=', t.id)
					.execute();
				if (current.status === 'published') await commentVisibilityChanged(ctx, tx, group.id, t.post_id, t.id, -1);
			} else {
				await tx
					.updateTable('posts')
					.set({
						status: 'removed',
						decided_at: now,
						decided_by: actor.id,
						moderation_reason: data.reason ?? null,
						pinned: false
					})
					.where('id', '=', t.id)
					.execute();
			}
			await restrict(ctx, tx, {
				groupId: group.id,
				actorId: actor.id,
				action: 'remove',
				postId: t.post_id,
				commentId: t.comment_id,
				subjectId: t.author_id,
				reportId: reports[0].id,
				ground: data.ground!,
				facts: data.reason!,
				contentCreatedAt: t.created_at,
				what: t.kind === 'post' ? 'Twój post' : 'Twój komentarz'
			});
		} else {
			if (t.kind === 'comment' && current.status === 'hidden') {
				await tx.updateTable('comments').set({ status: 'published' }).where('id', '=', t.id).execute();
				await commentVisibilityChanged(ctx, tx, group.id, t.post_id, t.id, 1);
				await logAction(tx, ctx.clock, {
					groupId: group.id,
					actorId: actor.id,
					action: 'restore',
					postId: t.post_id,
					commentId: t.comment_id,
					subjectId: t.author_id,
					reportId: reports[0].id,
					facts: data.reason ?? '',
					contentCreatedAt: t.created_at
				});
			}
			await logAction(tx, ctx.clock, {
				groupId: group.id,
				actorId: actor.id,
				action: 'report_dismissed',
				postId: t.post_id,
				commentId: t.comment_id,
				subjectId: t.author_id,
				reportId: reports[0].id,
				facts: data.reason ?? '',
				contentCreatedAt: t.created_at
			});
		}
		for (const r of reports) {
			const outcome = reportDecidedMessage({
				reportId: r.id,
				target: t.kind,
				removed: data.outcome === 'remove',
				ground: describeGround(data.ground),
				reason: data.reason
			});
			if (r.reporter_id)
				await notify(tx, ctx.clock, {
					userId: r.reporter_id,
					kind: 'report_decided',
					groupId: group.id,
					postId: t.post_id,
					detail: outcome.notification
				});
			await enqueueEmail(tx, ctx.clock, { to: r.reporter_email, subject: outcome.subject, text: outcome.text });
		}
	});
}

async function targetOf(db: Db, t: { postId?: string; commentId?: string }) {
	const postId = t.postId && isId(t.postId) ? t.postId : null;
	const commentId = t.commentId && isId(t.commentId) ? t.commentId : null;
	if (!postId && !commentId) throw notFound('Nie ma takiej treści.');
	return target(db, postId, commentId);
}
