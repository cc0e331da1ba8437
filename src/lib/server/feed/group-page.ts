import type { Actor, Ctx } from '../core/context';
import { categories } from '../groups/categories';
import { countPendingMemberships, getGroupForReading } from '../groups/groups';
import { groupAccess } from '../access/group-access';
import { can } from '../access/policy';
import { unitTypeLabel } from '../groups/unit-types';
import { placeChoices, placePicker, placeTree } from '../places/places';
import { alertKinds, defaultAlertChoice } from '../alerts/alerts';
import { listFeed, listOwnPendingPosts, searchPosts } from './feed-query';
import { unitsToAsk } from '../questions/questions';

/** What the group page is asked for: `?kategoria=`, `?kursor=`, `?jednostka=`, `?miejsce=`, `?q=`. */
export interface GroupPageQuery {
	category: string | null;
	place?: string | null;
	cursor: string | null;
	unit: string | null;
	q: string | null;
}

/**
 * A group's page (`/g/{slug}`) as the actor may see it: the feed (or search results), the actor's
 * access and what waits for them (own held posts; for moderators pending members and posts), and
 * the unit chosen with `?jednostka=`.
 */
export async function groupPage(ctx: Ctx, actor: Actor | null, slug: string, query: GroupPageQuery) {
	const { group, municipality } = await getGroupForReading(ctx.db, slug);
	const access = await groupAccess(ctx, actor, group);
	const category = query.category || null;
	const cursor = query.cursor || null;
	const unitSlug = query.unit || null;
	const placeId = query.place || null;
	const q = (query.q ?? '').trim();
	const readable = can(access.role, 'read', group);
	const [feed, search, ownPending, pendingMembers, pendingPosts, tree] = await Promise.all([
		readable && !q ? listFeed(ctx, actor, group, { category, cursor, unitSlug, placeId, access }) : null,
		readable && q ? searchPosts(ctx, actor, group, q) : null,
		listOwnPendingPosts(ctx, actor, group),
		can(access.role, 'decideMembership', group) ? countPendingMemberships(ctx.db, group.id) : 0,
		can(access.role, 'moderate', group)
			? ctx.db
					.selectFrom('posts')
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.where('group_id', '=', group.id)
					.where('status', '=', 'pending')
					.executeTakeFirstOrThrow()
					.then((r) => Number(r.n))
			: 0,
		placeTree(ctx.db, group.id)
	]);
	// Unit staff publish, comment and read as the unit without joining: the page never asks them to.
	const canJoin =
		can(access.role, 'join', group) && access.role !== 'publisher' && access.membershipStatus !== 'pending';
	const places = placeChoices(tree);
	return {
		group: {
			id: group.id,
			slug: group.slug,
			name: group.name,
			description: group.description,
			rules: group.rules,
			isPublic: group.is_public,
			memberCount: group.member_count,
			question: group.membership_question,
			needsApproval: group.member_posts_need_approval
		},
		municipality: {
			name: municipality.name,
			county: municipality.county,
			voivodeship: municipality.voivodeship,
			teryt: municipality.teryt_code
		},
		access: {
			role: access.role,
			units: access.units,
			membershipStatus: access.membershipStatus,
			canPost: can(access.role, 'post', group),
			canReact: can(access.role, 'react', group),
			canJoin,
			readable,
			moderates: can(access.role, 'moderate', group)
		},
		feed,
		search,
		q,
		category,
		cursor,
		unit: unitSlug
			? await ctx.db
					.selectFrom('units')
					.select([
						'slug',
						'name',
						'type',
						'description',
						'verified',
						'contact_email',
						'contact_phone',
						'website',
						'logo_file'
					])
					.where('municipality_code', '=', group.municipality_code)
					.where('slug', '=', unitSlug)
					.executeTakeFirst()
					.then((u) => u && { ...u, typeLabel: unitTypeLabel(u.type) })
			: null,
		ownPending,
		pendingMembers,
		pendingPosts,
		categories: categories.map((c) => ({ code: c.code, label: c.label, official: c.official })),
		/** Whom the composer's question may ask: the office and the units of the municipality. */
		questionUnits: can(access.role, 'post', group) ? await unitsToAsk(ctx.db, group.municipality_code) : [],
		/** Sołectwa with their localities, for the composer and the feed's place filter. */
		places,
		place: placeId ? (places.find((p) => p.id === placeId) ?? null) : null,
		/** The join form's picker of the places one follows (only for someone who may join). */
		placePicker: canJoin ? placePicker(tree) : [],
		/** An approved member never asked about urgent alerts: the page asks once. */
		alertPrompt: access.alertsUnasked,
		/** The kinds of urgent alerts and what joining and the question suggest. */
		alertChoice: canJoin || access.alertsUnasked ? alertChoiceForm() : null,
		now: ctx.clock.now().toISOString()
	};
}

/** The alert kinds as the join form and the one-time question show them, with what is suggested. */
export const alertChoiceForm = () => ({
	kinds: Object.entries(alertKinds).map(([id, label]) => ({ id, label })),
	defaults: defaultAlertChoice
});
