import { sql } from 'kysely';
import type { Db } from '../db/database';
import { warsawDay } from '../../text/time';

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
	const rows = await sql<{ month: string; members_at_end: number; joined: string; left_group: string; views: string; posts: string; comments: string; reactions: string; shares: string; unique_viewers: string }>`
		with months as (select to_char(d, 'YYYY-MM') as month from generate_series(${first}::date, ${today}::date, interval '1 month') d)
		select m.month,
			coalesce((select s.members_total from group_daily_stats s where s.group_id = ${groupId} and to_char(s.day, 'YYYY-MM') = m.month order by s.day desc limit 1), 0) as members_at_end,
			coalesce(sum(s.joined), 0) as joined, coalesce(sum(s.left_group), 0) as left_group, coalesce(sum(s.views), 0) as views,
			coalesce(sum(s.posts), 0) as posts, coalesce(sum(s.comments), 0) as comments, coalesce(sum(s.reactions), 0) as reactions, coalesce(sum(s.shares), 0) as shares,
			(select count(distinct v.viewer_key) from post_views v join posts p on p.id = v.post_id where p.group_id = ${groupId} and to_char(v.day, 'YYYY-MM') = m.month) as unique_viewers
		from months m left join group_daily_stats s on s.group_id = ${groupId} and to_char(s.day, 'YYYY-MM') = m.month
		group by m.month order by m.month`.execute(db);
	return rows.rows.map((r) => ({ month: r.month, membersAtEnd: Number(r.members_at_end), joined: Number(r.joined), left: Number(r.left_group), views: Number(r.views), uniqueViewers: Number(r.unique_viewers), posts: Number(r.posts), comments: Number(r.comments), reactions: Number(r.reactions), shares: Number(r.shares) }));
}
