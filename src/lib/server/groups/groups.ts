import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { parseInput } from '../core/validation';
import { notify } from '../notify/notifications';
import { logAction } from '../audit/audit-log';
import { assertCan, type GroupRole } from '../access/policy';
import { assertOperator } from '../access/actor';
import { activeSanction, type ActiveSanction } from '../access/active-sanction';
import { packageState } from '../subscriptions/subscriptions';
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

export interface GroupAccess {
	role: GroupRole;
	/** Units in the group's municipality the actor may publish as. */
	/** Units the actor may publish as here; `publishing`: their posts skip approval right now. */
	units: { id: string; name: string; type: string; slug: string; publishing: boolean; mayAlert: boolean }[];
	membershipStatus: 'pending' | 'approved' | 'declined' | null;
	/** The strongest active mute, suspension or ban, if any. */
	sanction: ActiveSanction | null;
	/** When the membership was approved. */
	memberSince: Date | null;
}

/** A member within the group's first days, whose posts and comments are always held. */
export function isNewMember(group: Pick<Group, 'new_member_days'>, access: GroupAccess, now: Date): boolean {
	return (
		access.role === 'member' &&
		group.new_member_days > 0 &&
		access.memberSince !== null &&
		now.getTime() - access.memberSince.getTime() < group.new_member_days * 86_400_000
	);
}

/**
 * Units of a municipality a person may publish as: their own (editor or unit admin), and those the
 * coordinator opened to the office's staff ("z profili wskazanych przez urząd").
 */
export async function unitsOf(db: Db, userId: string, municipalityCode: string) {
	return db
		.selectFrom('units')
		.select(['units.id', 'units.name', 'units.type', 'units.slug', 'units.can_publish', 'units.may_alert'])
		.where('units.municipality_code', '=', municipalityCode)
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('unit_members as um')
						.select('um.unit_id')
						.whereRef('um.unit_id', '=', 'units.id')
						.where('um.user_id', '=', userId)
				),
				eb.and([
					eb('units.office_publishes', '=', true),
					eb.exists(
						eb
							.selectFrom('unit_members as om')
							.innerJoin('units as office', 'office.id', 'om.unit_id')
							.select('om.unit_id')
							.where('om.user_id', '=', userId)
							.where('office.type', '=', 'office')
							.whereRef('office.municipality_code', '=', 'units.municipality_code')
					)
				])
			])
		)
		.orderBy('units.name')
		.execute();
}

/**
 * The actor's standing in a group: membership, units and an active sanction, in parallel. A
 * sanction (mute, suspension, ban) lowers the role; operators and moderators are never sanctioned.
 */
export async function groupAccess(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	group: Group
): Promise<GroupAccess> {
	if (!actor) return { role: 'anonymous', units: [], membershipStatus: null, sanction: null, memberSince: null };
	const { db } = ctx;
	const [membership, units, sanction] = await Promise.all([
		db
			.selectFrom('memberships')
			.select(['status', 'role', 'decided_at'])
			.where('group_id', '=', group.id)
			.where('user_id', '=', actor.id)
			.executeTakeFirst(),
		unitsOf(db, actor.id, group.municipality_code),
		activeSanction(db, group.id, actor.id, ctx.clock.now())
	]);
	const status = membership?.status ?? null;
	// A unit's posts skip approval while the group's package is active and the unit is enabled.
	const active = units.length > 0 && (await packageState(ctx, group.id))?.active === true;
	const withPublishing = units.map((u) => ({
		id: u.id,
		name: u.name,
		type: u.type,
		slug: u.slug,
		publishing: active && u.can_publish,
		mayAlert: u.may_alert
	}));
	let role: GroupRole;
	if (actor.isOperator) role = 'operator';
	else if (status === 'approved' && membership!.role === 'moderator') role = 'moderator';
	else if (sanction) role = sanction.kind === 'ban' ? 'banned' : sanction.kind === 'suspend' ? 'suspended' : 'muted';
	else if (status === 'approved') role = 'member';
	else if (units.length > 0) role = 'publisher';
	else if (status === 'pending') role = 'pending';
	else role = 'user';
	return {
		role,
		units: role === 'muted' || role === 'suspended' || role === 'banned' ? [] : withPublishing,
		membershipStatus: status,
		sanction: role === 'operator' || role === 'moderator' ? null : sanction,
		memberSince: status === 'approved' ? (membership!.decided_at ?? null) : null
	};
}

const answerSchema = z
	.string({ error: 'Odpowiedz na pytanie.' })
	.trim()
	.min(2, 'Odpowiedz na pytanie (co najmniej 2 znaki).')
	.max(1000, 'Odpowiedź może mieć najwyżej 1000 znaków.');

/** Asks to join; a moderator decides. A declined person may ask again. */
export async function requestMembership(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	answer: unknown
): Promise<'pending'> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'join', group);
	if (access.membershipStatus === 'pending' || access.membershipStatus === 'approved')
		throw new AppError('conflict', 'Twoja prośba o dołączenie już czeka na decyzję.');
	if (!actor!.emailVerified)
		throw new AppError('forbidden', 'Najpierw potwierdź adres e-mail — wysłaliśmy do Ciebie link.');
	const text = parseInput(answerSchema, answer);
	await ctx.db
		.insertInto('memberships')
		.values({
			group_id: group.id,
			user_id: actor!.id,
			status: 'pending',
			answer: text,
			requested_at: ctx.clock.now(),
			decided_at: null,
			decided_by: null
		})
		.onConflict((oc) =>
			oc.columns(['group_id', 'user_id']).doUpdateSet({
				status: 'pending',
				answer: text,
				requested_at: ctx.clock.now(),
				decided_at: null,
				decided_by: null
			})
		)
		.execute();
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
	assertCan(access.role, 'decideMembership', group);
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
			.set({ status: approve ? 'approved' : 'declined', decided_at: ctx.clock.now(), decided_by: actor!.id })
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
			actorId: actor!.id,
			action: approve ? 'member_approved' : 'member_declined',
			subjectId: userId
		});
	});
}

export async function leaveGroup(ctx: Ctx, actor: Actor | null, group: Group): Promise<void> {
	const access = await groupAccess(ctx, actor, group);
	const belongs = access.membershipStatus === 'approved' || access.membershipStatus === 'pending';
	assertCan(belongs ? 'member' : access.role === 'anonymous' ? 'anonymous' : 'user', 'leave', group);
	await ctx.db.transaction().execute(async (tx) => {
		const removed = await tx
			.deleteFrom('memberships')
			.where('group_id', '=', group.id)
			.where('user_id', '=', actor!.id)
			.returning('status')
			.executeTakeFirst();
		if (removed?.status === 'approved') await membershipChanged(tx, group.id, actor!.id, -1, ctx.clock.now());
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
