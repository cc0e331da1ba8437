import type { Ctx } from '../core/context';
import type { PackageCode, Subscription } from '../db/schema';
import { warsawDay } from '../../dates';

/**
 * Does the subscription count on this Warsaw day (started, not ended, a cancelled one not past its
 * last day)? While it does, the group's units publish without approval.
 */
export function subscriptionActive(
	s: Pick<Subscription, 'status' | 'starts_on' | 'cancel_at'>,
	today: string
): boolean {
	if (s.status === 'ended' || (s.cancel_at && today > s.cancel_at)) return false;
	return s.starts_on <= today;
}

/** Is the group's package active today? */
export async function packageActive(ctx: Pick<Ctx, 'db' | 'clock'>, groupId: string): Promise<boolean> {
	return (await activePackage(ctx, groupId)) !== null;
}

/**
 * The package the group's subscription gives on this Warsaw day, or null without an active one:
 * the newest `subscription_packages` row not after the day (Pakiet 1 when it has none). Features of
 * Pakiet 2 and 3 are gated by this at the moment of use.
 */
export async function activePackage(ctx: Pick<Ctx, 'db' | 'clock'>, groupId: string): Promise<PackageCode | null> {
	const today = warsawDay(ctx.clock.now());
	const s = await ctx.db
		.selectFrom('subscriptions as s')
		.select(['s.status', 's.starts_on', 's.cancel_at'])
		.select((eb) =>
			eb
				.selectFrom('subscription_packages as p')
				.select('p.package')
				.whereRef('p.subscription_id', '=', 's.id')
				.where('p.valid_from', '<=', today)
				.orderBy('p.valid_from', 'desc')
				.limit(1)
				.as('package')
		)
		.where('s.group_id', '=', groupId)
		.where('s.status', '!=', 'ended')
		.executeTakeFirst();
	if (!s || !subscriptionActive(s, today)) return null;
	return s.package ?? 'pakiet1';
}

const packageRank: Record<PackageCode, number> = { pakiet1: 1, pakiet2: 2, pakiet3: 3 };

/** Does the group's package in force today include `pkg` (Pakiet 3 includes 2, which includes 1)? */
export async function packageIncludes(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	groupId: string,
	pkg: PackageCode
): Promise<boolean> {
	const active = await activePackage(ctx, groupId);
	return active !== null && packageRank[active] >= packageRank[pkg];
}
