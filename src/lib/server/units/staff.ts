import { unitById, id } from './units';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Unit } from '../db/schema';
import { displayNameSchema, passwordSchema, toActor } from '../auth/accounts';
import { emailSchema, parseInput } from '../core/validation';
import { hashPassword, hashSecret, newSecret } from '../auth/crypto';
import { AppError, notFound } from '../core/errors';
import { enqueueEmail } from '../notify/outbox';
import { assertUnitManager, coordinates } from '../access/office';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { invitationEmail } from './messages';

/** Invitations for unit staff are valid for a week. */
export const INVITATION_DAYS = 7;

export const invitationSchema = z.object({
	email: emailSchema,
	role: z.enum(['editor', 'unitAdmin'], { error: 'Wybierz rolę: redaktor albo administrator jednostki.' })
});

/** Invites a person to the unit's staff by e-mail: a link valid for 7 days. */
export async function inviteStaff(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	input: unknown
): Promise<{ id: string; token: string }> {
	const unit = await unitById(ctx.db, unitId);
	const by = await assertUnitManager(ctx, actor, unit);
	const data = parseInput(invitationSchema, input);
	const now = ctx.clock.now();
	const { token, hash } = newSecret();
	return ctx.db.transaction().execute(async (tx) => {
		await hitLimits(tx, ctx.clock, [limits.invitationsPerAccount(by.id), limits.invitationsPerAddress(data.email)]);
		const already = await tx
			.selectFrom('unit_members as m')
			.innerJoin('users as u', 'u.id', 'm.user_id')
			.select('m.user_id')
			.where('m.unit_id', '=', unitId)
			.where((eb) => eb(eb.fn('lower', ['u.email']), '=', data.email))
			.executeTakeFirst();
		if (already)
			throw new AppError('conflict', 'Ta osoba już należy do zespołu jednostki.', {
				email: 'Ta osoba już należy do zespołu.'
			});
		// A new invitation replaces an open one for the same address.
		await tx
			.updateTable('unit_invitations')
			.set({ revoked_at: now })
			.where('unit_id', '=', unitId)
			.where('email', '=', data.email)
			.where('accepted_at', 'is', null)
			.where('revoked_at', 'is', null)
			.execute();
		const row = await tx
			.insertInto('unit_invitations')
			.values({
				unit_id: unitId,
				email: data.email,
				role: data.role,
				token_hash: hash,
				invited_by: by.id,
				created_at: now,
				expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await enqueueEmail(tx, ctx.clock, {
			to: data.email,
			...invitationEmail({
				unitName: unit.name,
				invitedBy: by.displayName,
				role: data.role,
				validDays: INVITATION_DAYS,
				acceptUrl: `${ctx.baseUrl}/zaproszenie/${token}`
			})
		});
		return { id: row.id, token };
	});
}

export interface InvitationView {
	unitName: string;
	role: 'editor' | 'unitAdmin';
	email: string;
	/** An account with the invited address exists (sign in), or not (create one). */
	accountExists: boolean;
	/** Where the unit publishes: the municipality's group. */
	groupSlug: string | null;
}

async function openInvitation(db: Db, token: string, now: Date) {
	const row = await db
		.selectFrom('unit_invitations as i')
		.innerJoin('units', 'units.id', 'i.unit_id')
		.select([
			'i.id',
			'i.unit_id',
			'i.email',
			'i.role',
			'i.expires_at',
			'i.accepted_at',
			'i.revoked_at',
			'units.name as unit_name',
			'units.municipality_code'
		])
		.where('i.token_hash', '=', hashSecret(token))
		.executeTakeFirst();
	if (!row || row.revoked_at) throw notFound('To zaproszenie nie istnieje albo zostało wycofane.');
	if (row.accepted_at) throw new AppError('conflict', 'To zaproszenie zostało już przyjęte.');
	if (row.expires_at <= now)
		throw new AppError('conflict', 'To zaproszenie wygasło — poproś koordynatora gminy o nowe.');
	return row;
}

export async function getInvitation(ctx: Ctx, token: string): Promise<InvitationView> {
	const inv = await openInvitation(ctx.db, token, ctx.clock.now());
	const [user, group] = await Promise.all([
		ctx.db
			.selectFrom('users')
			.select('id')
			.where((eb) => eb(eb.fn('lower', ['email']), '=', inv.email))
			.where('deleted_at', 'is', null)
			.executeTakeFirst(),
		ctx.db
			.selectFrom('groups')
			.select('slug')
			.where('municipality_code', '=', inv.municipality_code)
			.orderBy('id')
			.executeTakeFirst()
	]);
	return {
		unitName: inv.unit_name,
		role: inv.role,
		email: inv.email,
		accountExists: !!user,
		groupSlug: group?.slug ?? null
	};
}

export const newStaffAccountSchema = z.object({ displayName: displayNameSchema, password: passwordSchema });

/**
 * Accepting links the signed-in account to the unit, or creates an account for the invited
 * address (verified: the link came to it).
 */
export async function acceptInvitation(
	ctx: Ctx,
	actor: Actor | null,
	token: string,
	newAccount?: unknown
): Promise<Actor> {
	const now = ctx.clock.now();
	const inv = await openInvitation(ctx.db, token, now);
	const fresh = actor ? null : parseInput(newStaffAccountSchema, newAccount);
	const passwordHash = fresh ? await hashPassword(fresh.password) : null;
	return ctx.db.transaction().execute(async (tx) => {
		let person = actor;
		if (!person) {
			const exists = await tx
				.selectFrom('users')
				.select('id')
				.where((eb) => eb(eb.fn('lower', ['email']), '=', inv.email))
				.where('deleted_at', 'is', null)
				.executeTakeFirst();
			if (exists)
				throw new AppError('conflict', 'Konto z tym adresem już istnieje — zaloguj się i otwórz link ponownie.');
			const user = await tx
				.insertInto('users')
				.values({
					email: inv.email,
					display_name: fresh!.displayName,
					password_hash: passwordHash!,
					email_verified_at: now,
					is_operator: false,
					created_at: now,
					deleted_at: null
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			person = toActor(user);
		}
		const taken = await tx
			.updateTable('unit_invitations')
			.set({ accepted_at: now, accepted_by: person.id })
			.where('id', '=', inv.id)
			.where('accepted_at', 'is', null)
			.returning('id')
			.executeTakeFirst();
		if (!taken) throw new AppError('conflict', 'To zaproszenie zostało już przyjęte.');
		await tx
			.insertInto('unit_members')
			.values({ unit_id: inv.unit_id, user_id: person.id, role: inv.role })
			.onConflict((oc) => oc.columns(['unit_id', 'user_id']).doUpdateSet({ role: inv.role }))
			.execute();
		return person;
	});
}

export const staffRoleSchema = z.object({
	role: z.enum(['editor', 'unitAdmin'], { error: 'Wybierz rolę: redaktor albo administrator jednostki.' })
});

/**
 * A person on the unit's staff, for a change by whoever manages the unit. The unit's service
 * account (its API tokens' owner) is no one's to change. Nobody changes or removes themselves unless
 * they coordinate the municipality: a unit admin would lock themselves out of the unit's staff and
 * tokens, and only the coordinator could let them back in.
 */
async function staffMemberToChange(db: Db, actor: Actor, unit: Unit, userId: string, ownRefusal: string) {
	parseInput(id('osoby'), userId);
	const member = await db
		.selectFrom('unit_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['m.role', 'u.display_name'])
		.where('m.unit_id', '=', unit.id)
		.where('m.user_id', '=', userId)
		.executeTakeFirst();
	if (!member || userId === unit.service_user_id) throw notFound('Tej osoby nie ma w zespole jednostki.');
	if (userId === actor.id && !(await coordinates({ db }, actor, unit.municipality_code)))
		throw new AppError(
			'conflict',
			`${ownRefusal} — poproś o to innego administratora jednostki albo koordynatora gminy.`
		);
	return member;
}

/** Makes a person on the unit's staff an editor or a unit admin; returns their name and new role. */
export async function changeStaffRole(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	userId: string,
	input: unknown
): Promise<{ name: string; role: 'editor' | 'unitAdmin' }> {
	const unit = await unitById(ctx.db, unitId);
	const by = await assertUnitManager(ctx, actor, unit);
	const { role } = parseInput(staffRoleSchema, input);
	const member = await staffMemberToChange(ctx.db, by, unit, userId, 'Własnej roli nie zmienisz');
	if (member.role !== role)
		await ctx.db
			.updateTable('unit_members')
			.set({ role })
			.where('unit_id', '=', unitId)
			.where('user_id', '=', userId)
			.execute();
	return { name: member.display_name, role };
}

/** Takes a person off the unit's staff; their next request no longer publishes as the unit. Returns their name. */
export async function removeStaff(ctx: Ctx, actor: Actor | null, unitId: string, userId: string): Promise<string> {
	const unit = await unitById(ctx.db, unitId);
	const by = await assertUnitManager(ctx, actor, unit);
	const member = await staffMemberToChange(ctx.db, by, unit, userId, 'Własnego dostępu nie odbierzesz');
	const r = await ctx.db
		.deleteFrom('unit_members')
		.where('unit_id', '=', unitId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!r.numDeletedRows) throw notFound('Tej osoby nie ma w zespole jednostki.');
	return member.display_name;
}

export async function revokeInvitation(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	invitationId: string
): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit);
	parseInput(id('zaproszenia'), invitationId);
	const r = await ctx.db
		.updateTable('unit_invitations')
		.set({ revoked_at: ctx.clock.now() })
		.where('id', '=', invitationId)
		.where('unit_id', '=', unitId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (!r.numUpdatedRows) throw notFound('Nie ma takiego otwartego zaproszenia.');
}
