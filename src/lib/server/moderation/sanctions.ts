import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Group, SanctionKind } from '../db/schema';
import { parseInput, isId, idSchema } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { authorizeInGroup } from '../access/group-access';
import { formatDate } from '../../format';
import { restrict } from './decisions';
import { logAction } from '../audit/audit-log';
import { groundIds, type Ground } from './terms';
import { membershipChanged } from '../groups/member-count';
import { heldByEngine } from './content-decisions';
import type { Db } from '../db/database';

const DAY = 86_400_000;

export const sanctionLabels: Record<SanctionKind, string> = {
	warn: 'ostrzeżenie',
	mute: 'wyciszenie (bez publikowania i komentowania)',
	suspend: 'zawieszenie udziału w grupie',
	ban: 'wykluczenie z grupy'
};

export const sanctionSchema = z.object({
	userId: idSchema('Wybierz osobę.'),
	kind: z.enum(['warn', 'mute', 'suspend', 'ban'], { error: 'Wybierz rodzaj sankcji.' }),
	days: z.coerce
		.number({ error: 'Podaj liczbę dni.' })
		.int('Podaj pełną liczbę dni.')
		.min(1, 'Sankcja trwa co najmniej 1 dzień.')
		.max(3650, 'Sankcja może trwać najwyżej 3650 dni (10 lat).'),
	ground: z.enum(groundIds as [Ground, ...Ground[]], { error: 'Wybierz punkt regulaminu.' }),
	reason: z
		.string({ error: 'Opisz powód.' })
		.trim()
		.min(10, 'Opisz powód (co najmniej 10 znaków) — osoba go zobaczy.')
		.max(2000, 'Powód może mieć najwyżej 2000 znaków.'),
	/** The post or comment the sanction is imposed for (from the queue), if any. */
	postId: idSchema('Nie ma takiego posta.').nullish(),
	commentId: idSchema('Nie ma takiego komentarza.').nullish()
});

/** What a sanction was imposed for, and how that content came to the moderators. */
interface Basis {
	postId: string | null;
	commentId: string | null;
	/** The engine held or flagged it when it was sent (since its text last changed). */
	automatedDetection: boolean;
	/** The first notice (Art. 16) about it. */
	reportId: string | null;
}

const notTheirs = 'Ta treść nie należy do osoby, na którą nakładasz sankcję, albo nie jest z tej grupy.';

/** The content a sanction is imposed for: in this group, written by the sanctioned person. */
async function basisOf(
	db: Db,
	group: Group,
	userId: string,
	ids: { postId?: string | null; commentId?: string | null }
): Promise<Basis> {
	const none = { postId: null, commentId: null, automatedDetection: false, reportId: null };
	if (ids.commentId) {
		const c = await db
			.selectFrom('comments as c')
			.innerJoin('posts as p', 'p.id', 'c.post_id')
			.select(['c.id', 'c.post_id', 'c.author_id', 'p.group_id'])
			.where('c.id', '=', ids.commentId)
			.executeTakeFirst();
		if (!c || c.group_id !== group.id || c.author_id !== userId)
			throw new AppError('validation', notTheirs, { commentId: notTheirs });
		const report = await db
			.selectFrom('reports')
			.select('id')
			.where('comment_id', '=', c.id)
			.orderBy('created_at')
			.orderBy('id')
			.executeTakeFirst();
		return {
			postId: null,
			commentId: c.id,
			automatedDetection: await heldByEngine(db, { postId: c.post_id, commentId: c.id }, ['hold', 'flag']),
			reportId: report?.id ?? null
		};
	}
	if (ids.postId) {
		const p = await db
			.selectFrom('posts')
			.select(['id', 'author_id', 'group_id'])
			.where('id', '=', ids.postId)
			.executeTakeFirst();
		if (!p || p.group_id !== group.id || p.author_id !== userId)
			throw new AppError('validation', notTheirs, { postId: notTheirs });
		const report = await db
			.selectFrom('reports')
			.select('id')
			.where('post_id', '=', p.id)
			.orderBy('created_at')
			.orderBy('id')
			.executeTakeFirst();
		return {
			postId: p.id,
			commentId: null,
			automatedDetection: await heldByEngine(db, { postId: p.id }, ['hold', 'flag']),
			reportId: report?.id ?? null
		};
	}
	return none;
}

/**
 * A moderator warns, mutes, suspends or bans a member, with a reason, a clause of the terms and
 * an end date. A ban also ends the membership. The person gets a statement of reasons, which says
 * what the sanction was for: the post or comment it was imposed on from the queue (kept with the
 * sanction) and whether the engine detected it or a person reported it — or that the moderator
 * acted on their own.
 */
