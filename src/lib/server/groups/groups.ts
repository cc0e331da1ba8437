import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { parseInput } from '../core/validation';
import { notify } from '../notify/notifications';
import { logAction } from '../audit/audit-log';
import { assertCan } from '../access/policy';
import { assertOperator } from '../access/actor';
import { groupAccess } from '../access/group-access';
import { memo } from '../cache/memo';
import { membershipChanged } from './member-count';

export const groupInputSchema = z.object({
	slug: z
		.string({ error: 'Podaj adres grupy.' })
		.trim()
		.toLowerCase()
		.regex(
			/^[a-z0-9]+(-[a-z0-9]+)*$/,
			'Adres grupy może zawierać tylko małe litery bez polskich znaków, cyfry i myślniki, np. wiskitki.'
		)
		.min(2, 'Adres grupy musi mieć co najmniej 2 znaki.')
		.max(60, 'Adres grupy może mieć najwyżej 60 znaków.'),
	municipalityCode: z
		.string({ error: 'Wybierz gminę.' })
		.trim()
		.regex(/^\d{7}$/, 'Kod TERYT gminy ma 7 cyfr, np. 1438053.'),
	name: z
		.string({ error: 'Podaj nazwę grupy.' })
		.trim()
		.min(3, 'Nazwa grupy musi mieć co najmniej 3 znaki.')
		.max(120, 'Nazwa grupy może mieć najwyżej 120 znaków.'),
	description: z.string().trim().max(2000, 'Opis może mieć najwyżej 2000 znaków.').default(''),
	rules: z.string().trim().max(20000, 'Regulamin może mieć najwyżej 20 000 znaków.').default(''),
	isPublic: z.boolean().default(true),
	membershipQuestion: z
		.string({ error: 'Podaj pytanie dla kandydatów.' })
		.trim()
		.min(5, 'Pytanie dla kandydatów musi mieć co najmniej 5 znaków.')
		.max(300, 'Pytanie może mieć najwyżej 300 znaków.'),
	memberPostsNeedApproval: z.boolean().default(true)
});
export type GroupInput = z.input<typeof groupInputSchema>;

export async function createGroup(ctx: Ctx, actor: Actor | null, input: unknown): Promise<Group> {
	assertOperator(actor);
	const data = parseInput(groupInputSchema, input);
	return ctx.db.transaction().execute(async (tx) => {
		const municipality = await tx
			.selectFrom('municipalities')
			.select('teryt_code')
			.where('teryt_code', '=', data.municipalityCode)
			.executeTakeFirst();
		if (!municipality)
			throw new AppError('validation', 'Nie ma gminy o tym kodzie TERYT.', {
				municipalityCode: 'Nie ma gminy o tym kodzie TERYT.'
			});
		const taken = await tx.selectFrom('groups').select('id').where('slug', '=', data.slug).executeTakeFirst();
		if (taken)
			throw new AppError('conflict', 'Grupa o tym adresie już istnieje.', { slug: 'Ten adres jest już zajęty.' });
		const group = await tx
			.insertInto('groups')
			.values({
				slug: data.slug,
				municipality_code: data.municipalityCode,
				name: data.name,
				description: data.description,
				rules: data.rules,
				is_public: data.isPublic,
				membership_question: data.membershipQuestion,
				member_posts_need_approval: data.memberPostsNeedApproval,
				created_at: ctx.clock.now()
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		return group;
	});
}

export async function updateGroup(ctx: Ctx, actor: Actor | null, groupId: string, input: unknown): Promise<Group> {
	assertOperator(actor);
	const data = parseInput(groupInputSchema.omit({ slug: true, municipalityCode: true }), input);
	const group = await ctx.db
		.updateTable('groups')
		.set({
			name: data.name,
			description: data.description,
			rules: data.rules,
			is_public: data.isPublic,
			membership_question: data.membershipQuestion,
			member_posts_need_approval: data.memberPostsNeedApproval
		})
		.where('id', '=', groupId)
		.returningAll()
		.executeTakeFirst();
	if (!group) throw notFound('Nie ma takiej grupy.');
	forgetGroupForReading(group.slug);
	return group;
}

export async function getGroup(db: Db, slug: string): Promise<Group> {
	const group = await db.selectFrom('groups').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!group) throw notFound('Nie ma takiej grupy.');
	return group;
}

export async function listGroups(db: Db, opts: { slug?: string } = {}) {
	let q = db
		.selectFrom('groups')
		.innerJoin('municipalities as m', 'm.teryt_code', 'groups.municipality_code')
		.select([
			'groups.id',
			'groups.slug',
			'groups.name',
			'groups.description',
			'groups.is_public',
			'groups.member_count',
			'm.name as municipality',
			'm.county',
			'm.voivodeship',
			'm.teryt_code'
		])
		.orderBy('groups.member_count', 'desc')
		.orderBy('groups.name');
	if (opts.slug) q = q.where('groups.slug', '=', opts.slug);
	return q.execute();
}

/** The answer to the group's question for candidates. */
export const membershipAnswerSchema = z
	.string({ error: 'Odpowiedz na pytanie.' })
	.trim()
	.min(2, 'Odpowiedz na pytanie (co najmniej 2 znaki).')
	.max(1000, 'Odpowiedź może mieć najwyżej 1000 znaków.');

/** Checks that the actor may ask to join the group now; returns them signed in. */
export async function assertMayJoin(ctx: Ctx, actor: Actor | null, group: Group): Promise<Actor> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'join', group, actor);
	if (access.membershipStatus === 'pending' || access.membershipStatus === 'approved')
		throw new AppError('conflict', 'Twoja prośba o dołączenie już czeka na decyzję.');
	if (!actor.emailVerified)
		throw new AppError('forbidden', 'Najpierw potwierdź adres e-mail — wysłaliśmy do Ciebie link.');
	return actor;
}

