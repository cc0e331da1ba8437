import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { updateDigestSchedule } from './digest-schedule';
import { createGroup, decideMembership, getGroup, requestMembership } from './groups';

let database: Database;
let ctx: Ctx;
let operator: Actor, anna: Actor;
let group: Group;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	anna = await makeUser(ctx, 'anna@t.pl');
	await requestMembership(ctx, anna, group, 'Tak');
	await decideMembership(ctx, operator, group, anna.id, true);
});
afterAll(async () => database?.close());

const schedule = async () =>
	ctx.db
		.selectFrom('groups')
		.select(['digest_weekday', 'digest_hour'])
		.where('id', '=', group.id)
		.executeTakeFirstOrThrow();

describe("the group's weekly digest schedule", () => {
	it('is Friday 16:00 by default; a moderator changes it, and the log says so', async () => {
		expect(await schedule()).toEqual({ digest_weekday: 5, digest_hour: 16 });
		await updateDigestSchedule(ctx, operator, group, { weekday: '0', hour: '9' });
		expect(await schedule()).toEqual({ digest_weekday: 0, digest_hour: 9 });
		const log = await ctx.db
			.selectFrom('moderation_log')
			.select('facts')
			.where('action', '=', 'settings_changed')
			.executeTakeFirstOrThrow();
		expect(log.facts).toBe('E-mail „Tydzień w gminie”: niedziela, 9:00.');
	});

	it('a member may not change it; a wrong day or hour is refused', async () => {
		await expect(updateDigestSchedule(ctx, anna, group, { weekday: 1, hour: 8 })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(updateDigestSchedule(ctx, operator, group, { weekday: 7, hour: 8 })).rejects.toMatchObject({
			code: 'validation',
			fields: { weekday: expect.any(String) }
		});
		await expect(updateDigestSchedule(ctx, operator, group, { weekday: 1, hour: 24 })).rejects.toMatchObject({
			code: 'validation',
			fields: { hour: expect.any(String) }
		});
		expect(await schedule()).toEqual({ digest_weekday: 0, digest_hour: 9 });
	});
});
