import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import {
	addPlace,
	changePlace,
	importPlaces,
	memberPlaceIds,
	mergePlaces,
	parsePlacesCsv,
	placeTree,
	previewMerge,
	setMemberPlaces
} from './places';

let database: Database;
let ctx: Ctx;
let operator: Actor, anna: Actor, outsider: Actor;
let group: Group;

const names = async () => {
	const tree = await placeTree(ctx.db, group.id);
	return {
		areas: tree.areas.map((a) => `${a.name}: ${a.localities.map((l) => l.name).join(', ')}`),
		unassigned: tree.unassigned.map((l) => l.name)
	};
};

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
	outsider = await makeUser(ctx, 'obcy@t.pl');
});
afterAll(async () => database?.close());

describe('places of a group', () => {
	it('only the coordinator adds them; names are unique per kind, in any letter case', async () => {
		await expect(addPlace(ctx, anna, group, { kind: 'solectwo', name: 'Guzów' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		const guzow = await addPlace(ctx, operator, group, { kind: 'solectwo', name: '  Guzów ' });
		expect(guzow.name).toBe('Guzów');
		await expect(addPlace(ctx, operator, group, { kind: 'osiedle', name: 'guzów' })).rejects.toMatchObject({
			code: 'conflict'
		});
		// A village may share its sołectwo's name.
		await addPlace(ctx, operator, group, { kind: 'locality', name: 'Guzów', areaId: guzow.id });
		await expect(addPlace(ctx, operator, group, { kind: 'locality', name: '' })).rejects.toMatchObject({
			code: 'validation',
			fields: { name: expect.any(String) }
		});
		const village = await addPlace(ctx, operator, group, { kind: 'locality', name: 'Gzuów' });
		await expect(
			addPlace(ctx, operator, group, { kind: 'locality', name: 'Nowa', areaId: village.id })
		).rejects.toMatchObject({ code: 'validation', fields: { areaId: expect.any(String) } });
		expect(await names()).toEqual({ areas: ['Guzów: Guzów'], unassigned: ['Gzuów'] });
	});

	it('renames, moves a locality to its sołectwo, and merges a misspelt entry with its members', async () => {
		const tree = await placeTree(ctx.db, group.id);
		const typo = tree.unassigned[0];
		const guzowVillage = tree.areas[0].localities[0];
		await setMemberPlaces(ctx, anna, group, { places: [typo.id] });
		await expect(mergePlaces(ctx, operator, group, typo.id, { intoId: tree.areas[0].id })).rejects.toMatchObject({
			code: 'validation'
		});
		await mergePlaces(ctx, operator, group, typo.id, { intoId: guzowVillage.id });
		expect(await memberPlaceIds(ctx.db, group.id, anna.id)).toEqual([guzowVillage.id]);
		expect(await names()).toEqual({ areas: ['Guzów: Guzów'], unassigned: [] });
		const oryszew = await addPlace(ctx, operator, group, { kind: 'locality', name: 'Oryszew' });
		await changePlace(ctx, operator, group, oryszew.id, { name: 'Oryszew-Osada', areaId: tree.areas[0].id });
		expect(await names()).toEqual({ areas: ['Guzów: Guzów, Oryszew-Osada'], unassigned: [] });
		await expect(changePlace(ctx, anna, group, oryszew.id, { name: 'X' })).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('imports a CSV of sołectwa and localities, reusing existing names; a bad file changes nothing', async () => {
		expect(() => parsePlacesCsv('Guzów;Guzów;gmina\n')).toThrow(/wiersz 1/);
		const before = await names();
		await expect(
			importPlaces(ctx, operator, group, 'sołectwo;miejscowość\nMiedniewice;Miedniewice\nMorgi;Morgi;wieś\n')
		).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('wiersz 3') });
		expect(await names()).toEqual(before);
		const result = await importPlaces(
			ctx,
			operator,
			group,
			'\uFEFFsołectwo;miejscowość\r\nMiedniewice;Miedniewice\r\nMiedniewice;Miedniewice-Kolonia\r\nguzów;Oryszew-Osada\r\nOsiedle Słoneczne;;osiedle\r\n'
		);
		expect(result).toEqual({ areasAdded: 2, localitiesAdded: 2, localitiesMoved: 0 });
		expect(await names()).toEqual({
			areas: ['Guzów: Guzów, Oryszew-Osada', 'Miedniewice: Miedniewice, Miedniewice-Kolonia', 'Osiedle Słoneczne: '],
			unassigned: []
		});
		await expect(importPlaces(ctx, anna, group, 'A;B')).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('members choose the places they follow; others may not', async () => {
		const tree = await placeTree(ctx.db, group.id);
		const ids = tree.areas[1].localities.map((l) => l.id);
		await setMemberPlaces(ctx, anna, group, { places: [...ids, ids[0]] });
		expect((await memberPlaceIds(ctx.db, group.id, anna.id)).sort()).toEqual([...ids].sort());
		await expect(setMemberPlaces(ctx, outsider, group, { places: ids })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setMemberPlaces(ctx, null, group, { places: ids })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await setMemberPlaces(ctx, anna, group, { places: [] });
		expect(await memberPlaceIds(ctx.db, group.id, anna.id)).toEqual([]);
	});

	it('names the line of the file in CSV errors: blank lines and line breaks inside quotes count', () => {
		const csv = 'sołectwo;miejscowość\n\nGuzów;Guzów\n"Morgi\nPółnoc";Morgi;wieś\nA;B;C;D\r\n\r\n;\n';
		let error: unknown;
		try {
			parsePlacesCsv(csv);
		} catch (e) {
			error = e;
		}
		expect(error).toMatchObject({
			code: 'validation',
			message: expect.stringContaining('wiersz 4: rodzaj „wieś”'),
			fields: {
				csv: [
					'wiersz 4: rodzaj „wieś” — wpisz „sołectwo” albo „osiedle”',
					'wiersz 6: za dużo kolumn (najwyżej trzy: sołectwo, miejscowość, rodzaj)',
					'wiersz 8: brak nazwy'
				].join('\n')
			}
		});
		expect(parsePlacesCsv('\n\nGuzów;Guzów\n;Kolonia\n')).toEqual([
			{ line: 3, areaKind: 'solectwo', area: 'Guzów', locality: 'Guzów' },
			{ line: 4, areaKind: null, area: null, locality: 'Kolonia' }
		]);
	});

	it('previews a merge without writing anything, then merges and says what was merged into what', async () => {
		const tree = await placeTree(ctx.db, group.id);
		const area = (name: string) => tree.areas.find((a) => a.name === name)!;
		const miedniewice = area('Miedniewice');
		const osiedle = area('Osiedle Słoneczne');
		await setMemberPlaces(ctx, anna, group, { places: [miedniewice.id] });
		const { id: unitId } = await ctx.db
			.insertInto('units')
			.values({
				municipality_code: '1438053',
				slug: 'soltys-miedniewice',
				name: 'Sołtys sołectwa Miedniewice',
				type: 'villageHead',
				place_id: miedniewice.id,
				created_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const before = await names();

		const preview = await previewMerge(ctx, operator, group, miedniewice.id, { intoId: osiedle.id });
		expect(preview).toEqual({
			from: { id: miedniewice.id, kind: 'solectwo', name: 'Miedniewice', areaId: null },
			into: { id: osiedle.id, kind: 'osiedle', name: 'Osiedle Słoneczne', areaId: null },
			members: 1,
			posts: 0,
			units: 1,
			localities: 2
		});
		for (const [actor, id, input, code] of [
			[anna, miedniewice.id, { intoId: osiedle.id }, 'forbidden'],
			[null, miedniewice.id, { intoId: osiedle.id }, 'unauthenticated'],
			[operator, miedniewice.id, { intoId: miedniewice.id }, 'validation'],
			[operator, miedniewice.id, { intoId: miedniewice.localities[0].id }, 'validation'],
			[operator, miedniewice.id, { intoId: 'x' }, 'validation'],
			[operator, miedniewice.id, { intoId: '999999' }, 'not_found'],
			[operator, 'x', { intoId: osiedle.id }, 'not_found']
		] as const)
			await expect(previewMerge(ctx, actor, group, id, input)).rejects.toMatchObject({ code });
		expect(await names()).toEqual(before);

		const merged = await mergePlaces(ctx, operator, group, miedniewice.id, { intoId: osiedle.id });
		expect(merged).toEqual({ from: preview.from, into: preview.into });
		expect(await memberPlaceIds(ctx.db, group.id, anna.id)).toEqual([osiedle.id]);
		const unit = await ctx.db.selectFrom('units').select('place_id').where('id', '=', unitId).executeTakeFirstOrThrow();
		expect(unit.place_id).toBe(osiedle.id);
		expect((await names()).areas).toEqual([
			'Guzów: Guzów, Oryszew-Osada',
			'Osiedle Słoneczne: Miedniewice, Miedniewice-Kolonia'
		]);
	});
});
