// Pakiet 3 "Region": a promoted post also appears in the groups of neighbouring municipalities.
// The coordinator chooses where (by default the public groups of the other municipalities of the
// same powiat); a target group's moderators may refuse a source. The post keeps one thread: the
// target's members read, react and comment on it through `/g/{target}/p/{id}`
// (`access/post-access.ts authorizeOnPost` with `via`).
import { z } from 'zod';
import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { idSchema, isId, parseInput } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { assertCoordinator } from '../access/office';
import { authorizeInGroup } from '../access/group-access';
import { packageIncludes } from '../access/package-state';
import { logAction } from '../audit/audit-log';
import { forgetGroupForReading, getGroup } from '../groups/groups';

/** At most this many target groups in a coordinator's list. */
export const MAX_TARGETS = 50;
const CANDIDATES_SHOWN = 200;

export interface CrossPostGroup {
	id: string;
	slug: string;
	name: string;
}

/**
 * The groups a promoted post of the source group goes to: the coordinator's list
 * (`groups.cross_post_targets`), or without one the public groups of the other municipalities of
 * the same powiat; never the source itself, nor a group whose moderators refused this source.
 */
export async function crossPostTargets(db: Db, sourceGroupId: string): Promise<CrossPostGroup[]> {
	if (!isId(sourceGroupId)) return [];
	const source = await db
		.selectFrom('groups as g')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.select(['g.id', 'g.municipality_code', 'g.cross_post_targets', 'm.county', 'm.voivodeship'])
		.where('g.id', '=', sourceGroupId)
		.executeTakeFirst();
	if (!source) return [];
	const chosen = source.cross_post_targets;
	if (chosen && chosen.length === 0) return [];
	return db
		.selectFrom('groups as t')
		.innerJoin('municipalities as tm', 'tm.teryt_code', 't.municipality_code')
		.select(['t.id', 't.slug', 't.name'])
		.where('t.id', '!=', source.id)
		.$if(chosen === null, (q) =>
			q
				.where('tm.county', '=', source.county)
				.where('tm.voivodeship', '=', source.voivodeship)
				.where('t.municipality_code', '!=', source.municipality_code)
				.where('t.is_public', '=', true)
		)
		.$if(chosen !== null, (q) => q.where('t.id', 'in', chosen!.map(String)))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('cross_post_refusals as r')
						.select('r.group_id')
						.whereRef('r.group_id', '=', 't.id')
						.where('r.source_group_id', '=', source.id)
				)
			)
		)
		.orderBy('t.name')
		.execute();
}

/**
 * Shows a promoted post in the source group's targets (in the caller's transaction, Pakiet 3 only:
 * the caller checks the package). A group it is already in keeps its row. Returns how many groups
 * it was added to.
 */
export async function crossPostInto(
	tx: Db,
	clock: Clock,
	p: { promotionId: string; postId: string; sourceGroupId: string }
): Promise<number> {
	const targets = await crossPostTargets(tx, p.sourceGroupId);
	if (targets.length === 0) return 0;
	const added = await tx
		.insertInto('cross_posts')
		.values(
			targets.map((t) => ({ post_id: p.postId, group_id: t.id, promotion_id: p.promotionId, created_at: clock.now() }))
		)
		.onConflict((oc) => oc.columns(['post_id', 'group_id']).doNothing())
		.returning('group_id')
		.execute();
	return added.length;
}

const REFUSAL = 'Zasięg regionalny grupy ustawia koordynator gminy.';

/** The named group, or the first group the actor coordinates; refused to anyone else. */
async function coordinatedGroup(ctx: Ctx, actor: Actor | null, slug: string | null): Promise<Group> {
	assertSignedIn(actor);
	const group = slug
		? await getGroup(ctx.db, slug)
		: await ctx.db
				.selectFrom('groups as g')
				.selectAll('g')
				.$if(!actor.isOperator, (q) =>
					q.innerJoin('coordinators as c', (j) =>
						j.onRef('c.municipality_code', '=', 'g.municipality_code').on('c.user_id', '=', actor.id)
					)
				)
				.orderBy('g.name')
				.executeTakeFirst();
	if (!group) throw new AppError('forbidden', REFUSAL);
	await assertCoordinator(ctx, actor, group.municipality_code, REFUSAL);
	return group;
}

