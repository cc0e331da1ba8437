import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, PlaceKind } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { idSchema, isId, parseInput } from '../core/validation';
import { assertCoordinator } from '../access/office';
import { groupAccess } from '../access/group-access';
import { assertSignedIn } from '../access/actor';
import { parseCsvLines } from '../text/csv';

/** A part of the municipality with its own local life: a sołectwo in the country, an osiedle in a town. */
export type AreaKind = Exclude<PlaceKind, 'locality'>;

export const placeKindLabels: Record<PlaceKind, string> = {
	solectwo: 'sołectwo',
	osiedle: 'osiedle',
	locality: 'miejscowość'
};

export interface PlaceView {
	id: string;
	kind: PlaceKind;
	name: string;
	areaId: string | null;
}

export interface AreaView extends PlaceView {
	kind: AreaKind;
	localities: PlaceView[];
}

/** A group's places: its areas with their localities, and localities not assigned to any area. */
export interface PlaceTree {
	areas: AreaView[];
	unassigned: PlaceView[];
	/** Every place by id, areas and localities alike. */
	byId: Map<string, PlaceView>;
}

const collator = new Intl.Collator('pl');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

const viewOf = (p: { id: string; kind: PlaceKind; name: string; area_id: string | null }): PlaceView => ({
	id: p.id,
	kind: p.kind,
	name: p.name,
	areaId: p.area_id
});

export async function placeTree(db: Db, groupId: string): Promise<PlaceTree> {
	const rows = await db
		.selectFrom('places')
		.select(['id', 'kind', 'name', 'area_id'])
		.where('group_id', '=', groupId)
		.execute();
	const byId = new Map<string, PlaceView>(
		rows.map((r) => [r.id, { id: r.id, kind: r.kind, name: r.name, areaId: r.area_id }])
	);
	const areas: AreaView[] = rows
		.filter((r) => r.kind !== 'locality')
		.map((r) => ({ ...byId.get(r.id)!, kind: r.kind as AreaKind, localities: [] }));
	const areaById = new Map(areas.map((a) => [a.id, a]));
	const unassigned: PlaceView[] = [];
	for (const place of byId.values()) {
		if (place.kind !== 'locality') continue;
		const area = place.areaId ? areaById.get(place.areaId) : undefined;
		if (area) area.localities.push(place);
		else unassigned.push(place);
	}
	areas.sort(byName);
	for (const a of areas) a.localities.sort(byName);
	unassigned.sort(byName);
	return { areas, unassigned, byId };
}

/** "Aleksandrów (sołectwo Aleksandrów)" — a place's name as a picker shows it. */
export function placeLabel(tree: PlaceTree, place: PlaceView): string {
	if (place.kind !== 'locality') return `${placeKindLabels[place.kind]} ${place.name}`;
	const area = place.areaId ? tree.byId.get(place.areaId) : undefined;
	return area && area.name !== place.name ? `${place.name} (${placeKindLabels[area.kind]} ${area.name})` : place.name;
}

/**
 * What a member picks from (joining, the account page): localities grouped by their sołectwo or
 * osiedle (one without localities stands for itself; `label` null when the group is one locality
 * of the area's own name), then localities of no area.
 */
export interface PlacePickerGroup {
	label: string | null;
	places: { id: string; name: string }[];
}

export function placePicker(tree: PlaceTree): PlacePickerGroup[] {
	const groups: PlacePickerGroup[] = tree.areas.map((a) => {
		const places = a.localities.length
			? a.localities.map((l) => ({ id: l.id, name: l.name }))
			: [{ id: a.id, name: a.name }];
		const alone = places.length === 1 && places[0].name === a.name;
		return { label: alone ? null : `${placeKindLabels[a.kind]} ${a.name}`, places };
	});
	if (tree.unassigned.length)
		groups.push({
			label: tree.areas.length ? 'Inne miejscowości' : null,
			places: tree.unassigned.map((l) => ({ id: l.id, name: l.name }))
		});
	return groups;
}

