import type { Actor, Ctx } from '../core/context';
import type { Unit } from '../db/schema';
import { AppError, unauthenticated } from '../core/errors';
import { assertSignedIn } from './actor';

type UnitRef = Pick<Unit, 'id' | 'municipality_code'>;

/** Is the actor a coordinator of this municipality (or the operator)? */
export async function coordinates(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	municipalityCode: string
): Promise<boolean> {
	if (!actor) return false;
	if (actor.isOperator) return true;
	return !!(await ctx.db
		.selectFrom('coordinators')
		.select('user_id')
		.where('municipality_code', '=', municipalityCode)
		.where('user_id', '=', actor.id)
		.executeTakeFirst());
}

/** A coordinator of the municipality or the operator. */
export async function assertCoordinator(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	municipalityCode: string,
	refusal = 'To może zrobić koordynator gminy albo operator.'
): Promise<Actor> {
	assertSignedIn(actor);
	if (!(await coordinates(ctx, actor, municipalityCode))) throw new AppError('forbidden', refusal);
	return actor;
}

/** Does the actor manage the unit (its unit admin, the municipality's coordinator, the operator)? For choosing what to show. */
export async function managesUnit(ctx: Pick<Ctx, 'db'>, actor: Actor | null, unit: UnitRef): Promise<boolean> {
	if (!actor) return false;
	if (await coordinates(ctx, actor, unit.municipality_code)) return true;
	return !!(await ctx.db
		.selectFrom('unit_members')
		.select('role')
		.where('unit_id', '=', unit.id)
		.where('user_id', '=', actor.id)
		.where('role', '=', 'unitAdmin')
		.executeTakeFirst());
}

/** Manages the unit's staff, invitations and tokens: its unit admin, the municipality's coordinator, the operator. */
export async function assertUnitManager(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	unit: UnitRef,
	refusal = 'Zespołem jednostki zarządza jej administrator albo koordynator gminy.'
): Promise<Actor> {
	assertSignedIn(actor);
	if (await managesUnit(ctx, actor, unit)) return actor;
	throw new AppError('forbidden', refusal);
}

/** Is the actor on the unit's staff (editor or unit admin), the municipality's coordinator or the operator? */
export async function isUnitStaff(ctx: Pick<Ctx, 'db'>, actor: Actor | null, unit: UnitRef): Promise<boolean> {
	if (!actor) return false;
	const staff = await ctx.db
		.selectFrom('unit_members')
		.select('user_id')
		.where('unit_id', '=', unit.id)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	return !!staff || (await coordinates(ctx, actor, unit.municipality_code));
}

/** Anyone on the unit's staff (editor or unit admin), the municipality's coordinator, the operator. */
export async function assertUnitStaff(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	unit: UnitRef,
	refusal = 'To może zrobić zespół jednostki albo koordynator gminy.'
): Promise<Actor> {
	assertSignedIn(actor);
	if (!(await isUnitStaff(ctx, actor, unit))) throw new AppError('forbidden', refusal);
	return actor;
}

/**
 * May hold personal API tokens: the operator, a municipality's coordinator and a unit's staff —
 * the people whose systems (a school's website, the BIP) publish or read through the API.
 */
export async function mayHoldApiTokens(ctx: Pick<Ctx, 'db'>, actor: Actor | null): Promise<boolean> {
	if (!actor) return false;
	if (actor.isOperator) return true;
	const [staff, coordinator] = await Promise.all([
		ctx.db.selectFrom('unit_members').select('user_id').where('user_id', '=', actor.id).executeTakeFirst(),
		ctx.db.selectFrom('coordinators').select('user_id').where('user_id', '=', actor.id).executeTakeFirst()
	]);
	return !!(staff || coordinator);
}

/**
 * The municipalities whose office panel the actor may open: those they coordinate; for the
 * operator, every municipality with a customer account. Refused when there is none.
 */
export async function listCoordinatedMunicipalities(ctx: Pick<Ctx, 'db'>, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	let q = ctx.db.selectFrom('municipalities as m').select(['m.teryt_code', 'm.name']).orderBy('m.name');
	q = actor.isOperator
		? q.where((eb) =>
				eb.exists(eb.selectFrom('customers').select('id').whereRef('customers.municipality_code', '=', 'm.teryt_code'))
			)
		: q.where((eb) =>
				eb.exists(
					eb
						.selectFrom('coordinators')
						.select('user_id')
						.whereRef('coordinators.municipality_code', '=', 'm.teryt_code')
						.where('coordinators.user_id', '=', actor.id)
				)
			);
	const municipalities = await q.execute();
	if (municipalities.length === 0)
		throw new AppError(
			'forbidden',
			actor.isOperator
				? 'Żadna gmina nie ma jeszcze konta klienta — załóż je w ustawieniach grupy.'
				: 'Panel urzędu jest dla koordynatorów gminy.'
		);
	return municipalities;
}
