import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { getMemberNotificationSettings, setMemberNotificationSettings } from './member-settings';

let database: Database;
let ctx: Ctx;
let operator: Actor, anna: Actor, jan: Actor, outsider: Actor;
let group: Group, other: Group;

async function member(g: Group, email: string) {
	const a = await makeUser(ctx, email);
	await requestMembership(ctx, a, g, 'Tak');
	await decideMembership(ctx, operator, g, a.id, true);
	return a;
}

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
	await createGroup(ctx, operator, {
		slug: 'radziejowice',
		municipalityCode: '1438042',
		name: 'Radziejowice',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	other = await getGroup(ctx.db, 'radziejowice');
	anna = await member(group, 'anna@t.pl');
	jan = await member(group, 'jan@t.pl');
	await requestMembership(ctx, anna, other, 'Tak');
	await decideMembership(ctx, operator, other, anna.id, true);
	outsider = await makeUser(ctx, 'obcy@t.pl');
});
afterAll(async () => database?.close());

describe('"ogłoszenia gminy" and "Tydzień w gminie"', () => {
	it('are on by default for a new member', async () => {
		expect(await getMemberNotificationSettings(ctx, anna, group)).toEqual({
			announcements: true,
			weeklyDigest: true,
			hasEmail: true
		});
	});

	it('one change turns one off, for this member in this group only', async () => {
		const after = await setMemberNotificationSettings(ctx, anna, group, { announcements: false });
		expect(after).toMatchObject({ announcements: false, weeklyDigest: true });
		expect(await getMemberNotificationSettings(ctx, jan, group)).toMatchObject({ announcements: true });
		expect(await getMemberNotificationSettings(ctx, anna, other)).toMatchObject({ announcements: true });
		await setMemberNotificationSettings(ctx, anna, group, { weeklyDigest: false });
		expect(await getMemberNotificationSettings(ctx, anna, group)).toMatchObject({
			announcements: false,
			weeklyDigest: false
		});
		await setMemberNotificationSettings(ctx, anna, group, { announcements: true, weeklyDigest: true });
		expect(await getMemberNotificationSettings(ctx, anna, group)).toMatchObject({
			announcements: true,
			weeklyDigest: true
		});
	});

	it('only members of the group have them', async () => {
		await expect(getMemberNotificationSettings(ctx, outsider, group)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setMemberNotificationSettings(ctx, null, group, { weeklyDigest: false })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(setMemberNotificationSettings(ctx, anna, group, { weeklyDigest: 'nie' })).rejects.toMatchObject({
			code: 'validation'
		});
	});
});
