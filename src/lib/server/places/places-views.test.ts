import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addPlace, changePlace, importPlaces, mergePlaces, previewMerge, setMemberPlaces } from './places';
import { placesEditor } from './places-views';

let database: Database;
let ctx: Ctx;
let operator: Actor, coordinator: Actor, otherCoordinator: Actor, resident: Actor, editor: Actor, unitAdmin: Actor;
let group: Group;
let unitId: string;
let n = 0;

const WISKITKI = '1438053';
const MILANOWEK = '1405011';

async function coordinatorOf(email: string, ...codes: string[]): Promise<Actor> {
	const actor = await makeUser(ctx, email);
	for (const code of codes)
		await ctx.db.insertInto('coordinators').values({ municipality_code: code, user_id: actor.id }).execute();
	return actor;
}

/** Every place row of the group, to show that a refused or bad call wrote nothing. */
const snapshot = () => ctx.db.selectFrom('places').select(['id', 'kind', 'name', 'area_id']).orderBy('id').execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	for (const [slug, code, name] of [
		['wiskitki', WISKITKI, 'Wiskitki'],
		['milanowek', MILANOWEK, 'Milanówek']
	])
		await createGroup(ctx, operator, { slug, municipalityCode: code, name, membershipQuestion: 'Skąd jesteś?' });
	group = await getGroup(ctx.db, 'wiskitki');
	coordinator = await coordinatorOf('koordynator@t.pl', WISKITKI);
	otherCoordinator = await coordinatorOf('koordynator.milanowek@t.pl', MILANOWEK);
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
	editor = await makeUser(ctx, 'redaktor@t.pl');
	unitAdmin = await makeUser(ctx, 'admin.jednostki@t.pl');
	await ctx.db
		.insertInto('unit_members')
		.values([
			{ unit_id: unitId, user_id: editor.id, role: 'editor' },
			{ unit_id: unitId, user_id: unitAdmin.id, role: 'unitAdmin' }
		])
		.execute();
});
afterAll(async () => database?.close());

describe('the places editor (/urzad/miejsca)', () => {
	it("shows the group's tree with each place's units and followers", async () => {
		const guzow = await addPlace(ctx, coordinator, group, { kind: 'solectwo', name: 'Guzów' });
		const village = await addPlace(ctx, coordinator, group, { kind: 'locality', name: 'Guzów', areaId: guzow.id });
		const osada = await addPlace(ctx, coordinator, group, { kind: 'locality', name: 'Guzów-Osada', areaId: guzow.id });
		const loose = await addPlace(ctx, coordinator, group, { kind: 'locality', name: 'Budy Zosine' });
		await ctx.db.updateTable('units').set({ place_id: guzow.id }).where('id', '=', unitId).execute();
		await setMemberPlaces(ctx, resident, group, { places: [village.id, loose.id] });

		const view = await placesEditor(ctx, coordinator, null);
		expect(view.group).toEqual({ slug: 'wiskitki', name: 'Wiskitki' });
		expect(view.groups).toEqual([{ slug: 'wiskitki', name: 'Wiskitki' }]);
		expect(view.counts).toEqual({ areas: 1, localities: 3, unassigned: 1 });
		const place = (p: { id: string; kind: string; name: string; areaId: string | null }, more = {}) => ({
			id: p.id,
			kind: p.kind,
			kindLabel: p.kind === 'locality' ? 'miejscowość' : 'sołectwo',
			name: p.name,
			areaId: p.areaId,
			units: [],
			followers: 0,
			...more
		});
		expect(view.areas).toEqual([
			place(guzow, {
				units: [{ id: unitId, name: 'Sołtys sołectwa Guzów' }],
				localities: [place(village, { followers: 1 }), place(osada)]
			})
		]);
		expect(view.unassigned).toEqual([place(loose, { followers: 1 })]);
		await ctx.db.updateTable('units').set({ place_id: null }).where('id', '=', unitId).execute();
	});

	it('opens the group by slug; without one, the first group the actor coordinates', async () => {
		expect((await placesEditor(ctx, otherCoordinator, null)).group.slug).toBe('milanowek');
		expect((await placesEditor(ctx, operator, 'milanowek')).group.slug).toBe('milanowek');
		const both = await coordinatorOf('dwie.gminy@t.pl', WISKITKI, MILANOWEK);
		const view = await placesEditor(ctx, both, 'wiskitki');
		expect(view.groups).toEqual([
			{ slug: 'milanowek', name: 'Milanówek' },
			{ slug: 'wiskitki', name: 'Wiskitki' }
		]);
		expect((await placesEditor(ctx, both, null)).group.slug).toBe('milanowek');
		// The operator coordinates no municipality by name: the group must be chosen.
		await expect(placesEditor(ctx, operator, null)).rejects.toMatchObject({ code: 'validation' });
		await expect(placesEditor(ctx, coordinator, 'nie-ma-takiej')).rejects.toMatchObject({ code: 'not_found' });
		await expect(placesEditor(ctx, resident, null)).rejects.toMatchObject({ code: 'forbidden' });
	});
});

