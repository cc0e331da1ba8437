import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Unit } from '../db/schema';
import { displayNameSchema, passwordSchema, toActor } from '../auth/accounts';
import { emailSchema, parseInput, isId, idSchema } from '../core/validation';
import { hashPassword, hashSecret, newSecret } from '../auth/crypto';
import { createApiToken } from '../auth/sessions';
import { AppError, notFound } from '../core/errors';
import { unitTypes, type UnitType } from '../groups/unit-types';
import { enqueueEmail } from '../notify/outbox';
import { assertCoordinator, coordinates } from '../access/office';
import { packageState } from '../subscriptions/subscriptions';
import { foldText } from '../text/fold';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';

/** Invitations for unit staff are valid for a week. */
export const INVITATION_DAYS = 7;
/** Unit types that may send urgent alerts unless the coordinator decides otherwise. */
export const ALERTING_TYPES: UnitType[] = ['office', 'mayor', 'fireBrigade', 'utility', 'socialHelp'];

const unitTypeIds = Object.keys(unitTypes) as [UnitType, ...UnitType[]];
const id = (what: string) => idSchema(`Nie ma takiej ${what}.`);

export const unitSchema = z.object({
	name: z
		.string({ error: 'Podaj nazwę jednostki.' })
		.trim()
		.min(3, 'Nazwa jednostki musi mieć co najmniej 3 znaki.')
		.max(160, 'Nazwa może mieć najwyżej 160 znaków.'),
	type: z.enum(unitTypeIds, { error: 'Wybierz rodzaj jednostki z listy.' }),
	description: z.string().trim().max(500, 'Opis może mieć najwyżej 500 znaków.').default(''),
	contactEmail: z.union([emailSchema, z.literal('')]).default(''),
	contactPhone: z
		.string()
		.trim()
		.max(30, 'Numer telefonu może mieć najwyżej 30 znaków.')
		.regex(/^[+\d][\d\s-]{6,}$|^$/, 'Podaj numer telefonu, np. 46 856 45 00.')
		.default(''),
	website: z
		.union([z.url({ protocol: /^https?$/, error: 'Podaj adres strony zaczynający się od https://.' }), z.literal('')])
		.default('')
});

export interface UnitView {
	id: string;
	slug: string;
	name: string;
	type: string;
	typeLabel: string;
	description: string;
	contactEmail: string;
	contactPhone: string;
	website: string;
	verified: boolean;
	canPublish: boolean;
	mayAlert: boolean;
	officePublishes: boolean;
	logoUrl: string | null;
	staff: { userId: string; name: string; email: string; role: 'editor' | 'unitAdmin' }[];
	invitations: { id: string; email: string; role: string; expiresAt: string }[];
}

async function unitById(db: Db, unitId: string): Promise<Unit> {
	if (!isId(unitId)) throw notFound('Nie ma takiej jednostki.');
	const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
	if (!unit) throw notFound('Nie ma takiej jednostki.');
	return unit;
}

/** The coordinator of the unit's municipality, the operator, or (for staff matters) the unit's admin. */
async function assertManages(ctx: Ctx, actor: Actor | null, unit: Unit, staffMatter: boolean): Promise<Actor> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby to zrobić.');
	if (await coordinates(ctx, actor, unit.municipality_code)) return actor;
	if (staffMatter) {
		const admin = await ctx.db
			.selectFrom('unit_members')
			.select('role')
			.where('unit_id', '=', unit.id)
			.where('user_id', '=', actor.id)
			.where('role', '=', 'unitAdmin')
			.executeTakeFirst();
		if (admin) return actor;
	}
	throw new AppError(
		'forbidden',
		staffMatter
			? 'Zespołem jednostki zarządza jej administrator albo koordynator gminy.'
			: 'Jednostkami gminy zarządza koordynator gminy.'
	);
}

/** Every unit of a municipality with its staff and open invitations (coordinator's panel). */
export async function listUnits(ctx: Ctx, actor: Actor | null, municipalityCode: string): Promise<UnitView[]> {
	await assertCoordinator(ctx, actor, municipalityCode);
	return unitViews(ctx, municipalityCode);
}