export interface RegionalCandidate extends CrossPostGroup {
	municipality: string;
	county: string;
	samePowiat: boolean;
	isPublic: boolean;
	/** Among the default targets: a public group of another municipality of the powiat. */
	inDefault: boolean;
	/** On the coordinator's list (or, by default, among the powiat's groups). */
	selected: boolean;
	/** When its moderators refused posts from this group. */
	refusedAt: string | null;
}

/**
 * The coordinator's `/urzad/zasieg`: where the group's promoted posts go (the list, or by default
 * the powiat's groups), the candidates (the same powiat first, then the rest of the voivodeship,
 * narrowed by `q`; chosen groups always shown), which targets refused, and whether the package in
 * force includes cross-posting (the choice can be prepared without it).
 */
export async function regionalReach(ctx: Ctx, actor: Actor | null, slug: string | null, q: string | null) {
	const group = await coordinatedGroup(ctx, actor, slug);
	const place = await ctx.db
		.selectFrom('municipalities')
		.select(['name', 'county', 'voivodeship'])
		.where('teryt_code', '=', group.municipality_code)
		.executeTakeFirstOrThrow();
	const chosen = (group.cross_post_targets ?? []).map(String);
	const search = (q ?? '').trim().slice(0, 100);
	const [rows, targets, included] = await Promise.all([
		ctx.db
			.selectFrom('groups as t')
			.innerJoin('municipalities as tm', 'tm.teryt_code', 't.municipality_code')
			.leftJoin('cross_post_refusals as r', (j) =>
				j.onRef('r.group_id', '=', 't.id').on('r.source_group_id', '=', group.id)
			)
			.select([
				't.id',
				't.slug',
				't.name',
				't.is_public',
				't.municipality_code',
				'tm.name as municipality',
				'tm.county',
				'r.refused_at'
			])
			.select(sql<boolean>`tm.county = ${place.county} and tm.voivodeship = ${place.voivodeship}`.as('same_powiat'))
			.where('t.id', '!=', group.id)
			.where((eb) => {
				const inRegion = eb('tm.voivodeship', '=', place.voivodeship);
				const matching = search
					? eb.and([
							inRegion,
							eb.or([
								eb('t.name', 'ilike', `%${escapeLike(search)}%`),
								eb('tm.name', 'ilike', `%${escapeLike(search)}%`)
							])
						])
					: inRegion;
				return chosen.length ? eb.or([matching, eb('t.id', 'in', chosen)]) : matching;
			})
			.orderBy(sql`tm.county = ${place.county} and tm.voivodeship = ${place.voivodeship}`, 'desc')
			.orderBy('t.name')
			.limit(CANDIDATES_SHOWN)
			.execute(),
		crossPostTargets(ctx.db, group.id),
		packageIncludes(ctx, group.id, 'pakiet3')
	]);
	const byDefault = group.cross_post_targets === null;
	const candidates: RegionalCandidate[] = rows.map((r) => {
		const inDefault = r.same_powiat && r.is_public && r.municipality_code !== group.municipality_code;
		return {
			id: r.id,
			slug: r.slug,
			name: r.name,
			municipality: r.municipality,
			county: r.county,
			samePowiat: r.same_powiat,
			isPublic: r.is_public,
			inDefault,
			selected: byDefault ? inDefault : chosen.includes(r.id),
			refusedAt: r.refused_at?.toISOString() ?? null
		};
	});
	return {
		group: { slug: group.slug, name: group.name },
		municipality: place.name,
		county: place.county,
		included,
		byDefault,
		search,
		candidates,
		/** Where a promoted post goes now (refusals left out). */
		targets,
		refused: candidates.filter((c) => c.refusedAt && c.selected)
	};
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const reachSchema = z.discriminatedUnion('mode', [
	z.object({ mode: z.literal('default') }),
	z.object({
		mode: z.literal('list'),
		targets: z
			.array(idSchema('Nie ma takiej grupy.'), { error: 'Wybierz grupy z listy.' })
			.max(MAX_TARGETS, `Można wybrać najwyżej ${MAX_TARGETS} grup.`)
	})
]);

/**
 * Saves the coordinator's choice: `default` (the powiat's groups, `NULL`) or the list of groups
 * (possibly empty: no cross-posting). Unknown groups and the group itself are refused.
 */
export async function setRegionalReach(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: unknown
): Promise<{ byDefault: boolean; targets: number }> {
	const group = await coordinatedGroup(ctx, actor, slug);
	const data = parseInput(
		z.preprocess(
			(v) => (v && typeof v === 'object' && (v as { mode?: unknown }).mode !== 'default' ? { ...v, mode: 'list' } : v),
			reachSchema
		),
		input
	);
	if (data.mode === 'default') {
		await ctx.db.updateTable('groups').set({ cross_post_targets: null }).where('id', '=', group.id).execute();
		forgetGroupForReading(group.slug);
		return { byDefault: true, targets: (await crossPostTargets(ctx.db, group.id)).length };
	}
	const ids = [...new Set(data.targets)];
	if (ids.includes(group.id))
		throw new AppError('validation', 'Grupa nie może pokazywać postów sama sobie.', {
			targets: 'Odznacz własną grupę.'
		});
	const found = ids.length ? await ctx.db.selectFrom('groups').select('id').where('id', 'in', ids).execute() : [];
	if (found.length !== ids.length)
		throw new AppError('validation', 'Część wybranych grup już nie istnieje. Odśwież stronę i wybierz ponownie.', {
			targets: 'Nie ma takiej grupy.'
		});
	await ctx.db.updateTable('groups').set({ cross_post_targets: ids }).where('id', '=', group.id).execute();
	forgetGroupForReading(group.slug);
	return { byDefault: false, targets: (await crossPostTargets(ctx.db, group.id)).length };
}

export interface CrossPostSource extends CrossPostGroup {
	municipality: string;
	/** Its coordinator chose this group (rather than the powiat default). */
	chosen: boolean;
	/** Its package in force includes cross-posting (Pakiet 3). */
	active: boolean;
	/** Its posts shown here now. */
	posts: number;
	refusedAt: string | null;
	refusedBy: string | null;
}

/**
 * The moderators' "Posty z innych gmin": every group whose promoted posts would come here (its
 * coordinator's list names this group, or by default it is in the same powiat and this group is
 * public), refused ones included, with how many of its posts are shown here now.
 */
export async function crossPostSources(ctx: Ctx, actor: Actor | null, group: Group): Promise<CrossPostSource[]> {
	await authorizeInGroup(ctx, actor, group, 'moderate');
	const here = await ctx.db
		.selectFrom('municipalities')
		.select(['county', 'voivodeship'])
		.where('teryt_code', '=', group.municipality_code)
		.executeTakeFirstOrThrow();
	const rows = await ctx.db
		.selectFrom('groups as s')
		.innerJoin('municipalities as sm', 'sm.teryt_code', 's.municipality_code')
		.leftJoin('cross_post_refusals as r', (j) =>
			j.onRef('r.source_group_id', '=', 's.id').on('r.group_id', '=', group.id)
		)
		.leftJoin('users as u', 'u.id', 'r.refused_by')
		.select(['s.id', 's.slug', 's.name', 'sm.name as municipality', 'r.refused_at', 'u.display_name as refused_by'])
		.select(sql<boolean>`s.cross_post_targets is not null`.as('chosen'))
		.select((eb) =>
			eb
				.selectFrom('cross_posts as cp')
				.innerJoin('posts as p', 'p.id', 'cp.post_id')
				.select(eb.fn.countAll<string>().as('n'))
				.where('cp.group_id', '=', group.id)
				.whereRef('p.group_id', '=', 's.id')
				.as('posts')
		)
		.where('s.id', '!=', group.id)
		.where((eb) =>
			eb.or([
				sql<boolean>`${group.id}::bigint = any(s.cross_post_targets)`,
				eb.and([
					eb('s.cross_post_targets', 'is', null),
					eb('sm.county', '=', here.county),
					eb('sm.voivodeship', '=', here.voivodeship),
					eb('s.municipality_code', '!=', group.municipality_code),
					eb.val(group.is_public)
				]),
				eb('r.group_id', 'is not', null)
			])
		)
		.orderBy('s.name')
		.execute();
	const active = await Promise.all(rows.map((r) => packageIncludes(ctx, r.id, 'pakiet3')));
	return rows.map((r, i) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		municipality: r.municipality,
		chosen: r.chosen,
		active: active[i],
		posts: Number(r.posts ?? 0),
		refusedAt: r.refused_at?.toISOString() ?? null,
		refusedBy: r.refused_at ? r.refused_by : null
	}));
}

