import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { monthlyStats } from '../stats/monthly';
import { warsawDay } from '../../dates';

/**
 * Asserts the statistics' invariants for one group as of `now`: persons never exceed views (per post,
 * per day, per month), nothing is counted after today, a month's additive figures are the sum of its
 * days, and a month's persons lie between its largest day and the sum of its days.
 */
export async function expectStatsInvariants(db: Db, groupId: string, now: Date, months = 13): Promise<void> {
	const today = warsawDay(now);
	const posts = await db
		.selectFrom('posts')
		.select(['id', 'view_count', 'unique_viewer_count'])
		.where('group_id', '=', groupId)
		.where('status', '=', 'published')
		.execute();
	const rows = await sql<{ post_id: string; views: string; persons: string }>`
		select v.post_id, count(*) as views, count(distinct v.viewer_key) as persons from post_views v join posts p on p.id = v.post_id
		where p.group_id = ${groupId} group by 1`.execute(db);
	const byPost = new Map(rows.rows.map((r) => [r.post_id, r]));
	for (const p of posts) {
		expect(p.unique_viewer_count, `post ${p.id}`).toBeLessThanOrEqual(p.view_count);
		const r = byPost.get(p.id);
		expect({ views: p.view_count, persons: p.unique_viewer_count }, `post ${p.id}`).toEqual({
			views: Number(r?.views ?? 0),
			persons: Number(r?.persons ?? 0)
		});
	}
	const future = await sql<{ n: string }>`
		select count(*) as n from post_views v join posts p on p.id = v.post_id where p.group_id = ${groupId} and v.day > ${today}::date`.execute(
		db
	);
	expect(Number(future.rows[0].n), 'views after today').toBe(0);

	const days = await db
		.selectFrom('group_daily_stats')
		.selectAll()
		.where('group_id', '=', groupId)
		.orderBy('day')
		.execute();
	expect((days.at(-1)?.day ?? '') <= today, 'no daily row after today').toBe(true);
	for (const d of days) expect(d.unique_viewers, `day ${d.day}`).toBeLessThanOrEqual(d.views);

	for (const m of await monthlyStats(db, groupId, now, months)) {
		const inMonth = days.filter((d) => d.day.startsWith(m.month));
		const sum = (f: (d: (typeof days)[number]) => number) => inMonth.reduce((s, d) => s + f(d), 0);
		expect(m, `month ${m.month}`).toMatchObject({
			views: sum((d) => d.views),
			posts: sum((d) => d.posts),
			comments: sum((d) => d.comments),
			reactions: sum((d) => d.reactions),
			shares: sum((d) => d.shares),
			joined: sum((d) => d.joined),
			left: sum((d) => d.left_group)
		});
		expect(m.uniqueViewers, `month ${m.month} persons ≤ views`).toBeLessThanOrEqual(m.views);
		expect(m.uniqueViewers, `month ${m.month} persons ≤ sum of days`).toBeLessThanOrEqual(sum((d) => d.unique_viewers));
		expect(m.uniqueViewers, `month ${m.month} persons ≥ largest day`).toBeGreaterThanOrEqual(
			Math.max(0, ...inMonth.map((d) => d.unique_viewers))
		);
	}
}
