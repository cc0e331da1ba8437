import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { PackageCode, Plan, Subscription, SubscriptionStatus } from '../db/schema';
import { parseInput } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { assertOperator } from '../access/actor';
import { warsawDay, addDays, addMonths, periodContaining } from '../../dates';
import { assertCoordinator } from '../access/office';
import { subscriptionActive } from '../access/package-state';

export const planLabels: Record<Plan, string> = {
	monthly: 'miesięczny, bez zobowiązania',
	commitment: 'z zobowiązaniem na co najmniej 6 miesięcy'
};

export const statusLabels: Record<SubscriptionStatus, string> = {
	active: 'aktywny',
	cancelling: 'wypowiedziany — działa do końca okresu',
	ended: 'zakończony'
};

export const startSchema = z
	.object({
		plan: z.enum(['monthly', 'commitment'], { error: 'Wybierz wariant pakietu.' }),
		commitmentMonths: z.coerce
			.number()
			.int('Podaj pełną liczbę miesięcy.')
			.min(6, 'Zobowiązanie trwa co najmniej 6 miesięcy.')
			.max(60, 'Najwyżej 60 miesięcy.')
			.nullish(),
		startsOn: z.iso.date('Podaj datę rozpoczęcia w formacie RRRR-MM-DD.')
	})
	.refine((v) => v.plan !== 'commitment' || v.commitmentMonths, {
		message: 'Podaj, na ile miesięcy (co najmniej 6).',
		path: ['commitmentMonths']
	});

export interface PackageState {
	id: string;
	plan: Plan;
	planLabel: string;
	status: SubscriptionStatus;
	statusLabel: string;
	startsOn: string;
	period: { start: string; end: string } | null;
	commitmentEndsOn: string | null;
	cancelAt: string | null;
	/** Units' posts skip approval today. */
	active: boolean;
	/** The package in force today (before the start: the first one). */
	package: PackageCode;
	/** A change asked for, from the start of a later period, until then withdrawable. */
	pendingChange: { package: PackageCode; from: string } | null;
}

/** A subscription as of a Warsaw day: a cancelled one ends after its last day. */
export function stateOf(s: Subscription, today: string): PackageState {
	let status = s.status;
	if (status !== 'ended' && s.cancel_at && today > s.cancel_at) status = 'ended';
	const started = s.starts_on <= today;
	const period = status === 'ended' || !started ? null : periodContaining(s.starts_on, today);
	return {
		id: s.id,
		plan: s.plan,
		planLabel: planLabels[s.plan],
		status,
		statusLabel: !started && status !== 'ended' ? `rozpocznie się ${s.starts_on}` : statusLabels[status],
		startsOn: s.starts_on,
		period: period && { start: period.start, end: period.end },
		commitmentEndsOn: s.commitment_ends_on,
		cancelAt: s.cancel_at,
		active: subscriptionActive(s, today),
		package: 'pakiet1',
		pendingChange: null
	};
}

export async function liveSubscription(db: Db, groupId: string): Promise<Subscription | undefined> {
	return db
		.selectFrom('subscriptions')
		.selectAll()
		.where('group_id', '=', groupId)
		.where('status', '!=', 'ended')
		.executeTakeFirst();
}

/** The group's package today, or null when it has none. */
export async function packageState(ctx: Pick<Ctx, 'db' | 'clock'>, groupId: string): Promise<PackageState | null> {
	const s = await liveSubscription(ctx.db, groupId);
	if (!s) return null;
	const today = warsawDay(ctx.clock.now());
	return { ...stateOf(s, today), ...(await packageSchedule(ctx.db, s.id, s.starts_on, today)) };
}

/**
 * The subscription's package in force on `day` (the newest row not after it; before the start the
 * first one; Pakiet 1 without rows) and the change after it, if one was asked for.
 */
