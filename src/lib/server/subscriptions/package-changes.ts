import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { PackageCode } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertCoordinator } from '../access/office';
import { addDays, periodContaining, warsawDay } from '../../dates';
import { availableTo, EXTENDED_PACKAGES_FROM, packageLabels, priceFor } from './prices';
import { liveSubscription, packageSchedule, stateOf, type PackageState } from './subscriptions';

const changeSchema = z.object({
	package: z.enum(['pakiet1', 'pakiet2', 'pakiet3'], { error: 'Wybierz pakiet.' })
});

async function groupMunicipality(ctx: Ctx, groupId: string): Promise<string> {
	const group = await ctx.db
		.selectFrom('groups')
		.select('municipality_code')
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw notFound('Nie ma takiej grupy.');
	return group.municipality_code;
}

/** The first day of the subscription's period after the one containing `today` (its start before it begins). */
export function nextPeriodStart(startsOn: string, today: string): string {
	if (today < startsOn) return startsOn;
	return addDays(periodContaining(startsOn, today).end, 1);
}

/**
 * A change of package (up or down), asked for by the coordinator or the operator: it takes effect
 * at the start of the next billing period as a new `subscription_packages` row and replaces a change
 * asked for earlier. Pakiet 2 and 3 only when they may be ordered on that day (the price list's
 * `orderable` rule, or the customer's own terms for them).
 */
export async function requestPackageChange(
	ctx: Ctx,
	actor: Actor | null,
	groupId: string,
	input: unknown
): Promise<{ package: PackageCode; from: string }> {
	const code = await groupMunicipality(ctx, groupId);
	const who = await assertCoordinator(ctx, actor, code);
	const { package: pkg } = parseInput(changeSchema, input);
	const today = warsawDay(ctx.clock.now());
	return ctx.db.transaction().execute(async (tx) => {
		const s = await liveSubscription(tx, groupId);
		if (!s || stateOf(s, today).status === 'ended')
			throw new AppError('conflict', 'Ta grupa nie ma aktywnego pakietu.');
		await tx.selectFrom('subscriptions').select('id').where('id', '=', s.id).forUpdate().executeTakeFirst();
		// Before the start the contract's package stands; a change follows a running period.
		if (today < s.starts_on)
			throw new AppError('conflict', `Pakiet zacznie działać ${s.starts_on}; zmianę zamówisz od tego dnia.`);
		const from = nextPeriodStart(s.starts_on, today);
		if (s.cancel_at && s.cancel_at < from)
			throw new AppError(
				'conflict',
				`Pakiet jest wypowiedziany i działa do ${s.cancel_at}; zmiana nie wejdzie w życie.`
			);
		const before = await packageSchedule(tx, s.id, s.starts_on, addDays(from, -1));
		if (before.package === pkg)
			throw new AppError(
				'conflict',
				before.pendingChange
					? `${packageLabels[pkg]} obowiązuje do końca okresu; aby go zachować, wycofaj zamówioną zmianę.`
					: `${packageLabels[pkg]} już obowiązuje.`
			);
		if (!(await availableTo(tx, s.customer_id, pkg, s.plan, from)))
			throw new AppError(
				'conflict',
				pkg !== 'pakiet1' && from < EXTENDED_PACKAGES_FROM
					? `${packageLabels[pkg]} można zamówić od 1 stycznia 2027 roku; zmiana weszłaby w życie ${from}.`
					: `${packageLabels[pkg]} nie ma ceny w cenniku na dzień ${from}.`
			);
		await tx
			.deleteFrom('subscription_packages')
			.where('subscription_id', '=', s.id)
			.where('valid_from', '>', today)
			.where('valid_from', '>', s.starts_on)
			.execute();
		await tx
			.insertInto('subscription_packages')
			.values({ subscription_id: s.id, valid_from: from, package: pkg, requested_by: who.id })
			.execute();
		return { package: pkg, from };
	});
}

/** Withdraws a change that has not taken effect yet. */
export async function withdrawPackageChange(ctx: Ctx, actor: Actor | null, groupId: string): Promise<PackageState> {
	const code = await groupMunicipality(ctx, groupId);
	await assertCoordinator(ctx, actor, code);
	const today = warsawDay(ctx.clock.now());
	return ctx.db.transaction().execute(async (tx) => {
		const s = await liveSubscription(tx, groupId);
		if (!s) throw new AppError('conflict', 'Ta grupa nie ma aktywnego pakietu.');
		const removed = await tx
			.deleteFrom('subscription_packages')
			.where('subscription_id', '=', s.id)
			.where('valid_from', '>', today)
			.where('valid_from', '>', s.starts_on)
			.executeTakeFirst();
		if (Number(removed.numDeletedRows) === 0)
			throw new AppError('conflict', 'Nie ma zmiany pakietu do wycofania (mogła już wejść w życie).');
		return { ...stateOf(s, today), ...(await packageSchedule(tx, s.id, s.starts_on, today)) };
	});
}

/**
 * What the group's package may change to, from the start of its next period (for the office panel):
 * the packages other than the one in force then that pass the same rule as a request, with the price.
 * Empty without a running subscription or when it ends before then.
 */
export async function changeOptions(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	groupId: string
): Promise<{ from: string; options: { package: PackageCode; label: string; gross: number }[] } | null> {
	const today = warsawDay(ctx.clock.now());
	const s = await liveSubscription(ctx.db, groupId);
	if (!s || stateOf(s, today).status !== 'active' || today < s.starts_on) return null;
	const from = nextPeriodStart(s.starts_on, today);
	const before = await packageSchedule(ctx.db, s.id, s.starts_on, addDays(from, -1));
	const options = [];
	for (const pkg of ['pakiet1', 'pakiet2', 'pakiet3'] as const) {
		if (pkg === before.package || !(await availableTo(ctx.db, s.customer_id, pkg, s.plan, from))) continue;
		const price = await priceFor(ctx.db, s.customer_id, s.plan, from, pkg);
		options.push({ package: pkg, label: packageLabels[pkg], gross: price.gross });
	}
	return { from, options };
}
