import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { recordViews } from '../feed/engagement';
import { erasePersonalData } from '../privacy/personal-data';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addDays, warsawDay } from '../../dates';
import * as migration from '../db/migrations/0032_view_partitions';
import * as anonymousViewers from '../db/migrations/0035_anonymous_viewers';
import { rebuildStats, refreshRecentStats } from './daily';
import { maintainViewPartitions, rawViewsKeptFrom, viewPartitions } from './view-partitions';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let group: Group;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-10-01T09:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
});
afterAll(async () => database?.close());

const where = async (day: string) =>
	(
		await sql<{
			p: string;
		}>`select tableoid::regclass::text as p from post_views where day = ${day}::date limit 1`.execute(ctx.db)
	).rows[0]?.p;
const stats = async () =>
	(
		await sql`select day::text, views, unique_viewers from group_daily_stats where group_id = ${group.id} and views > 0 order by day`.execute(
			ctx.db
		)
	).rows;
const months = async () =>
	(
		await sql`select month::text, unique_viewers from group_monthly_stats where group_id = ${group.id} order by month`.execute(
			ctx.db
		)
	).rows;

describe('daily partitions of raw views', () => {
	it('keeps 35 days of raw views in daily partitions, and every figure after they are dropped', async () => {
		// Before any maintenance every day lands in the default partition: an insert never fails.
		const plain = (await createPost(ctx, operator, group, { body: 'Zebranie wiejskie', category: 'other' })).id;
		const promoted = (await createPost(ctx, operator, group, { body: 'Dożynki', category: 'other' })).id;
		await ctx.db
			.insertInto('promotions')
			.values({
				post_id: promoted,
				group_id: group.id,
				sponsor_name: 'Urząd Gminy',
				starts_at: clock.now(),
				ends_at: new Date(clock.now().getTime() + 86_400_000),
				created_at: clock.now()
			})
			.execute();
		const resident = await makeUser(ctx, 'mieszkaniec@t.pl');
		const read = async (days: number) => {
			for (let d = 0; d < days; d++) {
				for (let v = 0; v < 6; v++)
					await recordViews(
						ctx,
						v % 2 ? [plain, promoted] : [plain],
						`anon:${warsawDay(clock.now())}-${v % 4}` // a key of the day, as viewerKey makes
					);
				await recordViews(ctx, [promoted], `user:${resident.id}`);
				await refreshRecentStats(ctx.db, clock);
				clock.advance(86_400_000);
			}
		};
		await read(3);
		expect(await where('2026-10-01')).toBe('post_views_default');
		expect(await viewPartitions(ctx.db)).toEqual([]);

		// The maintenance makes today and 7 days ahead, moving today's rows out of the default.
		const first = await maintainViewPartitions(ctx.db, clock);
		expect(first.created).toEqual(Array.from({ length: 8 }, (_, i) => addDays('2026-10-04', i)));
		expect(first.dropped).toEqual([]);
		expect((await maintainViewPartitions(ctx.db, clock)).created).toEqual([]);
		await read(40);
		expect(await where('2026-10-05')).toBe('post_views_p20261005');
		// Past the week made ahead (the job did not run meanwhile): the default partition.
		expect(await where('2026-10-20')).toBe('post_views_default');

		// Views per post and day, unique viewers of days and months, all as the raw rows said.
		await rebuildStats(ctx.db, clock);
		const dailyBefore = await stats();
		const monthsBefore = await months();
		const aggregate = (await sql`select post_id, day::text, views from post_daily_views order by 1, 2`.execute(ctx.db))
			.rows;
		const counted = (
			await sql`select post_id, day::text, count(*)::int as views from post_views group by 1, 2 order by 1, 2`.execute(
				ctx.db
			)
		).rows;
		expect(aggregate).toEqual(counted);
		const firstViews = (
			await sql`select post_id, day::text, new_viewers from post_daily_views where new_viewers > 0 order by 1, 2`.execute(
				ctx.db
			)
		).rows;
		const firsts = (
			await sql`select post_id, day::text as day, count(*)::int as new_viewers from (
				select post_id, viewer_key, min(day) as day from post_views group by 1, 2) f group by post_id, day order by 1, 2`.execute(
				ctx.db
			)
		).rows;
		expect(firstViews).toEqual(firsts);
		expect(dailyBefore.length).toBe(43);
		const promotedRaw = Number(
			(await sql<{ n: string }>`select count(*) as n from post_views where post_id = ${promoted}`.execute(ctx.db))
				.rows[0].n
		);

		// 43 days on: days before today − 35 go, from the partitions and from the default.
		const today = '2026-11-13';
		const later = await maintainViewPartitions(ctx.db, clock);
		expect(later.dropped).toEqual(Array.from({ length: 5 }, (_, i) => addDays('2026-10-04', i)));
		expect(later.trimmed).toBeGreaterThan(0);
		expect(await rawViewsKeptFrom(ctx.db)).toBe(addDays(today, -35));
		const oldest = await sql<{ d: string }>`select min(day)::text as d from post_views`.execute(ctx.db);
		expect(oldest.rows[0].d).toBe(addDays(today, -35));
		expect(await viewPartitions(ctx.db)).not.toContain('2026-10-08');
		expect((await viewPartitions(ctx.db)).at(-1)).toBe(addDays(today, 7));
		// The groups' viewer sets keep only periods that can still get views; their counts all stay.
		const sets = await sql<{ period: string; starts: string }>`
			select distinct period, starts::text from group_period_viewers order by 1, 2`.execute(ctx.db);
		expect(sets.rows).toEqual([
			{ period: 'd', starts: addDays(today, -1) },
			{ period: 'm', starts: '2026-11-01' }
		]);
		const counts = await sql<{ n: number }>`
			select count(*)::int as n from group_period_viewer_counts where period = 'd'`.execute(ctx.db);
		expect(counts.rows[0].n).toBe(43);
		expect(later.viewerSetsTrimmed).toBeGreaterThan(0);
		// The promoted post's raw views all remain, for its reach report.
		const promotedKept = await sql<{ n: string }>`
			select (select count(*) from post_views where post_id = ${promoted}) + (select count(*) from promoted_post_views where post_id = ${promoted}) as n`.execute(
			ctx.db
		);
		expect(Number(promotedKept.rows[0].n)).toBe(promotedRaw);

		// Rebuilding the statistics now gives the same figures: old days from what was kept.
		await rebuildStats(ctx.db, clock);
		expect(await stats()).toEqual(dailyBefore);
		expect(await months()).toEqual(monthsBefore);
		expect(
			(await sql`select post_id, day::text, views from post_daily_views order by 1, 2`.execute(ctx.db)).rows
		).toEqual(aggregate);

		// Deleting the account deletes their raw views, also those kept for the promoted post.
		await ctx.db.transaction().execute((tx) => erasePersonalData(tx, resident.id, clock.now()));
		for (const table of ['post_views', 'promoted_post_views'])
			expect(
				(
					await sql<{
						n: string;
					}>`select count(*) as n from ${sql.table(table)} where viewer_key = ${`user:${resident.id}`}`.execute(ctx.db)
				).rows[0].n
			).toBe('0');
	});

	it('a view of a day without a partition still lands (the default partition)', async () => {
		const id = (await createPost(ctx, operator, group, { body: 'Daleko w przyszłości', category: 'other' })).id;
		clock.set('2027-06-01T10:00:00Z');
		expect(await recordViews(ctx, [id], 'anon:future')).toBe(1);
		expect(await where('2027-06-01')).toBe('post_views_default');
	});

	it('migration 0035 forgets anonymous viewers (no later view can meet their daily key), keeps every count, and counts the next ones', async () => {
		const id = (await createPost(ctx, operator, group, { body: 'Przed 0035', category: 'other' })).id;
		const day = warsawDay(clock.now());
		const month = `${day.slice(0, 7)}-01`;
		await sql`insert into post_viewers (post_id, viewer_key, first_day) values (${id}, 'anon:stary', ${day}::date), (${id}, 'user:7', ${day}::date)`.execute(
			ctx.db
		);
		await sql`insert into group_period_viewers (period, starts, group_id, viewer_key) values
			('m', ${month}::date, ${group.id}, 'anon:stary'), ('m', ${month}::date, ${group.id}, 'user:7'),
			('d', ${day}::date, ${group.id}, 'anon:stary')`.execute(ctx.db);
		const counts = async () => ({
			post: (
				await ctx.db.selectFrom('posts').select('unique_viewer_count').where('id', '=', id).executeTakeFirstOrThrow()
			).unique_viewer_count,
			daily: (await sql`select day::text, new_viewers from post_daily_views where post_id = ${id}`.execute(ctx.db))
				.rows,
			group: (
				await sql`select period, starts::text, viewers from group_period_viewer_counts where group_id = ${group.id} order by 1, 2`.execute(
					ctx.db
				)
			).rows
		});
		const before = await counts();
		await anonymousViewers.up(ctx.db as unknown as Kysely<unknown>);
		expect(
			(
				await sql<{ viewer_key: string }>`select viewer_key from post_viewers where post_id = ${id}`.execute(ctx.db)
			).rows.map((r) => r.viewer_key)
		).toEqual(['user:7']);
		expect(
			(
				await sql`select period, viewer_key from group_period_viewers where group_id = ${group.id} and viewer_key in ('anon:stary', 'user:7') order by 1, 2`.execute(
					ctx.db
				)
			).rows
		).toEqual([
			{ period: 'd', viewer_key: 'anon:stary' },
			{ period: 'm', viewer_key: 'user:7' }
		]);
		expect(await counts()).toEqual(before);
		// A new anonymous key of the day is a new viewer of the post, of its day and of the group's day and month.
		expect(await recordViews(ctx, [id], `anon:${day}-nowy`)).toBe(1);
		const after = await counts();
		expect(after.post).toBe(before.post + 1);
		const groupCount = (c: typeof before, period: string) =>
			Number(
				(c.group as { period: string; starts: string; viewers: number }[]).find(
					(g) => g.period === period && g.starts === (period === 'd' ? day : month)
				)?.viewers ?? 0
			);
		expect(groupCount(after, 'd')).toBe(groupCount(before, 'd') + 1);
		expect(groupCount(after, 'm')).toBe(groupCount(before, 'm') + 1);
		expect(before.daily).toEqual([{ day, new_viewers: 2 }]);
		expect(after.daily).toEqual([{ day, new_viewers: 3 }]);
	});

	it('the migration moves the views so far into the partitioned table and counts them', async () => {
		const id = (await createPost(ctx, operator, group, { body: 'Sprzed migracji', category: 'other' })).id;
		await migration.down(ctx.db as unknown as Kysely<unknown>);
		await sql`insert into post_views (post_id, day, viewer_key) values
			(${id}, '2026-01-02', 'a'), (${id}, '2026-01-02', 'b'), (${id}, '2026-01-03', 'a'), (${id}, '2026-01-05', 'c')`.execute(
			ctx.db
		);
		await sql`insert into post_viewers (post_id, viewer_key) values (${id}, 'a'), (${id}, 'b'), (${id}, 'c')`.execute(
			ctx.db
		);
		await migration.up(ctx.db as unknown as Kysely<unknown>);
		expect(await where('2026-01-03')).toBe('post_views_default');
		expect(
			(await sql`select day::text, views from post_daily_views where post_id = ${id} order by day`.execute(ctx.db)).rows
		).toEqual([
			{ day: '2026-01-02', views: 2 },
			{ day: '2026-01-03', views: 1 },
			{ day: '2026-01-05', views: 1 }
		]);
		expect(
			(await sql`select viewer_key, first_day::text from post_viewers where post_id = ${id} order by 1`.execute(ctx.db))
				.rows
		).toEqual([
			{ viewer_key: 'a', first_day: '2026-01-02' },
			{ viewer_key: 'b', first_day: '2026-01-02' },
			{ viewer_key: 'c', first_day: '2026-01-05' }
		]);
		expect(
			(
				await sql`select day::text, new_viewers from post_daily_views where post_id = ${id} order by day`.execute(
					ctx.db
				)
			).rows
		).toEqual([
			{ day: '2026-01-02', new_viewers: 2 },
			{ day: '2026-01-03', new_viewers: 0 },
			{ day: '2026-01-05', new_viewers: 1 }
		]);
		expect(await rawViewsKeptFrom(ctx.db)).toBeNull();
	});
});