export async function packageSchedule(
	db: Db,
	subscriptionId: string,
	startsOn: string,
	day: string
): Promise<{ package: PackageCode; pendingChange: { package: PackageCode; from: string } | null }> {
	const rows = await db
		.selectFrom('subscription_packages')
		.select(['valid_from', 'package'])
		.where('subscription_id', '=', subscriptionId)
		.orderBy('valid_from')
		.execute();
	const on = day < startsOn ? startsOn : day;
	const current = rows.filter((r) => r.valid_from <= on).at(-1);
	const next = rows.find((r) => r.valid_from > on);
	return {
		package: current?.package ?? 'pakiet1',
		pendingChange: next ? { package: next.package, from: next.valid_from } : null
	};
}

/** After the contract is signed, the operator starts the group's package. */
export async function startSubscription(
	ctx: Ctx,
	actor: Actor | null,
	groupId: string,
	input: unknown
): Promise<string> {
	assertOperator(actor);
	const data = parseInput(startSchema, input);
	return ctx.db.transaction().execute((tx) => insertSubscription(tx, ctx, actor, groupId, data));
}

/** The subscription row, in the caller's transaction (also when a signed contract starts it). */
export async function insertSubscription(
	tx: Db,
	ctx: Pick<Ctx, 'clock'>,
	actor: Actor,
	groupId: string,
	data: z.infer<typeof startSchema>,
	pkg: PackageCode = 'pakiet1'
): Promise<string> {
	const group = await tx
		.selectFrom('groups')
		.select(['id', 'municipality_code'])
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw notFound('Nie ma takiej grupy.');
	const customer = await tx
		.selectFrom('customers')
		.select('id')
		.where('municipality_code', '=', group.municipality_code)
		.executeTakeFirst();
	if (!customer) throw new AppError('conflict', 'Najpierw załóż konto klienta tej gminy (nazwa, NIP, REGON, adres).');
	const current = await liveSubscription(tx, groupId);
	if (current && stateOf(current, warsawDay(ctx.clock.now())).status !== 'ended')
		throw new AppError('conflict', 'Ta grupa ma już pakiet.');
	if (current)
		await tx
			.updateTable('subscriptions')
			.set({ status: 'ended', ended_on: current.cancel_at })
			.where('id', '=', current.id)
			.execute();
	const months = data.plan === 'commitment' ? data.commitmentMonths! : null;
	const row = await tx
		.insertInto('subscriptions')
		.values({
			customer_id: customer.id,
			group_id: groupId,
			plan: data.plan,
			commitment_months: months,
			starts_on: data.startsOn,
			commitment_ends_on: months ? addDays(addMonths(data.startsOn, months), -1) : null,
			status: 'active',
			created_by: actor.id,
			created_at: ctx.clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await tx
		.insertInto('subscription_packages')
		.values({ subscription_id: row.id, valid_from: data.startsOn, package: pkg, requested_by: actor.id })
		.execute();
	return row.id;
}

/**
 * Notice: a monthly package ends with the paid period; one with a commitment not before the
 * commitment ends. The coordinator or the operator gives it.
 */
export async function cancelSubscription(ctx: Ctx, actor: Actor | null, groupId: string): Promise<PackageState> {
	const group = await ctx.db
		.selectFrom('groups')
		.select(['municipality_code'])
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw notFound('Nie ma takiej grupy.');
	await assertCoordinator(ctx, actor, group.municipality_code);
	const today = warsawDay(ctx.clock.now());
	return ctx.db.transaction().execute(async (tx) => {
		const s = await liveSubscription(tx, groupId);
		const state = s && stateOf(s, today);
		if (!s || !state || state.status === 'ended') throw new AppError('conflict', 'Ta grupa nie ma aktywnego pakietu.');
		if (state.status === 'cancelling')
			throw new AppError('conflict', `Pakiet jest już wypowiedziany i działa do ${s.cancel_at}.`);
		const periodEnd = state.period?.end ?? addDays(addMonths(s.starts_on, 1), -1);
		const cancelAt = s.commitment_ends_on && s.commitment_ends_on > periodEnd ? s.commitment_ends_on : periodEnd;
		const updated = await tx
			.updateTable('subscriptions')
			.set({ status: 'cancelling', cancel_at: cancelAt })
			.where('id', '=', s.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		return stateOf(updated, today);
	});
}
