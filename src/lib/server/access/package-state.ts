import type { Ctx } from '../core/context';
import type { Subscription } from '../db/schema';
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
	const s = await ctx.db
		.selectFrom('subscriptions')
		.select(['status', 'starts_on', 'cancel_at'])
		.where('group_id', '=', groupId)
		.where('status', '!=', 'ended')
		.executeTakeFirst();
	return s !== undefined && subscriptionActive(s, warsawDay(ctx.clock.now()));
}
