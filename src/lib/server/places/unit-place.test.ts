import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { getUnitForManager } from '../units/units';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addPlace, type PlaceView } from './places';
import { setUnitPlace, unitPlaceChoices } from './unit-place';

let database: Database;
let ctx: Ctx;
let operator: Actor, coordinator: Actor, otherCoordinator: Actor, resident: Actor, editor: Actor, unitAdmin: Actor;
let group: Group, otherGroup: Group;
let unitId: string;
let guzow: PlaceView, guzowVillage: PlaceView, borek: PlaceView, budy: PlaceView, elsewhere: PlaceView;

const WISKITKI = '1438053';
const MILANOWEK = '1405011';

const placeOfUnit = async () =>
	(await ctx.db.selectFrom('units').select('place_id').where('id', '=', unitId).executeTakeFirstOrThrow()).place_id;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: WISKITKI,
		name: 'Wiskitki',
		membershipQuestion: 'Skąd jesteś?'
	});
	await createGroup(ctx, operator, {
		slug: 'milanowek',
		municipalityCode: MILANOWEK,
		name: 'Milanówek',
		membershipQuestion: 'Skąd jesteś?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	otherGroup = await getGroup(ctx.db, 'milanowek');
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	otherCoordinator = await makeUser(ctx, 'koordynator.milanowek@t.pl');
	await ctx.db
		.insertInto('coordinators')
		.values([
			{ municipality_code: WISKITKI, user_id: coordinator.id },
			{ municipality_code: MILANOWEK, user_id: otherCoordinator.id }
		])
		.execute();
	resident = await makeUser(ctx, 'mieszkanka@t.pl');
	await requestMembership(ctx, resident, group, 'Mieszkam w Guzowie');
	await decideMembership(ctx, operator, group, resident.id, true);
	({ id: unitId } = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: WISKITKI,
			slug: 'soltys-guzow',
			name: 'Sołtys sołectwa Guzów',
			type: 'villageHead',
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow());
	editor = await makeUser(ctx, 'soltys@t.pl');
	unitAdmin = await makeUser(ctx, 'admin.jednostki@t.pl');
	await ctx.db
		.insertInto('unit_members')
		.values([
			{ unit_id: unitId, user_id: editor.id, role: 'editor' },
			{ unit_id: unitId, user_id: unitAdmin.id, role: 'unitAdmin' }
		])
		.execute();
	guzow = await addPlace(ctx, coordinator, group, { kind: 'solectwo', name: 'Guzów' });
	guzowVillage = await addPlace(ctx, coordinator, group, { kind: 'locality', name: 'Guzów', areaId: guzow.id });
	budy = await addPlace(ctx, coordinator, group, { kind: 'solectwo', name: 'Babskie Budy' });
	borek = await addPlace(ctx, coordinator, group, { kind: 'locality', name: 'Babski Borek', areaId: budy.id });
	elsewhere = await addPlace(ctx, otherCoordinator, otherGroup, { kind: 'osiedle', name: 'Osiedle Wschód' });
});
afterAll(async () => database?.close());

describe("a unit's place", () => {
	it("lists the places of the municipality's groups, areas first, localities named with their area", async () => {
		expect(await unitPlaceChoices(ctx.db, WISKITKI)).toEqual([
			{
				slug: 'wiskitki',
				name: 'Wiskitki',
				areas: [
					{ id: budy.id, label: 'sołectwo Babskie Budy' },
					{ id: guzow.id, label: 'sołectwo Guzów' }
				],
				localities: [
					{ id: borek.id, label: 'Babski Borek (sołectwo Babskie Budy)' },
					{ id: guzowVillage.id, label: 'Guzów' }
				]
			}
		]);
		expect((await unitPlaceChoices(ctx.db, MILANOWEK))[0].areas).toEqual([
			{ id: elsewhere.id, label: 'osiedle Osiedle Wschód' }
		]);
	});

	it('the coordinator sets it, the unit page shows it, and the unit posts for it by default', async () => {
		expect(await setUnitPlace(ctx, coordinator, unitId, { placeId: guzow.id })).toEqual(guzow);
		expect(await placeOfUnit()).toBe(guzow.id);
		const page = await getUnitForManager(ctx, coordinator, unitId);
		expect(page).toMatchObject({ placeId: guzow.id, coordinator: true });
		expect(page.placeChoices.map((g) => g.slug)).toEqual(['wiskitki']);
		// The unit's admin sees it too, but the select is the coordinator's.
		expect(await getUnitForManager(ctx, unitAdmin, unitId)).toMatchObject({ placeId: guzow.id, coordinator: false });

		const post = await createPost(ctx, editor, group, {
			body: 'Zebranie wiejskie w piątek',
			category: 'other',
			unitId
		});
		const named = await ctx.db.selectFrom('post_places').select('place_id').where('post_id', '=', post.id).execute();
		expect(named.map((r) => r.place_id)).toEqual([guzow.id]);

		expect(await setUnitPlace(ctx, coordinator, unitId, { placeId: borek.id })).toEqual(borek);
		expect(await placeOfUnit()).toBe(borek.id);
		expect(await setUnitPlace(ctx, operator, unitId, { placeId: '' })).toBeNull();
		expect(await placeOfUnit()).toBeNull();
		await setUnitPlace(ctx, coordinator, unitId, { placeId: guzow.id });
		expect(await setUnitPlace(ctx, coordinator, unitId, { placeId: null })).toBeNull();
		expect(await placeOfUnit()).toBeNull();
	});

	const refusals: [string, () => Actor | null, string][] = [
		['a resident', () => resident, 'forbidden'],
		["another municipality's coordinator", () => otherCoordinator, 'forbidden'],
		["the unit's editor", () => editor, 'forbidden'],
		["the unit's admin", () => unitAdmin, 'forbidden'],
		['an anonymous visitor', () => null, 'unauthenticated']
	];
	for (const [who, actor, code] of refusals)
		it(`${who} may not set it (${code}), and it stays as it was`, async () => {
			await setUnitPlace(ctx, coordinator, unitId, { placeId: guzow.id });
			await expect(setUnitPlace(ctx, actor(), unitId, { placeId: borek.id })).rejects.toMatchObject({ code });
			await expect(setUnitPlace(ctx, actor(), unitId, { placeId: '' })).rejects.toMatchObject({ code });
			expect(await placeOfUnit()).toBe(guzow.id);
		});

	it('bad input changes nothing', async () => {
		await setUnitPlace(ctx, coordinator, unitId, { placeId: guzow.id });
		const attempts: [string, unknown, string, unknown][] = [
			[unitId, { placeId: elsewhere.id }, 'validation', 'Nie ma takiego miejsca w tej gminie.'],
			[unitId, { placeId: '99999999' }, 'validation', 'Nie ma takiego miejsca w tej gminie.'],
			[unitId, { placeId: 'Guzów' }, 'validation', 'Wybierz miejsce z listy.'],
			[unitId, { placeId: 12 }, 'validation', expect.any(String)],
			[unitId, {}, 'validation', 'Wybierz miejsce z listy albo „brak”.'],
			[unitId, null, 'validation', undefined],
			['99999999', { placeId: borek.id }, 'not_found', undefined],
			['jednostka', { placeId: borek.id }, 'not_found', undefined]
		];
		for (const [id, input, code, field] of attempts)
			await expect(setUnitPlace(ctx, coordinator, id, input)).rejects.toMatchObject({
				code,
				...(field === undefined ? {} : { fields: { placeId: field } })
			});
		expect(await placeOfUnit()).toBe(guzow.id);
	});
});