/** One unit for the people who manage it: the coordinator or the unit's admin. */
export async function getUnitForManager(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string
): Promise<UnitView & { coordinator: boolean }> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
	const [view] = await unitViews(ctx, unit.municipality_code, unitId);
	return { ...view, coordinator: await coordinates(ctx, actor, unit.municipality_code) };
}

async function unitViews(ctx: Ctx, municipalityCode: string, onlyUnitId?: string): Promise<UnitView[]> {
	const now = ctx.clock.now();
	let unitsQ = ctx.db.selectFrom('units').selectAll().where('municipality_code', '=', municipalityCode).orderBy('name');
	if (onlyUnitId) unitsQ = unitsQ.where('id', '=', onlyUnitId);
	const [units, staff, invitations] = await Promise.all([
		unitsQ.execute(),
		ctx.db
			.selectFrom('unit_members as m')
			.innerJoin('units', 'units.id', 'm.unit_id')
			.innerJoin('users as u', 'u.id', 'm.user_id')
			.select(['m.unit_id', 'm.user_id', 'm.role', 'u.display_name', 'u.email'])
			.where('units.municipality_code', '=', municipalityCode)
			.where('u.deleted_at', 'is', null)
			.where((eb) =>
				eb.or([eb('units.service_user_id', 'is', null), eb('units.service_user_id', '!=', eb.ref('m.user_id'))])
			)
			.orderBy('u.display_name')
			.execute(),
		ctx.db
			.selectFrom('unit_invitations as i')
			.innerJoin('units', 'units.id', 'i.unit_id')
			.select(['i.id', 'i.unit_id', 'i.email', 'i.role', 'i.expires_at'])
			.where('units.municipality_code', '=', municipalityCode)
			.where('i.accepted_at', 'is', null)
			.where('i.revoked_at', 'is', null)
			.where('i.expires_at', '>', now)
			.execute()
	]);
	return units.map((u) => ({
		id: u.id,
		slug: u.slug,
		name: u.name,
		type: u.type,
		typeLabel: unitTypes[u.type as UnitType] ?? u.type,
		description: u.description,
		contactEmail: u.contact_email,
		contactPhone: u.contact_phone,
		website: u.website,
		verified: u.verified,
		canPublish: u.can_publish,
		mayAlert: u.may_alert,
		officePublishes: u.office_publishes,
		logoUrl: u.logo_file ? `/media/${u.logo_file}` : null,
		staff: staff
			.filter((s) => s.unit_id === u.id)
			.map((s) => ({ userId: s.user_id, name: s.display_name, email: s.email, role: s.role })),
		invitations: invitations
			.filter((i) => i.unit_id === u.id)
			.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at.toISOString() }))
	}));
}

function slugFor(name: string): string {
	return (
		foldText(name)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 50) || 'jednostka'
	);
}

/** The coordinator adds a unit of the municipality; it publishes unless turned off. */
export async function addUnit(
	ctx: Ctx,
	actor: Actor | null,
	municipalityCode: string,
	input: unknown
): Promise<string> {
	await assertCoordinator(ctx, actor, municipalityCode);
	const data = parseInput(unitSchema, input);
	const base = slugFor(data.name);
	const taken = new Set(
		(
			await ctx.db
				.selectFrom('units')
				.select('slug')
				.where('municipality_code', '=', municipalityCode)
				.where('slug', 'like', `${base}%`)
				.execute()
		).map((r) => r.slug)
	);
	let slug = base;
	for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
	const row = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: municipalityCode,
			slug,
			name: data.name,
			type: data.type,
			description: data.description,
			contact_email: data.contactEmail,
			contact_phone: data.contactPhone,
			website: data.website,
			may_alert: ALERTING_TYPES.includes(data.type),
			created_at: ctx.clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateUnit(ctx: Ctx, actor: Actor | null, unitId: string, input: unknown): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, false);
	const data = parseInput(unitSchema, input);
	await ctx.db
		.updateTable('units')
		.set({
			name: data.name,
			type: data.type,
			description: data.description,
			contact_email: data.contactEmail,
			contact_phone: data.contactPhone,
			website: data.website
		})
		.where('id', '=', unitId)
		.execute();
}

