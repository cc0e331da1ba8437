import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { addComment } from '../feed/comments';
import { recordViews, setPostReaction, sharePost } from '../feed/engagement';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, leaveGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { rebuildStats, refreshRecentStats } from './daily';
import { monthlyStats } from './monthly';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, anna: Actor, jan: Actor;

const rows = () => ctx.db.selectFrom('group_daily_stats').selectAll().orderBy('group_id').orderBy('day').execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-24T09:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	anna = await makeUser(ctx, 'anna@t.pl');
	jan = await makeUser(ctx, 'jan@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
});
afterAll(async () => database?.close());

describe('daily statistics', () => {
	it('the job keeps each Warsaw day up to date, and a rebuild from scratch gives the same numbers', async () => {
		const group = await getGroup(ctx.db, 'wiskitki');
		// Day 1.
		for (const a of [anna, jan]) {
			await requestMembership(ctx, a, group, 'Tak');
			await decideMembership(ctx, operator, group, a.id, true);
		}
		const first = await createPost(ctx, operator, group, { body: 'Zebranie wiejskie', category: 'municipal' });
		await recordViews(ctx, [first.id], `u:${anna.id}`);
		await recordViews(ctx, [first.id], `u:${jan.id}`);
		await addComment(ctx, anna, first.id, { body: 'Będę na pewno.' });
		await setPostReaction(ctx, jan, first.id, 'like');
		await sharePost(ctx, anna, first.id, `u:${anna.id}`);
		await refreshRecentStats(ctx.db, clock);
		// 23:30 UTC is already the next day in Warsaw.
		clock.set('2026-11-24T23:30:00Z');
		const late = await createPost(ctx, operator, group, { body: 'Późny komunikat', category: 'official' });
		await refreshRecentStats(ctx.db, clock);
		// Day 2.
		clock.set('2026-11-25T12:00:00Z');
		await leaveGroup(ctx, jan, group);
		await recordViews(ctx, [first.id, late.id], `u:${anna.id}`);
		await setPostReaction(ctx, anna, late.id, 'love');
		await refreshRecentStats(ctx.db, clock);
		// Day 3: quiet.
		clock.set('2026-11-26T08:00:00Z');
		await refreshRecentStats(ctx.db, clock);

		const incremental = await rows();
		const byDay = Object.fromEntries(incremental.map((r) => [r.day, r]));
		expect(byDay['2026-11-24']).toMatchObject({
			members_total: 2,
			joined: 2,
			left_group: 0,
			views: 2,
			unique_viewers: 2,
			posts: 1,
			comments: 1,
			reactions: 1,
			shares: 1,
			active_members: 3
		});
		expect(byDay['2026-11-25']).toMatchObject({
			members_total: 1,
			joined: 0,
			left_group: 1,
			views: 2,
			unique_viewers: 1,
			posts: 1,
			comments: 0,
			reactions: 1,
			shares: 0,
			active_members: 2
		});
		expect(byDay['2026-11-26']).toMatchObject({
			members_total: 1,
			joined: 0,
			left_group: 0,
			views: 0,
			posts: 0,
			active_members: 0
		});

		await rebuildStats(ctx.db, clock);
		expect(await rows()).toEqual(incremental);

		// The months add the days up; unique viewers of a month are counted over the month.
		const months = await monthlyStats(ctx.db, group.id, clock.now(), 2);
		expect(months.map((x) => x.month)).toEqual(['2026-10', '2026-11']);
		expect(months[0]).toMatchObject({ views: 0, posts: 0, membersAtEnd: 0 });
		expect(months[1]).toMatchObject({
			membersAtEnd: 1,
			joined: 2,
			left: 1,
			views: 4,
			uniqueViewers: 2,
			posts: 2,
			comments: 1,
			reactions: 2,
			shares: 1
		});

		// Per post: Anna saw the first post on two days (two views), Jan once; she is one viewer.
		const counters = await ctx.db
			.selectFrom('posts')
			.select(['view_count', 'unique_viewer_count'])
			.where('id', '=', first.id)
			.executeTakeFirstOrThrow();
		expect(counters).toEqual({ view_count: 3, unique_viewer_count: 2 });
		// Another day is another view but not another viewer; the same day again is nothing.
		await recordViews(ctx, [first.id], `u:${anna.id}`);
		await recordViews(ctx, [first.id], `u:${anna.id}`);
		expect(
			await ctx.db
				.selectFrom('posts')
				.select(['view_count', 'unique_viewer_count'])
				.where('id', '=', first.id)
				.executeTakeFirstOrThrow()
		).toEqual({ view_count: 4, unique_viewer_count: 2 });
	});
});
