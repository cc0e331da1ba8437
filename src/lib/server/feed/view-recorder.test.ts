import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { seededRandom } from '../core/random';
import { createGroup, getGroup } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createPost } from './create-post';
import { countViews, recordViews } from './engagement';
import { ViewRecorder } from './view-recorder';
import { limits } from '../limits/rules';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let home: Group;
let target: Group;
let n = 0;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	for (const [slug, code] of [
		['wiskitki', '1438053'],
		['puszcza', '1438032']
	])
		await createGroup(ctx, operator, {
			slug,
			municipalityCode: code,
			name: `Grupa ${slug}`,
			membershipQuestion: 'Skąd jesteś?'
		});
	home = await getGroup(ctx.db, 'wiskitki');
	target = await getGroup(ctx.db, 'puszcza');
});
afterAll(async () => database?.close());

const post = async () => (await createPost(ctx, operator, home, { body: `Post ${++n}`, category: 'other' })).id;

/** Seven ids: five published posts (the first cross-posted into `target`), a deleted one, one that does not exist. */
async function postSet(): Promise<string[]> {
	const ids = [await post(), await post(), await post(), await post(), await post(), await post()];
	await ctx.db.updateTable('posts').set({ status: 'deleted' }).where('id', '=', ids[5]).execute();
	const promotion = await ctx.db
		.insertInto('promotions')
		.values({
			post_id: ids[0],
			group_id: home.id,
			sponsor_name: 'Urząd Gminy',
			starts_at: ctx.clock.now(),
			ends_at: new Date(ctx.clock.now().getTime() + 3 * 86_400_000),
			created_at: ctx.clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await ctx.db
		.insertInto('cross_posts')
		.values({ post_id: ids[0], group_id: target.id, promotion_id: promotion.id, created_at: ctx.clock.now() })
		.execute();
	return [...ids, '999999999'];
}

/** Per post of a set: counters, raw rows per table, and the cross-posted one's rows in the target. */
async function state(ids: string[]) {
	const count = async (table: 'post_views' | 'post_viewers' | 'cross_post_views') => {
		const r = await sql<{ post_id: string; n: string }>`select post_id, count(*) as n from ${sql.table(table)}
			where post_id = any(${ids.slice(0, 6)}::bigint[]) group by post_id`.execute(ctx.db);
		return ids.map((id) => Number(r.rows.find((x) => x.post_id === id)?.n ?? 0));
	};
	const posts = await ctx.db
		.selectFrom('posts')
		.select(['id', 'view_count', 'unique_viewer_count'])
		.where('id', 'in', ids.slice(0, 6))
		.execute();
	const cross = await ctx.db
		.selectFrom('cross_post_views')
		.select(['group_id', 'viewer_key', sql<string>`day::text`.as('day')])
		.where('post_id', '=', ids[0])
		.orderBy('viewer_key')
		.orderBy('day')
		.execute();
	return {
		views: ids.map((id) => posts.find((p) => p.id === id)?.view_count ?? null),
		viewers: ids.map((id) => posts.find((p) => p.id === id)?.unique_viewer_count ?? null),
		viewRows: await count('post_views'),
		viewerRows: await count('post_viewers'),
		crossRows: await count('cross_post_views'),
		cross
	};
}

describe('the view recorder', () => {
	it('counts many viewers and posts in batches exactly as one view at a time does', async () => {
		const batched = await postSet();
		const direct = await postSet();
		const recorder = new ViewRecorder(ctx.db, clock, { intervalMs: null });
		const buffered: Ctx = { ...ctx, views: recorder };
		const r = seededRandom(2026_18);
		// What the rule says, computed apart: a view per (post, viewer, day), a viewer per (post, viewer).
		const expectViews = new Set<string>();
		const expectViewers = new Set<string>();
		let writtenBatched = 0;
		let writtenDirect = 0;
		for (const day of ['2026-11-26', '2026-11-27', '2026-11-28']) {
			clock.set(`${day}T09:30:00Z`);
			for (let k = 0; k < 150; k++) {
				// Signed-in people are the same viewer on every day; an anonymous key lives one day (viewerKey).
				const viewer = r.int(0, 1) ? `user:${r.int(1, 30)}` : `anon:${day}-${r.int(0, 29)}`;
				const picks = Array.from({ length: r.int(1, 4) }, () => r.int(0, 6));
				const seenIn = r.pick([undefined, null, home.slug, target.slug, 'nie-ma-takiej']);
				for (const p of picks) {
					if (p > 4) continue;
					expectViews.add(`${p}/${viewer}/${day}`);
					expectViewers.add(`${p}/${viewer}`);
				}
				const taken = await countViews(
					buffered,
					picks.map((p) => batched[p]),
					viewer,
					seenIn
				);
				expect(taken).toBe(new Set(picks).size);
				writtenDirect += await recordViews(
					ctx,
					picks.map((p) => direct[p]),
					viewer,
					seenIn
				);
				// A write in the middle of the day: the next batch meets rows written by the previous one.
				if (k === 70) writtenBatched += await recorder.flush();
			}
			expect(recorder.pending).toBeGreaterThan(0);
			writtenBatched += await recorder.flush();
			expect(recorder.pending).toBe(0);
		}
		const a = await state(batched);
		const b = await state(direct);
		expect(a).toEqual(b);
		expect(writtenBatched).toBe(writtenDirect);
		const per = (set: Set<string>) => [0, 1, 2, 3, 4].map((p) => [...set].filter((x) => x.startsWith(`${p}/`)).length);
		expect(a.views.slice(0, 5)).toEqual(per(expectViews));
		expect(a.viewers.slice(0, 5)).toEqual(per(expectViewers));
		expect(a.viewRows.slice(0, 5)).toEqual(per(expectViews));
		// Only signed-in people are kept as a post's viewers; an anonymous key is never seen again.
		expect(a.viewerRows.slice(0, 5)).toEqual(per(new Set([...expectViewers].filter((x) => x.includes('/user:')))));
		expect(a.viewerRows.slice(0, 5).every((n, i) => n > 0 && n < a.viewers[i]!)).toBe(true);
		expect(a.views[5]).toBe(0);
		expect(a.viewRows[5]).toBe(0);
		expect(writtenBatched).toBe(expectViews.size);
		// Seen in the target, the cross-posted post counts there too; the posts not cross-posted never.
		expect(a.cross.length).toBeGreaterThan(0);
		expect(a.cross.every((c) => c.group_id === target.id)).toBe(true);
		expect(a.crossRows.slice(1)).toEqual([0, 0, 0, 0, 0, 0]);
	});

	it('writes a full buffer without waiting for the second, and what is left on close', async () => {
		clock.set('2026-11-26T10:00:00Z');
		const ids = [await post(), await post()];
		const recorder = new ViewRecorder(ctx.db, clock, { intervalMs: null, maxBuffered: 10 });
		const views = async () =>
			(await ctx.db.selectFrom('posts').select('view_count').where('id', 'in', ids).execute()).reduce(
				(s, p) => s + p.view_count,
				0
			);
		for (let i = 0; i < 5; i++) recorder.add(ids, `user:${i}`, null);
		await vi.waitFor(async () => expect(await views()).toBe(10), { timeout: 10_000, interval: 20 });
		recorder.add([ids[0]], 'user:99', null);
		expect(await views()).toBe(10);
		await recorder.close();
		expect(await views()).toBe(11);
		expect(recorder.add([ids[1]], 'user:100', null)).toBe(0);
		expect(recorder.pending).toBe(0);
	});

	it('survives a failed write: logged, retried once with the next batch, then given up', async () => {
		clock.set('2026-11-26T10:00:00Z');
		const id = await post();
		const recorder = new ViewRecorder(ctx.db, clock, { intervalMs: null });
		const count = async () =>
			(await ctx.db.selectFrom('posts').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count;
		const breakTable = () => sql`alter table post_viewers rename to post_viewers_away`.execute(ctx.db);
		const mendTable = () => sql`alter table post_viewers_away rename to post_viewers`.execute(ctx.db);

		recorder.add([id], 'a', null);
		await breakTable();
		await expect(recorder.flush()).resolves.toBe(0);
		await mendTable();
		recorder.add([id], 'b', null);
		expect(await recorder.flush()).toBe(2);
		expect(await count()).toBe(2);

		recorder.add([id], 'c', null);
		await breakTable();
		expect(await recorder.flush()).toBe(0);
		recorder.add([id], 'd', null);
		expect(await recorder.flush()).toBe(0);
		await mendTable();
		// 'c' failed twice and was given up; 'd' failed once and goes with the next batch.
		recorder.add([id], 'e', null);
		expect(await recorder.flush()).toBe(2);
		expect(await count()).toBe(4);
		const keys = await ctx.db.selectFrom('post_views').select('viewer_key').where('post_id', '=', id).execute();
		expect(keys.map((k) => k.viewer_key).sort()).toEqual(['a', 'b', 'd', 'e']);
		await recorder.close();
	});

	it('limits the reports of one viewer key in memory, per window', async () => {
		clock.set('2026-11-26T10:00:00Z');
		const id = await post();
		const recorder = new ViewRecorder(ctx.db, clock, { intervalMs: null });
		const rule = limits.viewBatchesPerViewer('x');
		for (let i = 0; i < rule.limit; i++) expect(recorder.add([id], 'anon:busy', null)).toBe(1);
		expect(recorder.add([id], 'anon:busy', null)).toBe(0);
		expect(recorder.add([id], 'anon:calm', null)).toBe(1);
		clock.advance(rule.windowMs);
		expect(recorder.add([id], 'anon:busy', null)).toBe(1);
		expect(await recorder.flush()).toBe(2);
		await recorder.close();
	});

	it('counts nothing for a crawler or ids that are not ids, with or without a recorder', async () => {
		const id = await post();
		const recorder = new ViewRecorder(ctx.db, clock, { intervalMs: null });
		for (const c of [ctx, { ...ctx, views: recorder }]) {
			expect(await countViews(c, [id], null)).toBe(0);
			expect(await countViews(c, ['abc', '1; drop table posts'], 'anon:1')).toBe(0);
		}
		expect(recorder.pending).toBe(0);
		await recorder.close();
	});
});