export const unitSettingsSchema = z.object({
	canPublish: z.boolean().optional(),
	mayAlert: z.boolean().optional(),
	officePublishes: z.boolean().optional()
});

/** Publishing on/off, urgent alerts on/off, and whether the office's staff may publish as the unit. */
export async function setUnitSettings(ctx: Ctx, actor: Actor | null, unitId: string, input: unknown): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, false);
	const data = parseInput(unitSettingsSchema, input);
	if (data.officePublishes && unit.type === 'office')
		throw new AppError(
			'validation',
			'Urząd publikuje we własnym imieniu — tę opcję włącza się przy innych jednostkach.'
		);
	await ctx.db
		.updateTable('units')
		.set({
			...(data.canPublish === undefined ? {} : { can_publish: data.canPublish }),
			...(data.mayAlert === undefined ? {} : { may_alert: data.mayAlert }),
			...(data.officePublishes === undefined ? {} : { office_publishes: data.officePublishes })
		})
		.where('id', '=', unitId)
		.execute();
}

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
	const by = await assertManages(ctx, actor, unit, true);
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
			subject: `Zaproszenie do publikowania jako „${unit.name}”`,
			text: `Dzień dobry,\n\n${by.displayName} zaprasza Cię do zespołu „${unit.name}” (${data.role === 'unitAdmin' ? 'administrator jednostki' : 'redaktor'}) w Tablicy. Posty jednostki ukazują się w grupie mieszkańców od razu, bez akceptacji administratora.\n\nPrzyjmij zaproszenie (link ważny ${INVITATION_DAYS} dni): ${ctx.baseUrl}/zaproszenie/${token}\n\nJeśli nie spodziewasz się tej wiadomości, zignoruj ją.\n\nZespół Tablicy`
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

/** Takes a person off the unit's staff; their next request no longer publishes as the unit. */
export async function removeStaff(ctx: Ctx, actor: Actor | null, unitId: string, userId: string): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
	parseInput(id('osoby'), userId);
	const r = await ctx.db
		.deleteFrom('unit_members')
		.where('unit_id', '=', unitId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!r.numDeletedRows) throw notFound('Tej osoby nie ma w zespole jednostki.');
}

export async function revokeInvitation(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	invitationId: string
): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
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

/**
 * A token for the unit's own systems (a school website, the BIP). It belongs to the unit's
 * service account, not to a person, so it survives staff changes; its posts are the unit's.
 */