async function sourceGroup(db: Db, group: Group, sourceGroupId: string): Promise<Group> {
	if (!isId(sourceGroupId)) throw notFound('Nie ma takiej grupy.');
	const source = await db.selectFrom('groups').selectAll().where('id', '=', sourceGroupId).executeTakeFirst();
	if (!source) throw notFound('Nie ma takiej grupy.');
	if (source.id === group.id)
		throw new AppError('validation', 'Grupa nie pokazuje własnych postów jako postów z innej gminy.');
	return source;
}

export interface RefusalPreview {
	source: { id: string; name: string };
	/** Its posts shown here now: refusing takes them off this group's feed at once. */
	posts: number;
}

/** What refusing a source would do, for the moderator to confirm first (`/moderacja/zrodla`). */
export async function previewRefusal(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	sourceGroupId: string
): Promise<RefusalPreview> {
	await authorizeInGroup(ctx, actor, group, 'moderate');
	const source = await sourceGroup(ctx.db, group, sourceGroupId);
	const shown = await ctx.db
		.selectFrom('cross_posts as cp')
		.innerJoin('posts as p', 'p.id', 'cp.post_id')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('cp.group_id', '=', group.id)
		.where('p.group_id', '=', source.id)
		.executeTakeFirstOrThrow();
	return { source: { id: source.id, name: source.name }, posts: Number(shown.n) };
}

