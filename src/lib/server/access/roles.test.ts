import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { rolesOf } from './roles';

let database: Database;
let ctx: Ctx;
let operator: Actor;
const WISKITKI = '1438053';

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	for (const slug of ['wiskitki', 'druga', 'trzecia'])
		await createGroup(ctx, operator, {
			slug,
			municipalityCode: WISKITKI,
			name: `Grupa ${slug}`,
			membershipQuestion: 'Skąd?'
		});
});
afterAll(async () => database?.close());

const unit = (slug: string, name: string) =>
	ctx.db
		.insertInto('units')
		.values({ municipality_code: WISKITKI, slug, name, type: 'school', created_at: new Date() })
		.returning('id')
		.executeTakeFirstOrThrow();

describe('rolesOf: what roles a person has, in one query', () => {
	it('someone with no role: nothing', async () => {
		const nobody = await makeUser(ctx, 'nikt@t.pl');
		expect(await rolesOf(ctx, nobody)).toEqual({
			operator: false,
			coordinator: false,
			moderator: false,
			units: [],
			groups: [],
			unread: 0,
			unreadConversations: 0
		});
		expect((await rolesOf(ctx, operator)).operator).toBe(true);
	});

	it('every role at once: units by name with ids as digit strings, groups approved first and at most two', async () => {
		const person = await makeUser(ctx, 'wszystko@t.pl');
		await ctx.db.insertInto('coordinators').values({ municipality_code: WISKITKI, user_id: person.id }).execute();
		const zeta = await unit('zeta', 'Zespół Szkół');
		const alfa = await unit('alfa', 'Biblioteka');
		await ctx.db
			.insertInto('unit_members')
			.values([
				{ unit_id: zeta.id, user_id: person.id, role: 'unitAdmin' },
				{ unit_id: alfa.id, user_id: person.id, role: 'editor' }
			])
			.execute();
		for (const slug of ['trzecia', 'wiskitki', 'druga'])
			await requestMembership(ctx, person, await getGroup(ctx.db, slug), 'Mieszkam tutaj od lat.');
		await decideMembership(ctx, operator, await getGroup(ctx.db, 'wiskitki'), person.id, true);
		let roles = await rolesOf(ctx, person);
		expect(roles).toMatchObject({ operator: false, coordinator: true, moderator: false });
		expect(roles.units).toEqual([
			{ id: String(alfa.id), role: 'editor' },
			{ id: String(zeta.id), role: 'unitAdmin' }
		]);
		expect(roles.groups).toHaveLength(2);
		expect(roles.groups[0]).toEqual({ slug: 'wiskitki', status: 'approved' });
		expect(roles.groups[1].status).toBe('pending');

		await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', person.id).execute();
		roles = await rolesOf(ctx, person);
		expect(roles.moderator).toBe(true); // the approved membership; pending ones moderate nothing
	});

	it('a moderator role on a membership still waiting does not count', async () => {
		const waiting = await makeUser(ctx, 'czeka@t.pl');
		await requestMembership(ctx, waiting, await getGroup(ctx.db, 'druga'), 'Mieszkam tutaj od lat.');
		await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', waiting.id).execute();
		expect(await rolesOf(ctx, waiting)).toMatchObject({
			moderator: false,
			groups: [{ slug: 'druga', status: 'pending' }]
		});
	});
});