export async function createUnitToken(ctx: Ctx, actor: Actor | null, unitId: string, name: string): Promise<string> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
	const serviceUserId = await ctx.db.transaction().execute(async (tx) => {
		const current = await tx
			.selectFrom('units')
			.select('service_user_id')
			.where('id', '=', unitId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (current.service_user_id) return current.service_user_id;
		const now = ctx.clock.now();
		const user = await tx
			.insertInto('users')
			.values({
				email: `jednostka-${unitId}@api.tablica.invalid`,
				display_name: unit.name,
				password_hash: '!',
				email_verified_at: now,
				is_operator: false,
				created_at: now,
				deleted_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx.insertInto('unit_members').values({ unit_id: unitId, user_id: user.id, role: 'editor' }).execute();
		await tx.updateTable('units').set({ service_user_id: user.id }).where('id', '=', unitId).execute();
		return user.id;
	});
	return createApiToken(ctx, serviceUserId, name.trim() || 'system jednostki');
}

export async function listUnitTokens(ctx: Ctx, actor: Actor | null, unitId: string) {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
	if (!unit.service_user_id) return [];
	return ctx.db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', unit.service_user_id)
		.where('revoked_at', 'is', null)
		.orderBy('id', 'desc')
		.execute();
}

export async function revokeUnitToken(ctx: Ctx, actor: Actor | null, unitId: string, tokenId: string): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, true);
	if (!unit.service_user_id || !isId(tokenId)) throw notFound('Nie ma takiego tokenu.');
	const r = await ctx.db
		.updateTable('api_tokens')
		.set({ revoked_at: ctx.clock.now() })
		.where('id', '=', tokenId)
		.where('user_id', '=', unit.service_user_id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (!r.numUpdatedRows) throw notFound('Nie ma takiego tokenu.');
}

export interface PublicUnit {
	id: string;
	slug: string;
	name: string;
	type: string;
	typeLabel: string;
	verified: boolean;
	/** The unit's posts skip approval right now (active package, unit enabled). */
	publishing: boolean;
}

/** The units of a group's municipality, public: who publishes there and whether at once. */
export async function groupUnits(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	group: { id: string; municipality_code: string }
): Promise<PublicUnit[]> {
	const [units, state] = await Promise.all([
		ctx.db
			.selectFrom('units')
			.select(['id', 'slug', 'name', 'type', 'verified', 'can_publish'])
			.where('municipality_code', '=', group.municipality_code)
			.orderBy('name')
			.execute(),
		packageState(ctx, group.id)
	]);
	return units.map((u) => ({
		id: u.id,
		slug: u.slug,
		name: u.name,
		type: u.type,
		typeLabel: unitTypes[u.type as UnitType] ?? u.type,
		verified: u.verified,
		publishing: !!state?.active && u.can_publish
	}));
}

export interface UnitPostStats {
	id: string;
	groupSlug: string;
	excerpt: string;
	status: string;
	publishedAt: string | null;
	views: number;
	uniqueViewers: number;
	reactions: number;
	comments: number;
	shares: number;
}

/** The publisher's view: the unit's latest posts with their reach. For its staff and the coordinator. */
export async function unitPostStats(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string
): Promise<{ unit: { id: string; name: string }; posts: UnitPostStats[] }> {
	const unit = await unitById(ctx.db, unitId);
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby to zobaczyć.');
	const staff = await ctx.db
		.selectFrom('unit_members')
		.select('user_id')
		.where('unit_id', '=', unitId)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	if (!staff && !(await coordinates(ctx, actor, unit.municipality_code)))
		throw new AppError('forbidden', 'Statystyki postów jednostki widzi jej zespół i koordynator gminy.');
	const rows = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.select([
			'p.id',
			'g.slug',
			'p.body',
			'p.status',
			'p.published_at',
			'p.view_count',
			'p.unique_viewer_count',
			'p.reaction_count',
			'p.comment_count',
			'p.share_count'
		])
		.where('p.unit_id', '=', unitId)
		.where('p.status', 'not in', ['deleted', 'removed'])
		.orderBy('p.created_at', 'desc')
		.limit(50)
		.execute();
	return {
		unit: { id: unit.id, name: unit.name },
		posts: rows.map((r) => ({
			id: r.id,
			groupSlug: r.slug,
			excerpt: r.body.slice(0, 120),
			status: r.status,
			publishedAt: r.published_at?.toISOString() ?? null,
			views: r.view_count,
			uniqueViewers: r.unique_viewer_count,
			reactions: r.reaction_count,
			comments: r.comment_count,
			shares: r.share_count
		}))
	};
}

/** Refuses someone who may not change the unit's logo: checked before the uploaded image is decoded. */
export async function assertMayChangeLogo(ctx: Ctx, actor: Actor | null, unitId: string): Promise<void> {
	await assertManages(ctx, actor, await unitById(ctx.db, unitId), false);
}

/** The unit's logo (a stored image file); returns the file it replaces, for removal. */
export async function setUnitLogo(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	fileName: string | null
): Promise<string | null> {
	const unit = await unitById(ctx.db, unitId);
	await assertManages(ctx, actor, unit, false);
	await ctx.db.updateTable('units').set({ logo_file: fileName }).where('id', '=', unitId).execute();
	return unit.logo_file;
}
