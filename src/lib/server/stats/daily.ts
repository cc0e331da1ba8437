import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import { warsawDay } from '../../dates';
import { firstCompleteMonth, rawViewsKeptFrom } from './view-partitions';

const TZ = 'Europe/Warsaw';
const dayOf = (column: string) => sql.raw(`((${column}) at time zone '${TZ}')::date`);

/**
 * Computes the figures of every group for each Warsaw day in [from, to] from the source rows and
 * stores them (replacing what was there). Both paths use it: the job for the last two days,
 * `cli stats-rebuild` for the whole history — so they cannot disagree.
 */
export async function computeDays(db: Db, from: string, to: string, groupId?: string): Promise<number> {
	// Each source table is read once for the range (by its time index) and grouped by (group, day);
	// the running member total starts from the day before the range (or from all earlier events when
	// that day has no figures). A group has figures from the day it was created. Views come from the
	// per-post daily aggregate; unique viewers of a day (not a sum over posts) from the counts kept as
	// views arrive (migration 0034); a day whose raw views were dropped before it had a count keeps
	// its figure.
	const keptFrom = await rawViewsKeptFrom(db);
	const rawFrom = keptFrom && keptFrom > from ? keptFrom : from;
	const groupFilter = (column: string) => (groupId ? sql`and ${sql.ref(column)} = ${groupId}` : sql``);
	const start = sql`(${from}::date::timestamp at time zone ${TZ})`;
	const end = sql`((${to}::date + 1)::timestamp at time zone ${TZ})`;
	const within = (column: string) => sql`${sql.ref(column)} >= ${start} and ${sql.ref(column)} < ${end}`;
	const r = await sql`
		with days as (
			select g.id as group_id, d.day::date as day from groups g cross join generate_series(${from}::date, ${to}::date, interval '1 day') d(day)
			where d.day::date >= ${dayOf('g.created_at')} ${groupFilter('g.id')}),
		before as (select g.id as group_id, coalesce(
				(select s.members_total from group_daily_stats s where s.group_id = g.id and s.day = ${from}::date - 1),
				(select sum(e.delta) from membership_events e where e.group_id = g.id and e.at < ${start})) as total
			from groups g where true ${groupFilter('g.id')}),
		ev as (select e.group_id, ${dayOf('e.at')} as day, count(*) filter (where e.delta = 1) as joined, count(*) filter (where e.delta = -1) as left_group
			from membership_events e where ${within('e.at')} ${groupFilter('e.group_id')} group by 1, 2),
		vw as (select p.group_id, a.day, sum(a.views) as views
			from post_daily_views a join posts p on p.id = a.post_id where a.day between ${from}::date and ${to}::date ${groupFilter('p.group_id')} group by 1, 2),
		uv as (select c.group_id, c.starts as day, c.viewers as unique_viewers from group_period_viewer_counts c
			where c.period = 'd' and c.starts between ${from}::date and ${to}::date ${groupFilter('c.group_id')}),
		po as (select p.group_id, ${dayOf('p.published_at')} as day, count(*) as n from posts p
			where p.status = 'published' and ${within('p.published_at')} ${groupFilter('p.group_id')} group by 1, 2),
		acts as (
			select p.group_id, ${dayOf('p.published_at')} as day, p.author_id as who, 0 as comment from posts p where p.status = 'published' and ${within('p.published_at')} ${groupFilter('p.group_id')}
			union all select p.group_id, ${dayOf('c.created_at')}, c.author_id, case when c.status = 'published' then 1 else 0 end from comments c join posts p on p.id = c.post_id where ${within('c.created_at')} ${groupFilter('p.group_id')}
			union all select p.group_id, ${dayOf('x.created_at')}, x.user_id, 2 from post_reactions x join posts p on p.id = x.post_id where ${within('x.created_at')} ${groupFilter('p.group_id')}),
		act as (select group_id, day, count(*) filter (where comment = 1) as comments, count(*) filter (where comment = 2) as reactions, count(distinct who) as active
			from acts group by 1, 2),
		sh as (select p.group_id, ${dayOf('s.created_at')} as day, count(*) as n from post_shares s join posts p on p.id = s.post_id
			where ${within('s.created_at')} ${groupFilter('p.group_id')} group by 1, 2)
		insert into group_daily_stats (group_id, day, members_total, joined, left_group, views, unique_viewers, posts, comments, reactions, shares, active_members)
		select d.group_id, d.day,
			coalesce(b.total, 0) + sum(coalesce(ev.joined, 0) - coalesce(ev.left_group, 0)) over (partition by d.group_id order by d.day),
			coalesce(ev.joined, 0), coalesce(ev.left_group, 0), coalesce(vw.views, 0),
			coalesce(uv.unique_viewers, case when d.day >= ${rawFrom}::date then 0 else kept.unique_viewers end, 0), coalesce(po.n, 0),
			coalesce(act.comments, 0), coalesce(act.reactions, 0), coalesce(sh.n, 0), coalesce(act.active, 0)
		from days d
		left join before b on b.group_id = d.group_id
		left join ev on ev.group_id = d.group_id and ev.day = d.day
		left join vw on vw.group_id = d.group_id and vw.day = d.day
		left join uv on uv.group_id = d.group_id and uv.day = d.day
		left join group_daily_stats kept on kept.group_id = d.group_id and kept.day = d.day
		left join po on po.group_id = d.group_id and po.day = d.day
		left join act on act.group_id = d.group_id and act.day = d.day
		left join sh on sh.group_id = d.group_id and sh.day = d.day
		on conflict (group_id, day) do update set
			members_total = excluded.members_total, joined = excluded.joined, left_group = excluded.left_group, views = excluded.views,
			unique_viewers = excluded.unique_viewers, posts = excluded.posts, comments = excluded.comments, reactions = excluded.reactions,
			shares = excluded.shares, active_members = excluded.active_members
	`.execute(db);
	await computeMonths(db, from, to, keptFrom, groupId);
	return Number(r.numAffectedRows ?? 0);
}