/**
 * The places a place touches: itself, its area (for a locality) and its localities (for an area).
 * A member who follows a locality gets an alert aimed at its sołectwo, and one who follows the
 * sołectwo gets an alert aimed at any of its localities.
 */
export function relatedPlaceIds(db: Db, placeIds: readonly string[]) {
	const ids = placeIds.length ? [...placeIds] : ['0'];
	return db
		.selectFrom('places')
		.select('id')
		.where((eb) => eb.or([eb('id', 'in', ids), eb('area_id', 'in', ids)]))
		.union(
			db
				.selectFrom('places')
				.select('area_id as id')
				.where('id', 'in', ids)
				.where('area_id', 'is not', null)
				.$castTo<{ id: string }>()
		);
}

/** Every place of the group with its label, for a filter or picker: sołectwa with their localities, then the rest. */
export const placeChoices = (tree: PlaceTree) =>
	[...tree.areas.flatMap((a) => [a, ...a.localities]), ...tree.unassigned].map((p) => ({
		id: p.id,
		label: placeLabel(tree, p)
	}));

/**
 * A list's filter by one place of the group (`?miejsce=`): the place and those it contains or
 * belongs to (`relatedPlaceIds`); another group's place, or none, is not found.
 */
export async function placeFilter(db: Db, groupId: string, placeId: string): Promise<string[]> {
	const [id] = await groupPlaceIds(db, groupId, [placeId]).catch((e) => {
		throw e instanceof AppError ? notFound('Nie ma takiej miejscowości w tej gminie.') : e;
	});
	return (await relatedPlaceIds(db, [id]).execute()).map((r) => r.id);
}

/** Checks that the ids name places of the group; returns them without repeats. */
export async function groupPlaceIds(db: Db, groupId: string, placeIds: readonly string[]): Promise<string[]> {
	const ids = [...new Set(placeIds)];
	if (ids.length === 0) return [];
	if (!ids.every(isId))
		throw new AppError('validation', 'Wybierz miejscowości z listy.', { places: 'Nie ma takiej miejscowości.' });
	const found = await db
		.selectFrom('places')
		.select('id')
		.where('group_id', '=', groupId)
		.where('id', 'in', ids)
		.execute();
	if (found.length !== ids.length)
		throw new AppError('validation', 'Wybierz miejscowości z listy.', {
			places: 'Nie ma takiej miejscowości w tej gminie.'
		});
	return ids;
}

const nameSchema = z
	.string({ error: 'Podaj nazwę.' })
	.trim()
	.min(1, 'Podaj nazwę.')
	.max(100, 'Nazwa może mieć najwyżej 100 znaków.')
	.transform((v) => v.replace(/\s+/g, ' '));

export const addPlaceSchema = z.object({
	kind: z.enum(['solectwo', 'osiedle', 'locality'], { error: 'Wybierz, co dodajesz.' }),
	name: nameSchema,
	areaId: idSchema('Nie ma takiego sołectwa.').nullish()
});

async function findPlace(db: Db, group: Group, placeId: string) {
	if (!isId(placeId)) throw notFound('Nie ma takiego miejsca.');
	const place = await db
		.selectFrom('places')
		.selectAll()
		.where('id', '=', placeId)
		.where('group_id', '=', group.id)
		.executeTakeFirst();
	if (!place) throw notFound('Nie ma takiego miejsca.');
	return place;
}

async function findArea(db: Db, group: Group, areaId: string | null | undefined): Promise<string | null> {
	if (!areaId) return null;
	const area = await findPlace(db, group, areaId);
	if (area.kind === 'locality')
		throw new AppError('validation', 'Miejscowość można przypisać tylko do sołectwa albo osiedla.', {
			areaId: 'Wybierz sołectwo albo osiedle.'
		});
	return area.id;
}

