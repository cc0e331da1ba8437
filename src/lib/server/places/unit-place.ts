import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { AppError, notFound } from '../core/errors';
import { isId, parseInput } from '../core/validation';
import { assertCoordinator } from '../access/office';
import { placeLabel, placeTree, type PlaceView } from './places';

export interface PlaceChoice {
	id: string;
	/** "sołectwo Guzów", "Babski Borek (sołectwo Babskie Budy)". */
	label: string;
}

/** One group's places as a picker lists them: areas first, then every locality. */
export interface GroupPlaceChoices {
	slug: string;
	name: string;
	areas: PlaceChoice[];
	localities: PlaceChoice[];
}

const collator = new Intl.Collator('pl');

/** The places a unit of the municipality may speak for: those of the municipality's groups. */
export async function unitPlaceChoices(db: Db, municipalityCode: string): Promise<GroupPlaceChoices[]> {
	const groups = await db
		.selectFrom('groups')
		.select(['id', 'slug', 'name'])
		.where('municipality_code', '=', municipalityCode)
		.orderBy('name')
		.execute();
	return Promise.all(
		groups.map(async (g) => {
			const tree = await placeTree(db, g.id);
			const localities = [...tree.byId.values()]
				.filter((p) => p.kind === 'locality')
				.map((p) => ({ id: p.id, label: placeLabel(tree, p) }))
				.sort((a, b) => collator.compare(a.label, b.label));
			return {
				slug: g.slug,
				name: g.name,
				areas: tree.areas.map((a) => ({ id: a.id, label: placeLabel(tree, a) })),
				localities
			};
		})
	);
}

export const unitPlaceSchema = z.object({
	placeId: z
		.string({ error: 'Wybierz miejsce z listy albo „brak”.' })
		.nullable()
		.refine((v) => !v || isId(v), 'Wybierz miejsce z listy.')
});

/**
 * The coordinator sets the place a unit speaks for ("Sołtys sołectwa Guzów": sołectwo Guzów), the
 * default place of its posts; an empty `placeId` (or null) clears it. Returns the place set.
 */
export async function setUnitPlace(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	input: unknown
): Promise<PlaceView | null> {
	const unit = isId(unitId)
		? await ctx.db.selectFrom('units').select(['id', 'municipality_code']).where('id', '=', unitId).executeTakeFirst()
		: undefined;
	if (!unit) throw notFound('Nie ma takiej jednostki.');
	await assertCoordinator(ctx, actor, unit.municipality_code, 'Jednostkami gminy zarządza koordynator gminy.');
	const { placeId } = parseInput(unitPlaceSchema, input);
	let place: PlaceView | null = null;
	if (placeId) {
		const row = await ctx.db
			.selectFrom('places')
			.innerJoin('groups', 'groups.id', 'places.group_id')
			.select(['places.id', 'places.kind', 'places.name', 'places.area_id'])
			.where('places.id', '=', placeId)
			.where('groups.municipality_code', '=', unit.municipality_code)
			.executeTakeFirst();
		if (!row)
			throw new AppError('validation', 'Wybierz miejsce z listy.', {
				placeId: 'Nie ma takiego miejsca w tej gminie.'
			});
		place = { id: row.id, kind: row.kind, name: row.name, areaId: row.area_id };
	}
	await ctx.db
		.updateTable('units')
		.set({ place_id: place?.id ?? null })
		.where('id', '=', unit.id)
		.execute();
	return place;
}
