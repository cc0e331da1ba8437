import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import { addDays, addMonths, warsawDay } from '../../dates';

/** Raw views (`post_views`) are kept for this many Warsaw days before today; aggregates for ever. */
export const RAW_VIEW_DAYS = 35;
/** Daily partitions are made this many days ahead. */
export const PARTITIONS_AHEAD = 7;

const PREFIX = 'post_views_p';
const partitionOf = (day: string) => `${PREFIX}${day.replaceAll('-', '')}`;
const dayOf = (name: string) => `${name.slice(12, 16)}-${name.slice(16, 18)}-${name.slice(18, 20)}`;

/** The daily partitions of `post_views` that exist, by day. */
export async function viewPartitions(db: Db): Promise<string[]> {
	const r = await sql<{ name: string }>`
		select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
		where i.inhparent = 'post_views'::regclass and c.relname ~ ${`^${PREFIX}[0-9]{8}$`} order by 1`.execute(db);
	return r.rows.map((row) => dayOf(row.name));
}

/** The first day whose raw views are all still there; null when none were ever dropped. */
export async function rawViewsKeptFrom(db: Db): Promise<string | null> {
	const r = await sql<{ kept_from: string | null }>`select kept_from::text from view_retention`.execute(db);
	return r.rows[0]?.kept_from ?? null;
}

/**
 * The first month whose raw views are complete (its unique viewers can be counted again); null:
 * every month.
 */
export function firstCompleteMonth(keptFrom: string | null): string | null {
	if (!keptFrom) return null;
	const first = `${keptFrom.slice(0, 8)}01`;
	return first === keptFrom ? first : addMonths(first, 1);
}

// Each change takes this lock first, so instances running the job at once do it once.
const serialize = (tx: Db) => sql`select pg_advisory_xact_lock(hashtext('tablica:view-partitions'))`.execute(tx);
const exists = async (tx: Db, table: string) =>
	!!(await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(tx)).rows[0].t;

/**
 * Keeps `post_views` in daily partitions: makes them from today to `PARTITIONS_AHEAD` days ahead
 * (moving that day's rows out of the default partition, where views of a day without a partition
 * land), and drops those older than `RAW_VIEW_DAYS`, first copying the rows of promoted posts to
 * `promoted_post_views` (the reach report needs them); empties the groups' viewer sets of days and
 * months that get no more views (their counts stay). Run by the `stats-refresh` job (hourly per
 * process) — views per post and day (`post_daily_views`), unique viewers per post (`post_viewers`)
 * and the daily and monthly figures stay.
 */
export async function maintainViewPartitions(
	db: Db,
	clock: Clock
): Promise<{ created: string[]; dropped: string[]; trimmed: number; viewerSetsTrimmed: number }> {
	const today = warsawDay(clock.now());
	const keepFrom = addDays(today, -RAW_VIEW_DAYS);
	const have = new Set(await viewPartitions(db));
	const created: string[] = [];
	const dropped: string[] = [];
	// What is dropped below is gone: say so first, so statistics never count it as complete.
	await sql`update view_retention set kept_from = greatest(kept_from, ${keepFrom}::date)`.execute(db);
	for (let i = 0; i <= PARTITIONS_AHEAD; i++) {
		const day = addDays(today, i);
		if (have.has(day)) continue;
		const made = await db.transaction().execute(async (tx) => {
			await sql`set local lock_timeout = '10s'`.execute(tx);
			await serialize(tx);
			const table = sql.table(partitionOf(day));
			if (await exists(tx, partitionOf(day))) return false;
			// The default's rows of that day move into the new table; no view of that day lands meanwhile.
			await sql`lock table post_views_default in share row exclusive mode`.execute(tx);
			await sql`create table ${table} (like post_views including defaults including constraints)`.execute(tx);
			await sql`insert into ${table} (post_id, day, viewer_key)
				select post_id, day, viewer_key from post_views_default where day = ${day}::date`.execute(tx);
			await sql`delete from post_views_default where day = ${day}::date`.execute(tx);
			await sql`alter table post_views attach partition ${table}
				for values from (${sql.lit(day)}) to (${sql.lit(addDays(day, 1))})`.execute(tx);
			return true;
		});
		if (made) created.push(day);
	}
	for (const day of have) {
		if (day >= keepFrom) continue;
		const gone = await db.transaction().execute(async (tx) => {
			await sql`set local lock_timeout = '10s'`.execute(tx);
			await serialize(tx);
			if (!(await exists(tx, partitionOf(day)))) return false;
			const table = sql.table(partitionOf(day));
			await sql`insert into promoted_post_views (post_id, day, viewer_key)
				select v.post_id, v.day, v.viewer_key from ${table} v where v.post_id in (select post_id from promotions)
				on conflict do nothing`.execute(tx);
			await sql`drop table ${table}`.execute(tx);
			return true;
		});
		if (gone) dropped.push(day);
	}
	const trimmed = await db.transaction().execute(async (tx) => {
		await serialize(tx);
		await sql`insert into promoted_post_views (post_id, day, viewer_key)
			select v.post_id, v.day, v.viewer_key from post_views_default v
			where v.day < ${keepFrom}::date and v.post_id in (select post_id from promotions)
			on conflict do nothing`.execute(tx);
		const r = await sql`delete from post_views_default where day < ${keepFrom}::date`.execute(tx);
		return Number(r.numAffectedRows ?? 0);
	});
	// Viewer sets of periods that get no more views: days before yesterday, months before yesterday's.
	const yesterday = addDays(today, -1);
	const sets = await sql`delete from group_period_viewers
		where (period = 'd' and starts < ${yesterday}::date) or (period = 'm' and starts < date_trunc('month', ${yesterday}::date))`.execute(
		db
	);
	return { created, dropped, trimmed, viewerSetsTrimmed: Number(sets.numAffectedRows ?? 0) };
}
