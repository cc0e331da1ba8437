import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { seededRandom } from '../core/random';
import { recordViews } from '../feed/engagement';
import { createPost } from '../feed/create-post';
import { createGroup, getGroup } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { expectStatsInvariants } from '../testing/stats-invariants';
import { rebuildStats, refreshRecentStats } from './daily';
import { monthlyStats } from './monthly';
import { warsawDay } from '../../dates';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;

const DAY = 86_400_000;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-09-20T08:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
});
afterAll(async () => database?.close());

describe('statistics invariants', () => {
	it('hold over random views across months, day by day and after a rebuild', async () => {
		const group = await getGroup(ctx.db, 'wiskitki');
		const r = seededRandom(16_2026);
		// Signed-in readers are the same viewer on every day; an anonymous key lives one day (viewerKey).
		const members = Array.from({ length: 20 }, (_, i) => `user:${i + 1000}`);
		const reader = () => (r.next() < 0.5 ? r.pick(members) : `anon:${warsawDay(clock.now())}-${r.int(0, 19)}`);
		const posts: string[] = [];
		// 55 days from 20 September to 13 November: three month boundaries' worth of reading.
		for (let d = 0; d < 55; d++) {
			clock.set(new Date(Date.parse('2026-09-20T07:00:00Z') + d * DAY));
			if (d === 0 || r.next() < 0.3) {
				const p = await createPost(ctx, operator, group, { body: `Komunikat ${d}`, category: 'municipal' });
				posts.push(p.id);
			}
			// A few readers a day; each reads one to all posts, some twice the same day (one view).
			for (let k = r.int(0, 8); k > 0; k--) {
				clock.advance(r.int(1, 50) * 60_000);
				const seen = posts.filter(() => r.next() < 0.6);
				const who = reader();
				await recordViews(ctx, seen, who);
				if (r.next() < 0.2) await recordViews(ctx, seen, who);
			}
			await refreshRecentStats(ctx.db, clock);
		}
		const incremental = await ctx.db.selectFrom('group_daily_stats').selectAll().orderBy('day').execute();
		const incrementalMonths = await monthlyStats(ctx.db, group.id, clock.now(), 4);
		await expectStatsInvariants(ctx.db, group.id, clock.now(), 4);

		await rebuildStats(ctx.db, clock);
		expect(await ctx.db.selectFrom('group_daily_stats').selectAll().orderBy('day').execute()).toEqual(incremental);
		expect(await monthlyStats(ctx.db, group.id, clock.now(), 4)).toEqual(incrementalMonths);
		await expectStatsInvariants(ctx.db, group.id, clock.now(), 4);
		// The data exercised what the invariants are about: repeat readers across days and months.
		const total = incrementalMonths.reduce((s, m) => s + m.views, 0);
		expect(total).toBeGreaterThan(100);
		expect(incrementalMonths.filter((m) => m.views > 0 && m.uniqueViewers < m.views).length).toBeGreaterThanOrEqual(3);
	});

	it('counts a viewer once a day and once a month as views arrive, without reading the raw views again', async () => {
		const group = await getGroup(ctx.db, 'wiskitki');
		const post = await ctx.db
			.selectFrom('posts')
			.select('id')
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		const today = async () =>
			(
				await ctx.db
					.selectFrom('group_daily_stats')
					.select('unique_viewers')
					.where('group_id', '=', group.id)
					.where('day', '=', sql<string>`${warsawDay(clock.now())}::date`)
					.executeTakeFirstOrThrow()
			).unique_viewers;
		const month = async () => (await monthlyStats(ctx.db, group.id, clock.now(), 1))[0].uniqueViewers;
		await refreshRecentStats(ctx.db, clock);
		const [day0, month0] = [await today(), await month()];
		clock.advance(60_000);
		await recordViews(ctx, [post.id], 'anon:new-reader');
		clock.advance(60_000);
		await recordViews(ctx, [post.id], 'anon:new-reader'); // the same person again: no one new
		// A member who read earlier this month, maybe new today.
		const earlier = await sql<{ viewer_key: string }>`
			select viewer_key from post_views where viewer_key like 'user:%' and day >= date_trunc('month', ${warsawDay(clock.now())}::date)
			order by day limit 1`.execute(ctx.db);
		await recordViews(ctx, [post.id], earlier.rows[0].viewer_key);
		await refreshRecentStats(ctx.db, clock);
		const distinctToday = await sql<{ n: number }>`
			select count(distinct v.viewer_key)::int as n from post_views v join posts p on p.id = v.post_id
			where p.group_id = ${group.id} and v.day = ${warsawDay(clock.now())}::date`.execute(ctx.db);
		expect(await today()).toBe(distinctToday.rows[0].n);
		expect(await today()).toBeGreaterThanOrEqual(day0 + 1);
		expect(await month()).toBe(month0 + 1);
		// The job's figures come from the counts: with today's raw views gone they stay.
		await sql`delete from post_views where day = ${warsawDay(clock.now())}::date`.execute(ctx.db);
		const kept = [await today(), await month()];
		await refreshRecentStats(ctx.db, clock);
		expect([await today(), await month()]).toEqual(kept);
	});
});