export async function imposeSanction(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<string> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	const data = parseInput(sanctionSchema, input);
	if (data.userId === moderator.id)
		throw new AppError('validation', 'Nie możesz nałożyć sankcji na siebie.', { userId: 'Wybierz inną osobę.' });
	const target = await ctx.db
		.selectFrom('users')
		.leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'users.id').on('m.group_id', '=', group.id))
		.select(['users.id', 'users.display_name', 'users.is_operator', 'm.role', 'm.status'])
		.where('users.id', '=', data.userId)
		.executeTakeFirst();
	if (!target) throw notFound('Nie ma takiej osoby.');
	if (target.is_operator || (target.role === 'moderator' && target.status === 'approved'))
		throw new AppError('forbidden', 'Sankcji nie nakłada się na moderatorów ani operatorów.');
	const basis = await basisOf(ctx.db, group, target.id, data);
	const now = ctx.clock.now();
	const endsAt = new Date(now.getTime() + data.days * DAY);
	return ctx.db.transaction().execute(async (tx) => {
		const decisionId = await restrict(ctx, tx, {
			groupId: group.id,
			actorId: moderator.id,
			action: data.kind,
			subjectId: target.id,
			ground: data.ground,
			// The log line names the kind and the end; the person reads them in the decision itself.
			facts: `${data.reason} (${sanctionLabels[data.kind]} do ${formatDate(endsAt)})`,
			reason: data.reason,
			until: endsAt,
			reportId: basis.reportId,
			automatedDetection: basis.automatedDetection,
			sanctionFor: basis.commentId ? 'comment' : basis.postId ? 'post' : null,
			what: `Twoje konto w grupie „${group.name}”`
		});
		await tx
			.insertInto('sanctions')
			.values({
				group_id: group.id,
				user_id: target.id,
				kind: data.kind,
				reason: data.reason,
				ground: data.ground,
				starts_at: now,
				ends_at: endsAt,
				decision_id: decisionId,
				created_by: moderator.id,
				post_id: basis.postId,
				comment_id: basis.commentId
			})
			.execute();
		if (data.kind === 'ban' && target.status === 'approved') {
			await tx
				.updateTable('memberships')
				.set({ status: 'declined', decided_at: now, decided_by: moderator.id })
				.where('group_id', '=', group.id)
				.where('user_id', '=', target.id)
				.execute();
			await membershipChanged(tx, group.id, target.id, -1, now);
		}
		return decisionId;
	});
}

/** Ends a sanction early (a ban's membership is not restored: the person may ask to join again). */
export async function liftSanction(ctx: Ctx, actor: Actor | null, group: Group, sanctionId: string): Promise<void> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	if (!isId(sanctionId)) throw notFound('Nie ma takiej sankcji.');
	await ctx.db.transaction().execute(async (tx) => {
		const s = await tx
			.updateTable('sanctions')
			.set({ lifted_at: ctx.clock.now() })
			.where('id', '=', sanctionId)
			.where('group_id', '=', group.id)
			.where('lifted_at', 'is', null)
			.returning(['user_id', 'kind'])
			.executeTakeFirst();
		if (!s) throw notFound('Nie ma takiej sankcji albo już nie obowiązuje.');
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: moderator.id,
			action: 'sanction_lifted',
			subjectId: s.user_id,
			facts: sanctionLabels[s.kind]
		});
	});
}

export interface SanctionView {
	id: string;
	userId: string;
	userName: string;
	kind: SanctionKind;
	label: string;
	reason: string;
	endsAt: string;
	active: boolean;
	decisionId: string | null;
}

export async function listSanctions(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	userId?: string
): Promise<SanctionView[]> {
	await authorizeInGroup(ctx, actor, group, 'moderate');
	let q = ctx.db
		.selectFrom('sanctions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select(['s.id', 's.user_id', 'u.display_name', 's.kind', 's.reason', 's.ends_at', 's.lifted_at', 's.decision_id'])
		.where('s.group_id', '=', group.id)
		.orderBy('s.starts_at', 'desc')
		.limit(200);
	if (userId) q = q.where('s.user_id', '=', userId);
	const now = ctx.clock.now();
	return (await q.execute()).map((s) => ({
		id: s.id,
		userId: s.user_id,
		userName: s.display_name,
		kind: s.kind,
		label: sanctionLabels[s.kind],
		reason: s.reason,
		endsAt: s.ends_at.toISOString(),
		active: !s.lifted_at && s.ends_at > now,
		decisionId: s.decision_id
	}));
}