type Role = 'operator' | 'coordinator' | 'otherCoordinator' | 'resident' | 'unitEditor' | 'unitAdmin' | 'anonymous';
const roles: Role[] = [
	'operator',
	'coordinator',
	'otherCoordinator',
	'resident',
	'unitEditor',
	'unitAdmin',
	'anonymous'
];
const actorOf = (role: Role): Actor | null =>
	({
		operator,
		coordinator,
		otherCoordinator,
		resident,
		unitEditor: editor,
		unitAdmin,
		anonymous: null
	})[role];

/** Fresh localities made by the coordinator, for an action to work on. */
const localities = async (count: number) => {
	const ids: string[] = [];
	for (let i = 0; i < count; i++)
		ids.push((await addPlace(ctx, coordinator, group, { kind: 'locality', name: `Wieś ${++n}` })).id);
	return ids;
};

// Each action of the editor as each role: the municipality's coordinator and the operator may,
// anonymous visitors are asked to sign in, everyone else is refused — and a refusal writes nothing.
const operations: Record<string, { needs: number; run: (actor: Actor | null, ids: string[]) => Promise<unknown> }> = {
	placesEditor: { needs: 0, run: (actor) => placesEditor(ctx, actor, 'wiskitki') },
	addPlace: { needs: 0, run: (actor) => addPlace(ctx, actor, group, { kind: 'solectwo', name: `Sołectwo ${++n}` }) },
	changePlace: { needs: 1, run: (actor, [id]) => changePlace(ctx, actor, group, id, { name: `Nowa nazwa ${++n}` }) },
	previewMerge: { needs: 2, run: (actor, [from, into]) => previewMerge(ctx, actor, group, from, { intoId: into }) },
	mergePlaces: { needs: 2, run: (actor, [from, into]) => mergePlaces(ctx, actor, group, from, { intoId: into }) },
	importPlaces: { needs: 0, run: (actor) => importPlaces(ctx, actor, group, `Import ${++n};Kolonia ${n}\n`) }
};

describe('who may edit the places', () => {
	for (const [name, { needs, run }] of Object.entries(operations))
		for (const role of roles) {
			const allowed = role === 'operator' || role === 'coordinator';
			it(`${name} as ${role}: ${allowed ? 'allowed' : role === 'anonymous' ? 'unauthenticated' : 'forbidden'}`, async () => {
				const ids = await localities(needs);
				if (allowed) return void (await run(actorOf(role), ids));
				const before = await snapshot();
				await expect(run(actorOf(role), ids)).rejects.toMatchObject({
					code: role === 'anonymous' ? 'unauthenticated' : 'forbidden'
				});
				expect(await snapshot()).toEqual(before);
			});
		}

	it('bad input changes nothing', async () => {
		const before = await snapshot();
		const area = before.find((p) => p.kind === 'solectwo')!;
		const locality = before.find((p) => p.kind === 'locality')!;
		// Thunks: each attempt starts only when the one before has failed.
		const attempts: [() => Promise<unknown>, string][] = [
			[() => addPlace(ctx, coordinator, group, { kind: 'gmina', name: 'X' }), 'validation'],
			[() => addPlace(ctx, coordinator, group, { kind: 'locality', name: ' ' }), 'validation'],
			[() => addPlace(ctx, coordinator, group, { kind: 'locality', name: 'X', areaId: locality.id }), 'validation'],
			[() => addPlace(ctx, coordinator, group, { kind: 'solectwo', name: 'guzów' }), 'conflict'],
			[() => changePlace(ctx, coordinator, group, locality.id, { name: 'x'.repeat(101) }), 'validation'],
			[() => changePlace(ctx, coordinator, group, '12345678', { name: 'X' }), 'not_found'],
			[() => previewMerge(ctx, coordinator, group, locality.id, { intoId: area.id }), 'validation'],
			[() => mergePlaces(ctx, coordinator, group, locality.id, { intoId: locality.id }), 'validation'],
			[() => mergePlaces(ctx, coordinator, group, area.id, { intoId: locality.id }), 'validation'],
			[() => importPlaces(ctx, coordinator, group, 'Nowe;Nowa\nNowe;Nowa;gmina\n'), 'validation'],
			[() => importPlaces(ctx, coordinator, group, '  '), 'validation']
		];
		for (const [attempt, code] of attempts) await expect(attempt()).rejects.toMatchObject({ code });
		expect(await snapshot()).toEqual(before);
	});
});
