import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { landingFor, onlyGroupOf, unitWorkspacePath } from './landing';
import { homeFor } from '../site/home';

let database: Database;
let ctx: Ctx;
let operator: Actor;
const WISKITKI = '1438053';
const MILANOWEK = '1405011';

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	for (const [slug, code, name] of [
		['wiskitki', WISKITKI, 'Wiskitki – forum mieszkańców'],
		['milanowek', MILANOWEK, 'Milanówek – forum mieszkańców']
	])
		await createGroup(ctx, operator, { slug, municipalityCode: code, name, membershipQuestion: 'Skąd jesteś?' });
});
afterAll(async () => database?.close());

async function member(email: string, slugs: string[], approve = true): Promise<Actor> {
	const actor = await makeUser(ctx, email);
	for (const slug of slugs) {
		const group = await getGroup(ctx.db, slug);
		await requestMembership(ctx, actor, group, 'Mieszkam tutaj od lat.');
		if (approve) await decideMembership(ctx, operator, group, actor.id, true);
	}
	return actor;
}

describe('landingFor: each role lands on its work', () => {
	it('the operator: the admin overview', async () => {
		expect(await landingFor(ctx, operator)).toBe('/admin');
	});

	it('a member of one group: its feed; of two: the home page listing them; of none: the home page', async () => {
		expect(await landingFor(ctx, await member('jedna@t.pl', ['wiskitki']))).toBe('/g/wiskitki');
		expect(await landingFor(ctx, await member('dwie@t.pl', ['wiskitki', 'milanowek']))).toBe('/');
		expect(await landingFor(ctx, await makeUser(ctx, 'nowa@t.pl'))).toBe('/');
	});

	it('someone whose request waits: the group they are joining', async () => {
		expect(await landingFor(ctx, await member('czeka@t.pl', ['milanowek'], false))).toBe('/g/milanowek');
	});

	it('a coordinator: /urzad, even when also a member', async () => {
		const coordinator = await member('koordynator@t.pl', ['wiskitki']);
		await ctx.db.insertInto('coordinators').values({ municipality_code: WISKITKI, user_id: coordinator.id }).execute();
		expect(await landingFor(ctx, coordinator)).toBe('/urzad');
	});

	it('a moderator: the queue', async () => {
		const moderator = await member('moderator@t.pl', ['wiskitki']);
		await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
		expect(await landingFor(ctx, moderator)).toBe('/moderacja');
	});

	it("unit staff: their unit's workspace, not the group", async () => {
		const unit = await ctx.db
			.insertInto('units')
			.values({
				municipality_code: WISKITKI,
				slug: 'sp-wiskitki',
				name: 'Szkoła Podstawowa w Wiskitkach',
				type: 'school',
				created_at: new Date()
			})
			.returning(['id', 'slug'])
			.executeTakeFirstOrThrow();
		const editor = await member('redakcja@t.pl', ['wiskitki']);
		await ctx.db.insertInto('unit_members').values({ unit_id: unit.id, user_id: editor.id, role: 'editor' }).execute();
		expect(await landingFor(ctx, editor)).toBe(unitWorkspacePath(unit));
		expect(unitWorkspacePath(unit)).toBe(`/jednostka/${unit.id}`);
	});
});

describe('the home page', () => {
	it('sends a member of exactly one group to its feed, and lists the groups of someone in several', async () => {
		const one = await makeUser(ctx, 'dom-jedna@t.pl');
		const group = await getGroup(ctx.db, 'wiskitki');
		await requestMembership(ctx, one, group, 'Mieszkam tutaj od lat.');
		expect(await onlyGroupOf(ctx, one)).toBeNull(); // only a request so far
		expect((await homeFor(ctx, one, null)).myGroups).toEqual([
			{ slug: 'wiskitki', name: 'Wiskitki – forum mieszkańców', municipality: 'Wiskitki', status: 'pending' }
		]);
		await decideMembership(ctx, operator, group, one.id, true);
		expect((await homeFor(ctx, one, null)).redirectTo).toBe('/g/wiskitki');
		const two = await member('dom-dwie@t.pl', ['wiskitki', 'milanowek']);
		const home = await homeFor(ctx, two, null);
		expect(home.redirectTo).toBeNull();
		expect(home.myGroups.map((g) => g.slug)).toEqual(['milanowek', 'wiskitki']);
	});

	it('finds a group by its municipality without Polish letters and opens its feed; says when a municipality has none', async () => {
		expect((await homeFor(ctx, null, 'milanowek')).redirectTo).toBe('/g/milanowek');
		expect((await homeFor(ctx, null, 'WISKITKI')).redirectTo).toBe('/g/wiskitki');
		const none = await homeFor(ctx, null, 'Żyrardów');
		expect(none.redirectTo).toBeNull();
		expect(none.found).toEqual([]);
		expect(none.withoutGroup.map((m) => m.name)).toContain('Żyrardów');
		const several = await homeFor(ctx, null, 'forum');
		expect(several.found.map((g) => g.slug).sort()).toEqual(['milanowek', 'wiskitki']);
	});
});
