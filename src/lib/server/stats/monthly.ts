import { sql } from 'kysely';
import type { Db } from '../db/database';
import { warsawDay } from '../../dates';

export interface MonthStats {
	/** "2026-11" */
	month: string;
	membersAtEnd: number;
	joined: number;
	left: number;
	views: number;
	uniqueViewers: number;
	posts: number;
	comments: number;
	reactions: number;
	shares: number;
}

/** The last `months` Warsaw months of a group, oldest first, from the daily figures. */
export async function monthlyStats(db: Db, groupId: string, now: Date, months = 12): Promise<MonthStats[]> {
	const today = warsawDay(now);
	const [y, m] = today.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
	const rows = await sql<{
		month: string;
		members_at_end: number;
		joined: string;
		left_group: string;
		views: string;
		posts: string;
		comments: string;
		reactions: string;
		shares: string;
		unique_viewers: number | null;
	}>`
		with months as (select d::date as month from generate_series(${first}::date, ${today}::date, interval '1 month') d),
		sums as (
			select date_trunc('month', s.day)::date as month, sum(s.joined) as joined, sum(s.left_group) as left_group, sum(s.views) as views, sum(s.posts) as posts,
				sum(s.comments) as comments, sum(s.reactions) as reactions, sum(s.shares) as shares,
				(array_agg(s.members_total order by s.day desc))[1] as members_at_end
			from group_daily_stats s where s.group_id = ${groupId} and s.day >= ${first}::date group by 1)
		select to_char(m.month, 'YYYY-MM') as month, coalesce(x.members_at_end, 0) as members_at_end,
			coalesce(x.joined, 0) as joined, coalesce(x.left_group, 0) as left_group, coalesce(x.views, 0) as views, coalesce(x.posts, 0) as posts,
			coalesce(x.comments, 0) as comments, coalesce(x.reactions, 0) as reactions, coalesce(x.shares, 0) as shares, u.unique_viewers
		from months m left join sums x on x.month = m.month
		left join group_monthly_stats u on u.group_id = ${groupId} and u.month = m.month
		order by m.month`.execute(db);
	return rows.rows.map((r) => ({
		month: r.month,
		membersAtEnd: Number(r.members_at_end),
		joined: Number(r.joined),
		left: Number(r.left_group),
		views: Number(r.views),
		uniqueViewers: Number(r.unique_viewers ?? 0),
		posts: Number(r.posts),
		comments: Number(r.comments),
		reactions: Number(r.reactions),
		shares: Number(r.shares)
	}));
}