async function assertNameFree(db: Db, group: Group, kind: PlaceKind, name: string, exceptId?: string) {
	let q = db
		.selectFrom('places')
		.select('id')
		.where('group_id', '=', group.id)
		.where(sql<boolean>`(kind = 'locality') = ${kind === 'locality'}`)
		.where(sql<boolean>`lower(name) = lower(${name})`);
	if (exceptId) q = q.where('id', '<>', exceptId);
	if (await q.executeTakeFirst())
		throw new AppError(
			'conflict',
			kind === 'locality'
				? `Miejscowość „${name}” już jest na liście.`
				: `Sołectwo lub osiedle „${name}” już jest na liście.`,
			{ name: 'Ta nazwa już jest na liście.' }
		);
}

/** The coordinator adds a sołectwo, an osiedle or a locality (optionally in its sołectwo). */
export async function addPlace(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<PlaceView> {
	await assertCoordinator(ctx, actor, group.municipality_code);
	const data = parseInput(addPlaceSchema, input);
	const areaId = data.kind === 'locality' ? await findArea(ctx.db, group, data.areaId) : null;
	await assertNameFree(ctx.db, group, data.kind, data.name);
	const row = await ctx.db
		.insertInto('places')
		.values({ group_id: group.id, kind: data.kind, name: data.name, area_id: areaId, created_at: ctx.clock.now() })
		.returning(['id', 'kind', 'name', 'area_id'])
		.executeTakeFirstOrThrow();
	return viewOf(row);
}

export const changePlaceSchema = z.object({
	name: nameSchema,
	areaId: idSchema('Nie ma takiego sołectwa.').nullish()
});

/** Renames a place and, for a locality, sets its sołectwo or osiedle (empty: none). */
export async function changePlace(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	placeId: string,
	input: unknown
): Promise<void> {
	await assertCoordinator(ctx, actor, group.municipality_code);
	const place = await findPlace(ctx.db, group, placeId);
	const data = parseInput(changePlaceSchema, input);
	const areaId = place.kind === 'locality' ? await findArea(ctx.db, group, data.areaId) : null;
	await assertNameFree(ctx.db, group, place.kind, data.name, place.id);
	await ctx.db.updateTable('places').set({ name: data.name, area_id: areaId }).where('id', '=', place.id).execute();
}

export const mergePlacesSchema = z.object({
	intoId: idSchema('Wybierz miejsce, z którym połączyć.')
});

/** The two places of a merge, checked: both of the group, different, of the same sort (locality or area). */
async function mergePair(ctx: Ctx, actor: Actor | null, group: Group, placeId: string, input: unknown) {
	await assertCoordinator(ctx, actor, group.municipality_code);
	const from = await findPlace(ctx.db, group, placeId);
	const { intoId } = parseInput(mergePlacesSchema, input);
	const into = await findPlace(ctx.db, group, intoId);
	if (from.id === into.id)
		throw new AppError('validation', 'Wybierz inne miejsce niż łączone.', { intoId: 'Wybierz inne miejsce.' });
	if ((from.kind === 'locality') !== (into.kind === 'locality'))
		throw new AppError(
			'validation',
			'Połączyć można miejscowość z miejscowością albo sołectwo z sołectwem lub osiedlem.',
			{
				intoId: 'Wybierz miejsce tego samego rodzaju.'
			}
		);
	return { from, into };
}

export interface MergePreview {
	from: PlaceView;
	into: PlaceView;
	/** What moves to the place kept: members who follow the merged place, posts naming it, units speaking for it, its localities. */
	members: number;
	posts: number;
	units: number;
	localities: number;
}

/** What merging would do, for the confirmation: checked like the merge itself, nothing written. */
export async function previewMerge(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	placeId: string,
	input: unknown
): Promise<MergePreview> {
	const { from, into } = await mergePair(ctx, actor, group, placeId, input);
	const count = sql<number>`count(*)::int`.as('n');
	const [members, posts, units, localities] = await Promise.all([
		ctx.db.selectFrom('member_places').select(count).where('place_id', '=', from.id).executeTakeFirstOrThrow(),
		ctx.db.selectFrom('post_places').select(count).where('place_id', '=', from.id).executeTakeFirstOrThrow(),
		ctx.db.selectFrom('units').select(count).where('place_id', '=', from.id).executeTakeFirstOrThrow(),
		ctx.db.selectFrom('places').select(count).where('area_id', '=', from.id).executeTakeFirstOrThrow()
	]);
	return {
		from: viewOf(from),
		into: viewOf(into),
		members: members.n,
		posts: posts.n,
		units: units.n,
		localities: localities.n
	};
}

/**
 * Two entries for one place (a typo, an old name) become one: members, posts, units and
 * localities of the merged place move to the one kept, and the merged one is deleted.
 */
export async function mergePlaces(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	placeId: string,
	input: unknown
): Promise<{ from: PlaceView; into: PlaceView }> {
	const { from, into } = await mergePair(ctx, actor, group, placeId, input);
	await ctx.db.transaction().execute(async (tx) => {
		await sql`INSERT INTO member_places (group_id, user_id, place_id)
			SELECT group_id, user_id, ${into.id} FROM member_places WHERE place_id = ${from.id}
			ON CONFLICT DO NOTHING`.execute(tx);
		await sql`INSERT INTO post_places (post_id, place_id)
			SELECT post_id, ${into.id} FROM post_places WHERE place_id = ${from.id}
			ON CONFLICT DO NOTHING`.execute(tx);
		await tx.updateTable('units').set({ place_id: into.id }).where('place_id', '=', from.id).execute();
		await tx.updateTable('places').set({ area_id: into.id }).where('area_id', '=', from.id).execute();
		await tx.deleteFrom('places').where('id', '=', from.id).execute();
	});
	return { from: viewOf(from), into: viewOf(into) };
}

/** One line of a places CSV: an area and a locality in it. */
interface CsvRow {
	line: number;
	areaKind: AreaKind | null;
	area: string | null;
	locality: string | null;
}

const areaKindWords: Record<string, AreaKind> = { sołectwo: 'solectwo', solectwo: 'solectwo', osiedle: 'osiedle' };

/**
 * Reads "sołectwo;miejscowość" rows (semicolons when the first non-blank line has one, else commas; an
 * optional third column "osiedle" or "sołectwo"; a header row is skipped). A row with only an area
 * adds the area; one with only a locality adds it outside any area. Errors name the line of the
 * file (blank lines counted, as a text editor numbers them).
 */
export function parsePlacesCsv(text: string): CsvRow[] {
	const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
	const rows: CsvRow[] = [];
	const errors: string[] = [];
	parseCsvLines(text, firstLine.includes(';') ? ';' : ',').forEach(({ line, cells: raw }, i) => {
		const cells = raw.map((c) => c.trim().replace(/\s+/g, ' '));
		const [area, locality, kindWord] = cells;
		if (
			i === 0 &&
			/^(sołectwo|solectwo|jednostka|osiedle|obszar)/i.test(area ?? '') &&
			/miejscowo/i.test(locality ?? '')
		)
			return;
		if (cells.length > 3)
			return void errors.push(`wiersz ${line}: za dużo kolumn (najwyżej trzy: sołectwo, miejscowość, rodzaj)`);
		const kind = kindWord ? areaKindWords[kindWord.toLowerCase()] : 'solectwo';
		if (!kind) return void errors.push(`wiersz ${line}: rodzaj „${kindWord}” — wpisz „sołectwo” albo „osiedle”`);
		if (!area && !locality) return void errors.push(`wiersz ${line}: brak nazwy`);
		for (const name of [area, locality])
			if (name && name.length > 100) return void errors.push(`wiersz ${line}: nazwa dłuższa niż 100 znaków`);
		rows.push({ line, areaKind: area ? kind : null, area: area || null, locality: locality || null });
	});
	if (errors.length)
		throw new AppError(
			'validation',
			`Plik ma błędy — nic nie zaimportowano: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ' …' : ''}.`,
			{
				csv: errors.join('\n')
			}
		);
	if (rows.length === 0)
		throw new AppError('validation', 'Plik nie ma żadnego wiersza z nazwą.', { csv: 'Plik jest pusty.' });
	if (rows.length > 2000)
		throw new AppError('validation', 'Plik może mieć najwyżej 2000 wierszy.', { csv: 'Za dużo wierszy.' });
	return rows;
}

export interface ImportResult {
	areasAdded: number;
	localitiesAdded: number;
	localitiesMoved: number;
}

/** Imports a CSV of sołectwa and localities; existing names (in any letter case) are reused. All or nothing. */
export async function importPlaces(ctx: Ctx, actor: Actor | null, group: Group, csv: unknown): Promise<ImportResult> {
	await assertCoordinator(ctx, actor, group.municipality_code);
	if (typeof csv !== 'string' || !csv.trim())
		throw new AppError('validation', 'Wybierz plik CSV z sołectwami i miejscowościami.', { csv: 'Wybierz plik.' });
	const rows = parsePlacesCsv(csv);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const existing = await tx
			.selectFrom('places')
			.select(['id', 'kind', 'name', 'area_id'])
			.where('group_id', '=', group.id)
			.forUpdate()
			.execute();
		const key = (name: string) => name.toLocaleLowerCase('pl');
		const areas = new Map(existing.filter((p) => p.kind !== 'locality').map((p) => [key(p.name), p.id]));
		const localities = new Map(
			existing.filter((p) => p.kind === 'locality').map((p) => [key(p.name), { id: p.id, areaId: p.area_id }])
		);
		const result: ImportResult = { areasAdded: 0, localitiesAdded: 0, localitiesMoved: 0 };
		for (const row of rows) {
			let areaId: string | null = null;
			if (row.area) {
				areaId = areas.get(key(row.area)) ?? null;
				if (!areaId) {
					areaId = (
						await tx
							.insertInto('places')
							.values({ group_id: group.id, kind: row.areaKind!, name: row.area, created_at: now })
							.returning('id')
							.executeTakeFirstOrThrow()
					).id;
					areas.set(key(row.area), areaId);
					result.areasAdded++;
				}
			}
			if (!row.locality) continue;
			const known = localities.get(key(row.locality));
			if (!known) {
				const { id } = await tx
					.insertInto('places')
					.values({ group_id: group.id, kind: 'locality', name: row.locality, area_id: areaId, created_at: now })
					.returning('id')
					.executeTakeFirstOrThrow();
				localities.set(key(row.locality), { id, areaId });
				result.localitiesAdded++;
			} else if (areaId && known.areaId !== areaId) {
				await tx.updateTable('places').set({ area_id: areaId }).where('id', '=', known.id).execute();
				known.areaId = areaId;
				result.localitiesMoved++;
			}
		}
		return result;
	});
}