/**
 * Unique viewers per group and Warsaw month for the months touching [from, to] (days cannot be
 * summed), from the counts kept as views arrive. A month some of whose raw views were dropped before
 * it was counted keeps the figure it had.
 */
async function computeMonths(
	db: Db,
	from: string,
	to: string,
	keptFrom: string | null,
	groupId?: string
): Promise<void> {
	const groupFilter = groupId ? sql`and c.group_id = ${groupId}` : sql``;
	const complete = firstCompleteMonth(keptFrom);
	const start = complete && complete > from ? complete : from;
	await sql`
		insert into group_monthly_stats (group_id, month, unique_viewers)
		select c.group_id, c.starts, c.viewers from group_period_viewer_counts c
		where c.period = 'm' and c.starts >= date_trunc('month', ${start}::date) and c.starts <= ${to}::date ${groupFilter}
		on conflict (group_id, month) do update set unique_viewers = excluded.unique_viewers`.execute(db);
}

/** The job: today and yesterday (late events near midnight), for every group. */
export async function refreshRecentStats(db: Db, clock: Clock): Promise<number> {
	const now = clock.now();
	return computeDays(db, warsawDay(new Date(now.getTime() - 86_400_000)), warsawDay(now));
}

/**
 * `cli stats-rebuild`: every day from the first activity until today, from scratch — except the
 * unique viewers of days and months whose raw views were dropped, which are kept as they were.
 */
export async function rebuildStats(db: Db, clock: Clock): Promise<number> {
	const first = await sql<{ day: string | null }>`
		select least(
			(select min(${dayOf('created_at')}) from groups),
			(select min(${dayOf('at')}) from membership_events),
			(select min(${dayOf('published_at')}) from posts),
			(select min(day) from post_daily_views)
		)::text as day`.execute(db);
	const from = first.rows[0]?.day;
	const keptFrom = await rawViewsKeptFrom(db);
	await sql`delete from group_daily_stats where ${keptFrom}::date is null or day >= ${keptFrom}::date`.execute(db);
	await sql`delete from group_monthly_stats where ${firstCompleteMonth(keptFrom)}::date is null or month >= ${firstCompleteMonth(keptFrom)}::date`.execute(
		db
	);
	if (!from) return 0;
	return computeDays(db, from, warsawDay(clock.now()));
}
