import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup, getGroup } from './groups';
import { MEMBERS_PAGE, searchMembers } from './member-directory';

let database: Database;
let ctx: Ctx;
let operator: Actor, moderator: Actor, member: Actor, outsider: Actor;
let group: Group;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true, name: 'Operator' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	moderator = await makeUser(ctx, 'mod@t.pl', { name: 'Moderatorka Grupy' });
	member = await makeUser(ctx, 'zofia@t.pl', { name: 'Zofia Łęcka' });
	outsider = await makeUser(ctx, 'obcy@t.pl', { name: 'Ktoś Spoza' });
	const now = ctx.clock.now();
	const people = [moderator, member];
	for (let i = 0; i < 120; i++)
		people.push(await makeUser(ctx, `osoba${i}@wies.pl`, { name: `Mieszkaniec ${String(i).padStart(3, '0')}` }));
	await ctx.db
		.insertInto('memberships')
		.values(
			people.map((p) => ({
				group_id: group.id,
				user_id: p.id,
				status: 'approved',
				role: p === moderator ? 'moderator' : 'member',
				answer: 'Tak',
				requested_at: now,
				decided_at: now
			}))
		)
		.execute();
});
afterAll(async () => database?.close());

describe('the member list', () => {
	it('is paged by 50, by name, with the total', async () => {
		const first = await searchMembers(ctx, member, group, {});
		expect(first).toMatchObject({ total: 122, page: 1, pageSize: MEMBERS_PAGE, byEmail: false });
		expect(first.members).toHaveLength(50);
		const third = await searchMembers(ctx, member, group, { page: '3' });
		expect(third.members).toHaveLength(22);
		expect(third.members.at(-1)!.name).toBe('Zofia Łęcka');
		expect(new Set([...first.members, ...third.members].map((m) => m.id)).size).toBe(72);
	});

	it('finds a name without case or diacritics; e-mail only for moderators', async () => {
		expect((await searchMembers(ctx, member, group, { q: 'lecka' })).members.map((m) => m.name)).toEqual([
			'Zofia Łęcka'
		]);
		expect((await searchMembers(ctx, member, group, { q: 'osoba1' })).total).toBe(0);
		const byEmail = await searchMembers(ctx, moderator, group, { q: 'OSOBA119@' });
		expect(byEmail.byEmail).toBe(true);
		expect(byEmail.members.map((m) => m.name)).toEqual(['Mieszkaniec 119']);
		// A % or _ is a character to find, not a wildcard.
		expect((await searchMembers(ctx, moderator, group, { q: '%' })).total).toBe(0);
	});

	it('refuses bad input with a Polish message, and people outside the group', async () => {
		await expect(searchMembers(ctx, member, group, { page: 'abc' })).rejects.toMatchObject({
			code: 'validation',
			message: 'Nie ma takiej strony.'
		});
		await expect(searchMembers(ctx, member, group, { q: 'x'.repeat(101) })).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(searchMembers(ctx, outsider, group, {})).rejects.toMatchObject({ code: 'forbidden' });
	});
});