/**
 * Writes the request to join (a declined person's earlier one is replaced), in the caller's
 * transaction. `alertsAskedAt`: the request itself asked which urgent alerts they want.
 */
export async function writeMembershipRequest(
	tx: Db,
	now: Date,
	request: { groupId: string; userId: string; answer: string; alertsAskedAt?: Date }
): Promise<void> {
	const values = {
		status: 'pending' as const,
		answer: request.answer,
		requested_at: now,
		decided_at: null,
		decided_by: null,
		...(request.alertsAskedAt ? { alerts_asked_at: request.alertsAskedAt } : {})
	};
	await tx
		.insertInto('memberships')
		.values({ group_id: request.groupId, user_id: request.userId, ...values })
		.onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet(values))
		.execute();
}

/** Asks to join; a moderator decides. A declined person may ask again. */
export async function requestMembership(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	answer: unknown
): Promise<'pending'> {
	const me = await assertMayJoin(ctx, actor, group);
	const text = parseInput(membershipAnswerSchema, answer);
	await writeMembershipRequest(ctx.db, ctx.clock.now(), { groupId: group.id, userId: me.id, answer: text });
	return 'pending';
}

export async function decideMembership(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	userId: string,
	approve: boolean
): Promise<void> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'decideMembership', group, actor);
	await ctx.db.transaction().execute(async (tx) => {
		const m = await tx
			.selectFrom('memberships')
			.select('status')
			.where('group_id', '=', group.id)
			.where('user_id', '=', userId)
			.forUpdate()
			.executeTakeFirst();
		if (!m || m.status !== 'pending')
			throw new AppError('conflict', 'Ta prośba o dołączenie została już rozpatrzona albo wycofana.');
		await tx
			.updateTable('memberships')
			.set({ status: approve ? 'approved' : 'declined', decided_at: ctx.clock.now(), decided_by: actor.id })
			.where('group_id', '=', group.id)
			.where('user_id', '=', userId)
			.execute();
		if (approve) await membershipChanged(tx, group.id, userId, 1, ctx.clock.now());
		await notify(tx, ctx.clock, {
			userId,
			kind: approve ? 'membership_approved' : 'membership_declined',
			groupId: group.id
		});
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: actor.id,
			action: approve ? 'member_approved' : 'member_declined',
			subjectId: userId
		});
	});
}

export async function leaveGroup(ctx: Ctx, actor: Actor | null, group: Group): Promise<void> {
	const access = await groupAccess(ctx, actor, group);
	const belongs = access.membershipStatus === 'approved' || access.membershipStatus === 'pending';
	assertCan(belongs ? 'member' : access.role === 'anonymous' ? 'anonymous' : 'user', 'leave', group, actor);
	await ctx.db.transaction().execute(async (tx) => {
		const removed = await tx
			.deleteFrom('memberships')
			.where('group_id', '=', group.id)
			.where('user_id', '=', actor.id)
			.returning('status')
			.executeTakeFirst();
		if (removed?.status === 'approved') await membershipChanged(tx, group.id, actor.id, -1, ctx.clock.now());
	});
}

export async function listMembers(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	opts: { status?: 'approved' | 'pending'; limit?: number; offset?: number } = {}
) {
	const access = await groupAccess(ctx, actor, group);
	const status = opts.status ?? 'approved';
	assertCan(access.role, status === 'pending' ? 'decideMembership' : 'listMembers', group);
	return ctx.db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select([
			'users.id',
			'users.display_name',
			'memberships.role',
			'memberships.answer',
			'memberships.requested_at',
			'memberships.decided_at'
		])
		.where('memberships.group_id', '=', group.id)
		.where('memberships.status', '=', status)
		.orderBy(status === 'pending' ? 'memberships.requested_at' : 'users.display_name')
		.limit(Math.min(opts.limit ?? 100, 500))
		.offset(opts.offset ?? 0)
		.execute();
}

export async function countPendingMemberships(db: Db, groupId: string): Promise<number> {
	const r = await db
		.selectFrom('memberships')
		.select(sql<string>`count(*)`.as('n'))
		.where('group_id', '=', groupId)
		.where('status', '=', 'pending')
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

const readCache = memo<{
	group: Group;
	municipality: {
		name: string;
		county: string;
		voivodeship: string;
		teryt_code: string;
		kind: 'urban' | 'rural' | 'mixed';
	};
}>(5000, 5000);

/**
 * A group and its municipality for read-only pages, kept in this process for 5 seconds: the feed
 * is read far more often than a group's settings or member count change.
 */
export function getGroupForReading(db: Db, slug: string) {
	return readCache(slug, performance.now(), async () => {
		const group = await getGroup(db, slug);
		const municipality = await db
			.selectFrom('municipalities')
			.select(['name', 'county', 'voivodeship', 'teryt_code', 'kind'])
			.where('teryt_code', '=', group.municipality_code)
			.executeTakeFirstOrThrow();
		return { group, municipality };
	});
}

export const forgetGroupForReading = (slug: string) => readCache.forget(slug);
