import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import { AppError } from '../core/errors';
import { plural } from '../../format';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * One limit: at most `limit` events of `kind` for `key` in a fixed window of `windowMs`
 * (windows are aligned to the epoch, so every instance counts in the same one).
 */
export interface RateRule {
	kind: string;
	key: string;
	limit: number;
	windowMs: number;
	/** The first sentence of the refusal, e.g. "Zbyt wiele rejestracji z tego adresu IP." */
	message: string;
}

/** "5 minut", "1 godzinę", "30 sekund": how long to wait, rounded up. */
export function waitText(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 60) return `${seconds} ${plural(seconds, 'sekundę', 'sekundy', 'sekund')}`;
	const minutes = Math.ceil(seconds / 60);
	if (minutes < 60) return `${minutes} ${plural(minutes, 'minutę', 'minuty', 'minut')}`;
	const hours = Math.ceil(minutes / 60);
	return `${hours} ${plural(hours, 'godzinę', 'godziny', 'godzin')}`;
}

export const rateLimited = (message: string, waitMs: number) =>
	new AppError('rate_limited', `${message} Spróbuj ponownie za ${waitText(waitMs)}.`);

const windowOf = (rule: RateRule, now: Date) => new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
const keyOf = (rule: RateRule) => `${rule.kind}:${rule.key}`;

/**
 * Counts one event against every rule and refuses (`rate_limited`, with the wait) when any is over
 * its limit. Run it inside the transaction of the action it limits: a refusal rolls the counts
 * back with everything else, and concurrent requests for one key wait for each other's row.
 */
export async function hitLimits(db: Db, clock: Clock, rules: RateRule[]): Promise<void> {
	const now = clock.now();
	for (const rule of rules) {
		const start = windowOf(rule, now);
		const end = new Date(start.getTime() + rule.windowMs);
		const row = await db
			.insertInto('rate_limits')
			.values({ key: keyOf(rule), window_start: start, count: 1, expires_at: end })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
					window_start: (eb) => eb.ref('excluded.window_start'),
					expires_at: (eb) => eb.ref('excluded.expires_at')
				})
			)
			.returning('count')
			.executeTakeFirstOrThrow();
		if (row.count > rule.limit) throw rateLimited(rule.message, end.getTime() - now.getTime());
	}
}

/** Is the rule already at its limit? Counts nothing (for limits on failures, counted apart). */
export async function limitReached(db: Db, clock: Clock, rule: RateRule): Promise<{ waitMs: number } | null> {
	const now = clock.now();
	const start = windowOf(rule, now);
	const row = await db
		.selectFrom('rate_limits')
		.select('count')
		.where('key', '=', keyOf(rule))
		.where('window_start', '=', start)
		.executeTakeFirst();
	return row && row.count >= rule.limit ? { waitMs: start.getTime() + rule.windowMs - now.getTime() } : null;
}

/** Counts one event and says whether it was within the limit, refusing nothing (for notices that may be skipped). */
export async function withinLimit(db: Db, clock: Clock, rule: RateRule): Promise<boolean> {
	try {
		await hitLimits(db, clock, [rule]);
		return true;
	} catch (e) {
		if (e instanceof AppError && e.code === 'rate_limited') return false;
		throw e;
	}
}

/** Removes counters whose window has passed (the hourly clean-up). */
export async function purgeRateLimits(db: Db, clock: Clock): Promise<number> {
	const r = await db.deleteFrom('rate_limits').where('expires_at', '<=', clock.now()).executeTakeFirst();
	return Number(r.numDeletedRows);
}