/** The places a member follows in a group (home, work, parents…). */
export async function memberPlaceIds(db: Db, groupId: string, userId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('member_places')
		.select('place_id')
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.execute();
	return rows.map((r) => r.place_id);
}

/** Replaces the places a member follows, in the caller's transaction. */
export async function writeMemberPlaces(tx: Db, groupId: string, userId: string, placeIds: string[]): Promise<void> {
	await tx.deleteFrom('member_places').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
	if (placeIds.length)
		await tx
			.insertInto('member_places')
			.values(placeIds.map((place_id) => ({ group_id: groupId, user_id: userId, place_id })))
			.execute();
}

export const memberPlacesSchema = z.object({
	places: z.array(z.string()).max(10, 'Wybierz najwyżej 10 miejscowości.').default([])
});

/** A member chooses the places they follow; none means the whole municipality. */
export async function setMemberPlaces(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<void> {
	assertSignedIn(actor, 'Zaloguj się, aby wybrać swoje miejscowości.');
	const access = await groupAccess(ctx, actor, group);
	if (access.membershipStatus !== 'approved' && access.membershipStatus !== 'pending')
		throw new AppError('forbidden', 'Miejscowości wybierają członkowie grupy — najpierw dołącz do grupy.');
	const data = parseInput(memberPlacesSchema, input);
	const ids = await groupPlaceIds(ctx.db, group.id, data.places);
	await ctx.db.transaction().execute((tx) => writeMemberPlaces(tx, group.id, actor.id, ids));
}
