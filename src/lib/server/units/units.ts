import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Unit } from '../db/schema';
import { emailSchema, parseInput, isId, idSchema } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { unitTypeIds, unitTypes, type UnitType } from '../groups/unit-types';
import { assertCoordinator, coordinates, assertUnitManager, assertUnitStaff, managesUnit } from '../access/office';
import { foldText } from '../text/fold';
import { packageActive } from '../access/package-state';
import { unitPlaceChoices, type GroupPlaceChoices } from '../places/unit-place';

/** Unit types that may send urgent alerts unless the coordinator decides otherwise. */
export const ALERTING_TYPES: UnitType[] = ['office', 'mayor', 'fireBrigade', 'utility', 'socialHelp'];

export const id = (what: string) => idSchema(`Nie ma takiej ${what}.`);

/** What the unit says about itself: its description and contacts (its admin or the coordinator). */
export const unitProfileSchema = z.object({
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

/** The whole unit: its name and kind (what residents trust, the coordinator's) and its profile. */
export const unitSchema = z.object({
	name: z
		.string({ error: 'Podaj nazwę jednostki.' })
		.trim()
		.min(3, 'Nazwa jednostki musi mieć co najmniej 3 znaki.')
		.max(160, 'Nazwa może mieć najwyżej 160 znaków.'),
	type: z.enum(unitTypeIds, { error: 'Wybierz rodzaj jednostki z listy.' }),
	...unitProfileSchema.shape
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
	/** Named in an order whose contract waits to be signed (its number): publishes once it is. */
	awaitingContract: string | null;
	mayAlert: boolean;
	officePublishes: boolean;
	logoUrl: string | null;
	/** The place the unit speaks for (the default place of its posts), if any. */
	placeId: string | null;
	staff: { userId: string; name: string; email: string; role: 'editor' | 'unitAdmin' }[];
	invitations: { id: string; email: string; role: string; expiresAt: string }[];
}

export async function unitById(db: Db, unitId: string): Promise<Unit> {
	if (!isId(unitId)) throw notFound('Nie ma takiej jednostki.');
	const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
	if (!unit) throw notFound('Nie ma takiej jednostki.');
	return unit;
}

/** Units' profiles, switches and logos are the coordinator's (or the operator's). */
const assertManagesUnits = (ctx: Ctx, actor: Actor | null, unit: Unit) =>
	assertCoordinator(ctx, actor, unit.municipality_code, 'Jednostkami gminy zarządza koordynator gminy.');

/** Every unit of a municipality with its staff and open invitations (coordinator's panel). */
export async function listUnits(ctx: Ctx, actor: Actor | null, municipalityCode: string): Promise<UnitView[]> {
	await assertCoordinator(ctx, actor, municipalityCode);
	return unitViews(ctx, municipalityCode);
}

/**
 * One unit for the people who manage it: the coordinator or the unit's admin; with the places of
 * the municipality's groups it may speak for (the coordinator picks one).
 */
export async function getUnitForManager(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string
): Promise<UnitView & { coordinator: boolean; placeChoices: GroupPlaceChoices[] }> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit);
	const [[view], coordinator, placeChoices] = await Promise.all([
		unitViews(ctx, unit.municipality_code, unitId),
		coordinates(ctx, actor, unit.municipality_code),
		unitPlaceChoices(ctx.db, unit.municipality_code)
	]);
	return { ...view, coordinator, placeChoices };
}

/**
 * One unit for anyone on its staff (and the coordinator, the operator): its profile and staff;
 * the staff's e-mail addresses and the open invitations only for those who manage it.
 */
export async function getUnitForStaff(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	refusal?: string
): Promise<UnitView & { manages: boolean; coordinator: boolean }> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitStaff(ctx, actor, unit, refusal);
	const [[view], manages, coordinator] = await Promise.all([
		unitViews(ctx, unit.municipality_code, unitId),
		managesUnit(ctx, actor, unit),
		coordinates(ctx, actor, unit.municipality_code)
	]);
	// Colleagues' addresses and open invitations are for who manages the unit.
	return {
		...view,
		staff: manages ? view.staff : view.staff.map((s) => ({ ...s, email: '' })),
		invitations: manages ? view.invitations : [],
		manages,
		coordinator
	};
}

