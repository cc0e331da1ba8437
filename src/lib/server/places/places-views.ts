import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { assertSignedIn } from '../access/actor';
import { assertCoordinator } from '../access/office';
import { getGroup } from '../groups/groups';
import { placeKindLabels, placeLabel, placeTree, type PlaceView } from './places';
import { authorizeInGroup } from '../access/group-access';

const collator = new Intl.Collator('pl');

const REFUSAL = 'Sołectwa, osiedla i miejscowości gminy zmienia jej koordynator.';

/** The groups of the municipalities the actor coordinates, by name. */
function coordinatedGroups(ctx: Ctx, actor: Actor) {
	return ctx.db
		.selectFrom('groups as g')
		.innerJoin('coordinators as c', 'c.municipality_code', 'g.municipality_code')
		.select(['g.slug', 'g.name'])
		.where('c.user_id', '=', actor.id)
		.orderBy('g.name')
		.execute();
}

/**
 * The places editor (`/urzad/miejsca`): a group's sołectwa and osiedla with their localities, the
 * localities outside any, and for each place the units that speak for it and how many members
 * follow it. The group by slug, else the first the actor coordinates; for its coordinator or the
 * operator.
 */
export async function placesEditor(ctx: Ctx, actor: Actor | null, slug: string | null) {
	assertSignedIn(actor, 'Zaloguj się, aby zmieniać sołectwa i miejscowości gminy.');
	const groups = await coordinatedGroups(ctx, actor);
	const chosen = slug || groups[0]?.slug;
	if (!chosen)
		throw actor.isOperator
			? new AppError('validation', 'Wybierz grupę: otwórz „Sołectwa i miejscowości” z panelu urzędu jej gminy.')
			: new AppError('forbidden', REFUSAL);
	const group = await getGroup(ctx.db, chosen);
	await assertCoordinator(ctx, actor, group.municipality_code, REFUSAL);
	const [tree, units, followers] = await Promise.all([
		placeTree(ctx.db, group.id),
		ctx.db
			.selectFrom('units')
			.innerJoin('places', 'places.id', 'units.place_id')
			.select(['units.id', 'units.name', 'places.id as placeId'])
			.where('places.group_id', '=', group.id)
			.orderBy('units.name')
			.execute(),
		ctx.db
			.selectFrom('member_places')
			.select(['place_id', sql<number>`count(*)::int`.as('n')])
			.where('group_id', '=', group.id)
			.groupBy('place_id')
			.execute()
	]);
	const followersOf = new Map(followers.map((f) => [f.place_id, f.n]));
	const view = (p: PlaceView) => ({
		id: p.id,
		kind: p.kind,
		kindLabel: placeKindLabels[p.kind],
		name: p.name,
		areaId: p.areaId,
		units: units.filter((u) => u.placeId === p.id).map((u) => ({ id: u.id, name: u.name })),
		followers: followersOf.get(p.id) ?? 0
	});
	const localities = tree.areas.reduce((n, a) => n + a.localities.length, tree.unassigned.length);
	return {
		group: { slug: group.slug, name: group.name },
		/** The groups to switch between (more than one when the actor coordinates several). */
		groups: groups.some((g) => g.slug === group.slug) ? groups : [{ slug: group.slug, name: group.name }],
		areas: tree.areas.map((a) => ({ ...view(a), localities: a.localities.map(view) })),
		unassigned: tree.unassigned.map(view),
		counts: { areas: tree.areas.length, localities, unassigned: tree.unassigned.length }
	};
}

/** A group's places for the API (`GET /groups/{slug}/places`): whoever may read the group. */
export async function listGroupPlaces(ctx: Ctx, actor: Actor | null, slug: string) {
	const group = await getGroup(ctx.db, slug);
	await authorizeInGroup(ctx, actor, group, 'read');
	const tree = await placeTree(ctx.db, group.id);
	return [...tree.byId.values()]
		.map((p) => ({ id: p.id, kind: p.kind, name: p.name, label: placeLabel(tree, p), areaId: p.areaId }))
		.sort((a, b) => collator.compare(a.label, b.label));
}
