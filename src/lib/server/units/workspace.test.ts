import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { addCoordinator } from '../subscriptions/customers';
import { createPost } from '../feed/create-post';
import { groupPage } from '../feed/group-page';
import { navigationFor } from '../site/navigation';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit } from './units';
import { createUnitToken } from './tokens';
import { unitWorkspace } from './workspace';

let database: Database;
let ctx: Ctx;
let group: Group;
let school: string, library: string;
const people: Record<string, Actor | null> = {};

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	const coordinator = await makeUser(ctx, 'koordynator@t.pl');
	await addCoordinator(ctx, operator, '1438053', coordinator.email);
	school = await addUnit(ctx, coordinator, '1438053', { name: 'Szkoła Podstawowa', type: 'primarySchool' });
	library = await addUnit(ctx, coordinator, '1438053', { name: 'Biblioteka', type: 'library' });
	const resident = await makeUser(ctx, 'anna@t.pl');
	const moderator = await makeUser(ctx, 'mod@t.pl');
	for (const a of [resident, moderator]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	const editor = await makeUser(ctx, 'redakcja@szkola.test', { name: 'Ewa Redakcja' });
	const unitAdmin = await makeUser(ctx, 'dyrekcja@szkola.test', { name: 'Jan Dyrektor' });
	const otherStaff = await makeUser(ctx, 'biblioteka@t.pl');
	await ctx.db
		.insertInto('unit_members')
		.values([
			{ unit_id: school, user_id: editor.id, role: 'editor' },
			{ unit_id: school, user_id: unitAdmin.id, role: 'unitAdmin' },
			{ unit_id: library, user_id: otherStaff.id, role: 'unitAdmin' }
		])
		.execute();
	Object.assign(people, {
		anonymous: null,
		resident,
		editor,
		unitAdmin,
		otherStaff,
		coordinator,
		moderator,
		operator
	});
	await createPost(ctx, editor, group, {
		body: 'Zebranie z rodzicami w czwartek',
		category: 'official',
		unitId: school
	});
	await createPost(ctx, editor, group, { body: 'Szkic jasełek', category: 'official', unitId: school, draft: true });
	await createUnitToken(ctx, unitAdmin, school, 'Strona szkoły');
}, 180_000);
afterAll(async () => database?.close());

async function outcome(view: () => Promise<unknown>): Promise<string> {
	try {
		await view();
		return 'ok';
	} catch (e) {
		if (e instanceof AppError) return e.code;
		throw e;
	}
}

describe('the unit workspace', () => {
	it('opens for the unit’s staff, the coordinator and the operator; refuses everyone else', async () => {
		const got: Record<string, string> = {};
		for (const [who, actor] of Object.entries(people))
			got[who] = await outcome(() => unitWorkspace(ctx, actor, school));
		expect(got).toEqual({
			anonymous: 'unauthenticated',
			resident: 'forbidden',
			editor: 'ok',
			unitAdmin: 'ok',
			otherStaff: 'forbidden',
			coordinator: 'ok',
			moderator: 'forbidden',
			operator: 'ok'
		});
		await expect(unitWorkspace(ctx, people.resident, school)).rejects.toThrow(
			'Przestrzeń jednostki widzi jej zespół, koordynator gminy i operator.'
		);
		expect(await outcome(() => unitWorkspace(ctx, people.editor, '999999'))).toBe('not_found');
		expect(await outcome(() => unitWorkspace(ctx, people.editor, 'abc'))).toBe('not_found');
	});

	it('shows drafts, published posts with reach, the profile and the staff to an editor; tokens only to who manages', async () => {
		const w = await unitWorkspace(ctx, people.editor, school);
		expect(w.unit.name).toBe('Szkoła Podstawowa');
		expect(w.unit.manages).toBe(false);
		expect(w.drafts.map((p) => p.excerpt)).toEqual(['Szkic jasełek']);
		expect(w.published.map((p) => p.excerpt)).toEqual(['Zebranie z rodzicami w czwartek']);
		expect(w.published[0]).toMatchObject({ views: 0, uniqueViewers: 0, reactions: 0, comments: 0 });
		expect(w.unit.staff.map((s) => [s.name, s.role])).toEqual([
			['Ewa Redakcja', 'editor'],
			['Jan Dyrektor', 'unitAdmin']
		]);
		expect(w.tokens).toEqual([]);
		// Colleagues' addresses are for who manages the unit.
		expect(w.unit.staff.map((s) => s.email)).toEqual(['', '']);
		expect(w.groups).toEqual([{ slug: 'wiskitki', name: 'Wiskitki' }]);
		// The current month from the unit report: one published post so far.
		expect(w.months[0]).toMatchObject({ month: '2026-11', posts: 1 });
		expect(w.currentMonth).toBe('2026-11');
		const admin = await unitWorkspace(ctx, people.unitAdmin, school);
		expect(admin.unit.manages).toBe(true);
		expect(admin.tokens.map((t) => t.name)).toEqual(['Strona szkoły']);
		expect(admin.unit.staff.map((s) => s.email)).toEqual(['redakcja@szkola.test', 'dyrekcja@szkola.test']);
		expect((await unitWorkspace(ctx, people.coordinator, school)).unit).toMatchObject({
			manages: true,
			coordinator: true
		});
	});

	it('is linked from the header for unit staff only', async () => {
		const href = async (who: string) => (await navigationFor(ctx, people[who])).workspaceHref;
		expect(await href('editor')).toBe(`/jednostka/${school}`);
		expect(await href('otherStaff')).toBe(`/jednostka/${library}`);
		expect(await href('resident')).toBeNull();
		expect(await href('anonymous')).toBeNull();
	});
});

describe('unit staff in the group', () => {
	it('are not asked to join: they may post, comment and read as the unit', async () => {
		const p = await groupPage(ctx, people.editor, 'wiskitki', { category: null, cursor: null, unit: null, q: null });
		expect(p.access).toMatchObject({ role: 'publisher', canJoin: false, canPost: true, readable: true });
		expect(p.placePicker).toEqual([]);
		expect(p.alertChoice).toBeNull();
		const someone = await makeUser(ctx, 'nowa@t.pl');
		const q = await groupPage(ctx, someone, 'wiskitki', { category: null, cursor: null, unit: null, q: null });
		expect(q.access).toMatchObject({ role: 'user', canJoin: true, canPost: false });
	});
});
