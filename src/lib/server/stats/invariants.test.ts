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
		const readers = Array.from({ length: 40 }, (_, i) => `anon:${i}`);
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
				const who = r.pick(readers);
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

	it('a view row dated after today is not counted in the month (the month counts the days the daily figures count)', async () => {
		const group = await getGroup(ctx.db, 'wiskitki');
		const post = await ctx.db
			.selectFrom('posts')
			.select('id')
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		const before = await monthlyStats(ctx.db, group.id, clock.now(), 1);
		// Today is 13 November; rows for 20 November from 50 new keys (what the old demo seed wrote).
		await sql`insert into post_views (post_id, day, viewer_key) select ${post.id}, '2026-11-20'::date, 'future:' || g from generate_series(1, 50) g`.execute(
			ctx.db
		);
		await refreshRecentStats(ctx.db, clock);
		expect(await monthlyStats(ctx.db, group.id, clock.now(), 1)).toEqual(before);
		await rebuildStats(ctx.db, clock);
		expect(await monthlyStats(ctx.db, group.id, clock.now(), 1)).toEqual(before);
		await sql`delete from post_views where viewer_key like 'future:%'`.execute(ctx.db);
	});
});
