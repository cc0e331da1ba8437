import { sql } from 'kysely';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { warsawDay } from '../../text/time';

const TZ = 'Europe/Warsaw';
const dayOf = (column: string) => sql.raw(`((${column}) at time zone '${TZ}')::date`);

/**
 * Computes the figures of every group for each Warsaw day in [from, to] from the source rows and
 * stores them (replacing what was there). Both paths use it: the job for the last two days,
 * `cli stats-rebuild` for the whole history — so they cannot disagree.
 */
export async function computeDays(db: Db, from: string, to: string, groupId?: string): Promise<number> {
	// A group has figures from the day it was created.
	const groupFilter = groupId ? sql`and g.id = ${groupId}` : sql``;
	const r = await sql`
		insert into group_daily_stats (group_id, day, members_total, joined, left_group, views, unique_viewers, posts, comments, reactions, shares, active_members)
		select g.id, d.day::date,
			(select coalesce(sum(e.delta), 0) from membership_events e where e.group_id = g.id and ${dayOf('e.at')} <= d.day::date),
			(select count(*) from membership_events e where e.group_id = g.id and e.delta = 1 and ${dayOf('e.at')} = d.day::date),
			(select count(*) from membership_events e where e.group_id = g.id and e.delta = -1 and ${dayOf('e.at')} = d.day::date),
			(select count(*) from post_views v join posts p on p.id = v.post_id where p.group_id = g.id and v.day = d.day::date),
			(select count(distinct v.viewer_key) from post_views v join posts p on p.id = v.post_id where p.group_id = g.id and v.day = d.day::date),
			(select count(*) from posts p where p.group_id = g.id and p.status = 'published' and ${dayOf('p.published_at')} = d.day::date),
			(select count(*) from comments c join posts p on p.id = c.post_id where p.group_id = g.id and c.status = 'published' and ${dayOf('c.created_at')} = d.day::date),
			(select count(*) from post_reactions x join posts p on p.id = x.post_id where p.group_id = g.id and ${dayOf('x.created_at')} = d.day::date),
			(select count(*) from post_shares s join posts p on p.id = s.post_id where p.group_id = g.id and ${dayOf('s.created_at')} = d.day::date),
			(select count(distinct who) from (
				select p.author_id as who from posts p where p.group_id = g.id and p.status = 'published' and ${dayOf('p.published_at')} = d.day::date
				union select c.author_id from comments c join posts p on p.id = c.post_id where p.group_id = g.id and ${dayOf('c.created_at')} = d.day::date
				union select x.user_id from post_reactions x join posts p on p.id = x.post_id where p.group_id = g.id and ${dayOf('x.created_at')} = d.day::date
			) a)
		from groups g cross join generate_series(${from}::date, ${to}::date, interval '1 day') d(day)
		where d.day::date >= ${dayOf('g.created_at')} ${groupFilter}
		on conflict (group_id, day) do update set
			members_total = excluded.members_total, joined = excluded.joined, left_group = excluded.left_group, views = excluded.views,
			unique_viewers = excluded.unique_viewers, posts = excluded.posts, comments = excluded.comments, reactions = excluded.reactions,
			shares = excluded.shares, active_members = excluded.active_members
	`.execute(db);
	return Number(r.numAffectedRows ?? 0);
}

/** The job: today and yesterday (late events near midnight), for every group. */
export async function refreshRecentStats(db: Db, clock: Clock): Promise<number> {
	const now = clock.now();
	return computeDays(db, warsawDay(new Date(now.getTime() - 86_400_000)), warsawDay(now));
}

/** `cli stats-rebuild`: every day from the first activity until today, from scratch. */
export async function rebuildStats(db: Db, clock: Clock): Promise<number> {
	const first = await sql<{ day: string | null }>`
		select least(
			(select min(${dayOf('created_at')}) from groups),
			(select min(${dayOf('at')}) from membership_events),
			(select min(${dayOf('published_at')}) from posts),
			(select min(day) from post_views)
		)::text as day`.execute(db);
	const from = first.rows[0]?.day;
	await sql`delete from group_daily_stats`.execute(db);
	if (!from) return 0;
	return computeDays(db, from, warsawDay(clock.now()));
}