async function unitViews(ctx: Ctx, municipalityCode: string, onlyUnitId?: string): Promise<UnitView[]> {
	const now = ctx.clock.now();
	let unitsQ = ctx.db
		.selectFrom('units')
		.leftJoin('contracts as c', (j) =>
			j.onRef('c.id', '=', 'units.awaiting_contract_id').on('c.status', '=', 'ordered')
		)
		.selectAll('units')
		.select('c.number as awaiting_contract')
		.where('units.municipality_code', '=', municipalityCode)
		.orderBy('units.name');
	if (onlyUnitId) unitsQ = unitsQ.where('units.id', '=', onlyUnitId);
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
		awaitingContract: u.awaiting_contract,
		mayAlert: u.may_alert,
		officePublishes: u.office_publishes,
		logoUrl: u.logo_file ? `/media/${u.logo_file}` : null,
		placeId: u.place_id,
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

/** A free slug for a new unit of the municipality ("osp-wiskitki", then "osp-wiskitki-2"). */
async function freeSlug(db: Db, municipalityCode: string, name: string): Promise<string> {
	const base = slugFor(name);
	const taken = new Set(
		(
			await db
				.selectFrom('units')
				.select('slug')
				.where('municipality_code', '=', municipalityCode)
				.where('slug', 'like', `${base}%`)
				.execute()
		).map((r) => r.slug)
	);
	let slug = base;
	for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
	return slug;
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
	const row = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: municipalityCode,
			slug: await freeSlug(ctx.db, municipalityCode, data.name),
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

/** Words in a unit's name that tell its kind; the first match wins, else an organisation. */
const typeHints: [RegExp, UnitType][] = [
	[/\b(urzad|urzedu)\b/, 'office'],
	[/\b(wojt|burmistrz|prezydent)/, 'mayor'],
	[/\brad[ay] (gminy|miejsk|miasta)/, 'council'],
	[/\bradn[ya]/, 'councillor'],
	[/\bsoltys/, 'villageHead'],
	[/\bsolectw/, 'villageDistrict'],
	[/\bszkol\w* podstawow|\bsp\b|\bzespol szkol/, 'primarySchool'],
	[/\b(liceum|technikum|szkol)/, 'secondarySchool'],
	[/\bprzedszkol/, 'kindergarten'],
	[/\bzlob/, 'nursery'],
	[/\bbibliotek/, 'library'],
	[/\b(osrodek|centrum|dom) kultury|\b[gm]?ok\b|\bgck\b/, 'cultureCentre'],
	[/\b(muzeum|izba)/, 'museum'],
	[/\bosrodek sportu|\bosir\b|\bgosir\b|\bmosir\b/, 'sportsCentre'],
	[/\bcentrum sportu/, 'sportCentre'],
	[/\b(klub|lks|uks|mks|gks)\b|\bklub sport/, 'sportsClub'],
	[/\b(osp|straz)/, 'fireBrigade'],
	[/\b(centrum uslug spolecznych|cus)\b/, 'socialServices'],
	[/\b(pomocy spolecznej|[gm]?ops)\b/, 'socialHelp'],
	[/\bosrodek zdrowia|\bspzoz\b|\bgoz\b/, 'healthCentre'],
	[/\b(przychodni|zdrow)/, 'otherHealthcare'],
	[/\b(centrum uslug wspolnych|cuw)\b/, 'sharedServices'],
	[/\b(zaklad gospodarki komunalnej|zgk|zgkim|zuk)\b/, 'utility'],
	[/\bsp\. z o\.o\.|\bspolka\b/, 'municipalCompany']
];

/** The likely kind of a unit from its name ("OSP Guzów" → fireBrigade); the coordinator may change it. */
export function guessUnitType(name: string): UnitType {
	const folded = foldText(name);
	return typeHints.find(([re]) => re.test(folded))?.[1] ?? 'organisation';
}

/**
 * The units named in an order, created in the order's transaction, not publishing until the
 * contract is signed (`enableOrderedUnits`). A name the municipality already has (ignoring case
 * and diacritics) is not created again. Returns the ids of the units created.
 */
export async function createOrderedUnits(
	tx: Db,
	now: Date,
	municipalityCode: string,
	names: string[],
	contractId: string
): Promise<string[]> {
	const existing = new Set(
		(await tx.selectFrom('units').select('name').where('municipality_code', '=', municipalityCode).execute()).map((u) =>
			foldText(u.name)
		)
	);
	const created: string[] = [];
	for (const name of names) {
		const key = foldText(name);
		if (existing.has(key)) continue;
		existing.add(key);
		const type = guessUnitType(name);
		const row = await tx
			.insertInto('units')
			.values({
				municipality_code: municipalityCode,
				slug: await freeSlug(tx, municipalityCode, name),
				name,
				type,
				can_publish: false,
				may_alert: ALERTING_TYPES.includes(type),
				awaiting_contract_id: contractId,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		created.push(row.id);
	}
	return created;
}

/** Signing the contract turns on the units its order created. */
export async function enableOrderedUnits(tx: Db, contractId: string): Promise<void> {
	await tx
		.updateTable('units')
		.set({ can_publish: true, awaiting_contract_id: null })
		.where('awaiting_contract_id', '=', contractId)
		.execute();
}

/** The profile's fields as the `units` table stores them. */
const profileColumns = (p: z.infer<typeof unitProfileSchema>) => ({
	description: p.description,
	contact_email: p.contactEmail,
	contact_phone: p.contactPhone,
	website: p.website
});

export async function updateUnit(ctx: Ctx, actor: Actor | null, unitId: string, input: unknown): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManagesUnits(ctx, actor, unit);
	const data = parseInput(unitSchema, input);
	await ctx.db
		.updateTable('units')
		.set({ name: data.name, type: data.type, ...profileColumns(data) })
		.where('id', '=', unitId)
		.execute();
}

/**
 * The unit's profile — description, e-mail, phone, website — changed by whoever manages the unit:
 * its admin, the municipality's coordinator, the operator. Its name, kind, logo and place stay the
 * coordinator's (`updateUnit`): they are what residents recognise an official unit by.
 */
export async function updateUnitProfile(ctx: Ctx, actor: Actor | null, unitId: string, input: unknown): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit, 'Profil jednostki zmienia jej administrator albo koordynator gminy.');
	const data = parseInput(unitProfileSchema, input);
	await ctx.db.updateTable('units').set(profileColumns(data)).where('id', '=', unitId).execute();
}

export const unitSettingsSchema = z.object({
	canPublish: z.boolean().optional(),
	mayAlert: z.boolean().optional(),
	officePublishes: z.boolean().optional()
});

/** Publishing on/off, urgent alerts on/off, and whether the office's staff may publish as the unit. */
export async function setUnitSettings(ctx: Ctx, actor: Actor | null, unitId: string, input: unknown): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertManagesUnits(ctx, actor, unit);
	const data = parseInput(unitSettingsSchema, input);
	if (data.canPublish && unit.awaiting_contract_id) {
		const contract = await ctx.db
			.selectFrom('contracts')
			.select('number')
			.where('id', '=', unit.awaiting_contract_id)
			.where('status', '=', 'ordered')
			.executeTakeFirst();
		if (contract)
			throw new AppError(
				'conflict',
				`Jednostka zacznie publikować bez akceptacji po podpisaniu umowy ${contract.number}.`
			);
	}
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

export interface PublicUnit {
	id: string;
	slug: string;
	name: string;
	type: UnitType;
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
	const [units, active] = await Promise.all([
		ctx.db
			.selectFrom('units')
			.select(['id', 'slug', 'name', 'type', 'verified', 'can_publish'])
			.where('municipality_code', '=', group.municipality_code)
			.orderBy('name')
			.execute(),
		packageActive(ctx, group.id)
	]);
	return units.map((u) => ({
		id: u.id,
		slug: u.slug,
		name: u.name,
		type: u.type as UnitType,
		typeLabel: unitTypes[u.type as UnitType] ?? u.type,
		verified: u.verified,
		publishing: active && u.can_publish
	}));
}

/** Refuses someone who may not change the unit's logo: checked before the uploaded image is decoded. */
export async function assertMayChangeLogo(ctx: Ctx, actor: Actor | null, unitId: string): Promise<void> {
	await assertManagesUnits(ctx, actor, await unitById(ctx.db, unitId));
}

/** The unit's logo (a stored image file); returns the file it replaces, for removal. */
export async function setUnitLogo(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	fileName: string | null
): Promise<string | null> {
	const unit = await unitById(ctx.db, unitId);
	await assertManagesUnits(ctx, actor, unit);
	await ctx.db.updateTable('units').set({ logo_file: fileName }).where('id', '=', unitId).execute();
	return unit.logo_file;
}
