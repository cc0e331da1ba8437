import type { Db } from '../db/database';
import type { Outbox } from '../db/schema';
import { parseWarsawLocal, toWarsawLocal, warsawDay, warsawMidnight, addDays } from '../../dates';

/** Pushes a person gets a day (Warsaw), urgent alerts not counted: past it the rest of the day's are skipped. */
export const DAILY_PUSH_CAP = 5;

/** Quiet hours unless the person chose others: 22:00–7:00 Warsaw time. */
export const QUIET_HOURS = { start: 22, end: 7 } as const;

/** `counted`: the push was counted against the day's cap (an urgent alert's is not). */
export type PushVerdict = { send: true; counted?: true } | { deferUntil: Date } | { skip: string };

/** Is `hour` within quiet hours from `start` to `end` (which may run past midnight)? */
export const isQuiet = (hour: number, start: number, end: number) =>
	start === end ? false : start < end ? hour >= start && hour < end : hour >= start || hour < end;

/**
 * One delivery run's count of one person's pushes: those sent earlier that day (read once, before
 * the run sends any of theirs) and those the run let through. Deciding from it without a query in
 * between keeps concurrent workers from counting one push twice or not at all.
 */
export interface PushTally {
	sentBefore?: Promise<number>;
	admitted: number;
}

/**
 * What delivery does with a push now: an urgent alert's goes at once; any other waits while the
 * recipient's quiet hours last (until they end) and is skipped once the day's cap is reached.
 * A push let through is counted in `tally`; if it then fails to go, take it back (`tally.admitted--`).
 */
export async function pushVerdict(
	db: Db,
	now: Date,
	message: Pick<Outbox, 'recipient' | 'alert_post_id'>,
	tally: PushTally = { admitted: 0 }
): Promise<PushVerdict> {
	if (message.alert_post_id) return { send: true };
	const userId = message.recipient.replace(/^user:/, '');
	if (!/^\d+$/.test(userId)) return { send: true };
	const user = await db
		.selectFrom('users')
		.select(['quiet_hours_start', 'quiet_hours_end'])
		.where('id', '=', userId)
		.executeTakeFirst();
	const local = toWarsawLocal(now);
	const hour = Number(local.slice(11, 13));
	if (user && user.quiet_hours_start !== null && user.quiet_hours_end !== null) {
		const { quiet_hours_start: start, quiet_hours_end: end } = user;
		if (isQuiet(hour, start, end)) {
			// The end today if it is still ahead, else tomorrow.
			const day = warsawDay(now);
			const today = parseWarsawLocal(`${day}T${String(end).padStart(2, '0')}:00`)!;
			const until = today > now ? today : parseWarsawLocal(`${addDays(day, 1)}T${String(end).padStart(2, '0')}:00`)!;
			return { deferUntil: until };
		}
	}
	tally.sentBefore ??= pushesSentToday(db, now, message.recipient);
	if ((await tally.sentBefore) + tally.admitted >= DAILY_PUSH_CAP)
		return {
			skip: `Pominięto: ${DAILY_PUSH_CAP} powiadomień push tego dnia to limit na osobę (pilne komunikaty go nie liczą).`
		};
	tally.admitted++;
	return { send: true, counted: true };
}

async function pushesSentToday(db: Db, now: Date, recipient: string): Promise<number> {
	const sent = await db
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('channel', '=', 'push')
		.where('status', '=', 'sent')
		.where('alert_post_id', 'is', null)
		.where('recipient', '=', recipient)
		.where('sent_at', '>=', warsawMidnight(warsawDay(now)))
		.executeTakeFirstOrThrow();
	return Number(sent.n);
}