/**
 * A target group's moderator refuses a source group: its promoted posts stop coming here and the
 * ones shown here now leave this group's feed (they stay in their own group, with their comments),
 * logged — one transaction. Refusing again changes nothing. Returns how many posts left the feed.
 */
export async function refuseCrossPostSource(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	sourceGroupId: string
): Promise<{ removed: number; source: string }> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	const source = await sourceGroup(ctx.db, group, sourceGroupId);
	return ctx.db.transaction().execute(async (tx) => {
		const refused = await tx
			.insertInto('cross_post_refusals')
			.values({ group_id: group.id, source_group_id: source.id, refused_by: moderator.id, refused_at: ctx.clock.now() })
			.onConflict((oc) => oc.columns(['group_id', 'source_group_id']).doNothing())
			.returning('group_id')
			.executeTakeFirst();
		if (!refused) return { removed: 0, source: source.name };
		const removed = await tx
			.deleteFrom('cross_posts')
			.where('group_id', '=', group.id)
			.where('post_id', 'in', (eb) => eb.selectFrom('posts').select('id').where('group_id', '=', source.id))
			.returning('post_id')
			.execute();
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: moderator.id,
			action: 'cross_post_refused',
			facts: `Posty z grupy „${source.name}” nie będą się tu pokazywać; usunięte z tablicy: ${removed.length}.`
		});
		return { removed: removed.length, source: source.name };
	});
}

/** Takes a refusal back: the source's next promoted posts come here again (earlier ones do not). */
export async function allowCrossPostSource(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	sourceGroupId: string
): Promise<{ source: string }> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	const source = await sourceGroup(ctx.db, group, sourceGroupId);
	await ctx.db.transaction().execute(async (tx) => {
		const allowed = await tx
			.deleteFrom('cross_post_refusals')
			.where('group_id', '=', group.id)
			.where('source_group_id', '=', source.id)
			.returning('group_id')
			.executeTakeFirst();
		if (!allowed) return;
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: moderator.id,
			action: 'cross_post_allowed',
			facts: `Wyróżnione posty z grupy „${source.name}” znów mogą się tu pokazywać.`
		});
	});
	return { source: source.name };
}
