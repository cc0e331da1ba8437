import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup, getGroup } from '../groups/groups';
import { activePackage, packageIncludes } from './package-state';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
const DAY = 24 * 3600_000;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	clock.set(new Date('2026-12-15T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
});
afterAll(async () => database?.close());

describe('the package in force, for gating a feature at the moment of use', () => {
	it('none without a subscription; Pakiet 1 from its start; a change counts from its first day', async () => {
		await createGroup(ctx, operator, {
			slug: 'wiskitki',
			municipalityCode: '1438053',
			name: 'Wiskitki',
			membershipQuestion: 'Skąd?'
		});
		const group = await getGroup(ctx.db, 'wiskitki');
		expect(await activePackage(ctx, group.id)).toBeNull();
		expect(await packageIncludes(ctx, group.id, 'pakiet1')).toBe(false);

		await activatePackage(ctx, operator, group);
		expect(await activePackage(ctx, group.id)).toBe('pakiet1');
		expect(await packageIncludes(ctx, group.id, 'pakiet1')).toBe(true);
		expect(await packageIncludes(ctx, group.id, 'pakiet2')).toBe(false);

		const s = await ctx.db
			.selectFrom('subscriptions')
			.select('id')
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		await ctx.db
			.insertInto('subscription_packages')
			.values([
				{ subscription_id: s.id, valid_from: '2027-01-01', package: 'pakiet3' },
				{ subscription_id: s.id, valid_from: '2027-02-01', package: 'pakiet2' }
			])
			.execute();
		// 31 December 2026, 23:30 in Warsaw: still Pakiet 1; from 1 January (Warsaw time), Pakiet 3.
		clock.set(new Date('2026-12-31T22:30:00Z'));
		expect(await activePackage(ctx, group.id)).toBe('pakiet1');
		clock.set(new Date('2026-12-31T23:30:00Z'));
		expect(await activePackage(ctx, group.id)).toBe('pakiet3');
		expect(await packageIncludes(ctx, group.id, 'pakiet2')).toBe(true);
		clock.set(new Date(new Date('2027-02-01T12:00:00Z').getTime() + DAY));
		expect(await activePackage(ctx, group.id)).toBe('pakiet2');
		expect(await packageIncludes(ctx, group.id, 'pakiet3')).toBe(false);
	});
});
