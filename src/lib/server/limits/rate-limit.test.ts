import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { openTestDatabase, testCtx } from '../testing/fixtures';
import {
	DAY,
	hitLimits,
	HOUR,
	limitReached,
	MINUTE,
	purgeRateLimits,
	waitText,
	withinLimit,
	type RateRule
} from './rate-limit';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-26T10:00:00Z'));
});
afterAll(async () => database?.close());

const rule = (key: string, limit = 3, windowMs = HOUR): RateRule => ({
	kind: 'test',
	key,
	limit,
	windowMs,
	message: 'Za dużo prób.'
});

describe('waitText', () => {
	it('says how long in Polish, rounded up, with the right plural', () => {
		expect([1, 2, 5, 22, 25, 59].map((s) => waitText(s * 1000))).toEqual([
			'1 sekundę',
			'2 sekundy',
			'5 sekund',
			'22 sekundy',
			'25 sekund',
			'59 sekund'
		]);
		expect([1, 3, 12, 15, 24, 59].map((m) => waitText(m * MINUTE))).toEqual([
			'1 minutę',
			'3 minuty',
			'12 minut',
			'15 minut',
			'24 minuty',
			'59 minut'
		]);
		expect(waitText(61_500)).toBe('2 minuty');
		expect([HOUR, 2 * HOUR, 5 * HOUR, 22 * HOUR].map(waitText)).toEqual([
			'1 godzinę',
			'2 godziny',
			'5 godzin',
			'22 godziny'
		]);
		expect(waitText(0)).toBe('1 sekundę');
	});
});

describe('hitLimits', () => {
	it('lets the limit through, refuses the next with the wait to the end of the window, and starts again in the next window', async () => {
		clock.set('2026-11-26T10:20:00Z');
		for (let i = 0; i < 3; i++) await hitLimits(ctx.db, clock, [rule('a')]);
		await expect(hitLimits(ctx.db, clock, [rule('a')])).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Za dużo prób. Spróbuj ponownie za 40 minut.'
		});
		clock.set('2026-11-26T10:59:59Z');
		await expect(hitLimits(ctx.db, clock, [rule('a')])).rejects.toMatchObject({
			message: 'Za dużo prób. Spróbuj ponownie za 1 sekundę.'
		});
		clock.set('2026-11-26T11:00:00Z');
		await hitLimits(ctx.db, clock, [rule('a')]);
	});

	it('keeps keys and kinds apart', async () => {
		clock.set('2026-11-26T12:00:00Z');
		for (let i = 0; i < 3; i++) await hitLimits(ctx.db, clock, [rule('b')]);
		await hitLimits(ctx.db, clock, [rule('c')]);
		await hitLimits(ctx.db, clock, [{ ...rule('b'), kind: 'other' }]);
		await expect(hitLimits(ctx.db, clock, [rule('b')])).rejects.toMatchObject({ code: 'rate_limited' });
	});

	it('inside a transaction, a refusal rolls back the counts of every rule and the action', async () => {
		clock.set('2026-11-26T13:00:00Z');
		await hitLimits(ctx.db, clock, [rule('full', 1)]);
		await expect(
			ctx.db.transaction().execute(async (tx) => {
				await hitLimits(tx, clock, [rule('free', 1), rule('full', 1)]);
				await tx.insertInto('app_settings').values({ key: 'nie-powinno-zostac', value: '1' }).execute();
			})
		).rejects.toMatchObject({ code: 'rate_limited' });
		expect(
			await ctx.db.selectFrom('app_settings').select('key').where('key', '=', 'nie-powinno-zostac').execute()
		).toEqual([]);
		// The first rule's count was rolled back with the rest: it still has its one.
		await hitLimits(ctx.db, clock, [rule('free', 1)]);
	});

	it('is shared by concurrent requests: of ten at once exactly the limit pass', async () => {
		clock.set('2026-11-26T14:00:00Z');
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, () => ctx.db.transaction().execute((tx) => hitLimits(tx, clock, [rule('race', 4)])))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
	});
});

describe('limitReached and withinLimit', () => {
	it('peeks without counting; withinLimit counts and answers instead of throwing', async () => {
		clock.set('2026-11-26T15:00:00Z');
		expect(await limitReached(ctx.db, clock, rule('peek', 2))).toBeNull();
		expect(await limitReached(ctx.db, clock, rule('peek', 2))).toBeNull();
		expect(await withinLimit(ctx.db, clock, rule('peek', 2))).toBe(true);
		expect(await withinLimit(ctx.db, clock, rule('peek', 2))).toBe(true);
		expect(await limitReached(ctx.db, clock, rule('peek', 2))).toEqual({ waitMs: HOUR });
		expect(await withinLimit(ctx.db, clock, rule('peek', 2))).toBe(false);
	});
});

describe('purgeRateLimits', () => {
	it('removes the counters of windows that have passed, keeping the current ones', async () => {
		clock.set('2026-11-27T09:30:00Z');
		await hitLimits(ctx.db, clock, [rule('day', 5, DAY)]);
		await hitLimits(ctx.db, clock, [rule('hour', 5, HOUR)]);
		clock.set('2026-11-27T10:00:00Z');
		expect(await purgeRateLimits(ctx.db, clock)).toBeGreaterThan(0);
		expect((await ctx.db.selectFrom('rate_limits').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual([
			'test:day'
		]);
	});
});
