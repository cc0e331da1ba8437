import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { EventResponse, Group, QuestionState, ReactionKind } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId, isReasonableDate } from '../core/validation';
import { categoryCodes } from '../groups/categories';
import { groupAccess, type GroupAccess } from '../access/group-access';
import { assertCan, can } from '../access/policy';
import { authorizeOnPost } from '../access/post-access';
import { foldText } from '../text/fold';
import { placeFilter } from '../places/places';
import { presentPost, type FeedItem, type PostImage } from './present';
import { pollColumn } from '../polls/polls';

export const FEED_PAGE_SIZE = 20;

const postColumns = [
	'p.id',
	'g.slug as group_slug',
	'u.display_name as author_name',
	'un.name as unit_name',
	'un.slug as unit_slug',
	'un.type as unit_type',
	'un.verified as unit_verified',
	'un.logo_file as unit_logo',
	'p.category',
	'p.body',
	'p.mentions',
	'p.status',
	'p.moderation_reason',
	'p.created_at',
	'p.published_at',
	'p.edited_at',
	'p.scheduled_for',
	'p.comments_enabled',
	'p.pinned',
	'p.urgent_until',
	'p.alert_kind',
	'p.alert_title',
	'p.alert_sent',
	'p.all_clear_at',
	'p.all_clear_text',
	'p.event_start',
	'p.event_end',
	'p.event_place',
	'p.comment_count',
	'p.reaction_count',
	'p.reaction_counts',
	'p.view_count',
	'p.share_count'
] as const;

/**
 * Posts with everything a card shows, in one query: author or unit, images, and the viewer's own
 * reaction come as columns, so a page costs one round trip to the database.
 */
export function postRows(db: Db, viewerId?: string, feed?: { groupId: string; now: Date }) {
	return db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.innerJoin('users as u', 'u.id', 'p.author_id')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select(postColumns)
		.select((eb) => [
			eb
				.selectFrom('post_images as i')
				.select(
					sql<
						PostImage[] | null
					>`coalesce(json_agg(json_build_object('file', i.file_name, 'width', i.width, 'height', i.height, 'alt', i.alt) order by i.position), '[]'::json)`.as(
						'images'
					)
				)
				.whereRef('i.post_id', '=', 'p.id')
				.as('images'),
			eb
				.selectFrom('post_places as pp')
				.innerJoin('places as pl', 'pl.id', 'pp.place_id')
				.select(
					// As placeLabel writes them: a sołectwo and a village often share a name.
					sql<
						string[] | null
					>`array_agg(CASE pl.kind WHEN 'solectwo' THEN 'sołectwo ' WHEN 'osiedle' THEN 'osiedle ' ELSE '' END
						|| pl.name ORDER BY pl.name)`.as('places')
				)
				.whereRef('pp.post_id', '=', 'p.id')
				.as('places'),
			// A resident's question to the office or a unit: whom it asks and whether they answered.
			sql<QuestionLabel | null>`(SELECT json_build_object('unit', qu.name, 'state', q.state, 'from', qf.name,
				'answeredAt', q.answered_at, 'answer', q.answer_comment_id::text)
				FROM questions q JOIN units qu ON qu.id = q.unit_id LEFT JOIN units qf ON qf.id = q.forwarded_from
				WHERE q.post_id = p.id)`.as('question'),
			// An event's "Wezmę udział" / "Interesuje mnie" counts (the reader's own answer is theirs).
			sql<EventCounts | null>`CASE WHEN p.event_start IS NOT NULL THEN (SELECT json_build_object(
				'going', count(*) FILTER (WHERE er.response = 'going'),
				'interested', count(*) FILTER (WHERE er.response = 'interested'))
				FROM event_responses er WHERE er.post_id = p.id) END`.as('event_counts'),
			pollColumn.as('poll'),
			viewerId
				? sql<
						number[] | null
					>`(SELECT array_agg(v.option ORDER BY v.option) FROM poll_votes v WHERE v.post_id = p.id AND v.user_id = ${viewerId})`.as(
						'my_poll_votes'
					)
				: sql<number[] | null>`null`.as('my_poll_votes'),
			viewerId
				? eb
						.selectFrom('event_responses as er')
						.select('er.response')
						.whereRef('er.post_id', '=', 'p.id')
						.where('er.user_id', '=', viewerId)
						.as('my_event_response')
				: sql<EventResponse | null>`null`.as('my_event_response'),
			viewerId
				? eb
						.selectFrom('post_reactions as r')
						.select('r.kind')
						.whereRef('r.post_id', '=', 'p.id')
						.where('r.user_id', '=', viewerId)
						.as('my_reaction')
				: sql<ReactionKind | null>`null`.as('my_reaction'),
			// In a feed: the post's promotion running now ("Wyróżnione przez …"), and for a post
			// cross-posted from a neighbouring group, the source municipality ("Z gminy …").
			feed
				? sql<PromotionLabel | null>`(SELECT json_build_object('id', pr.id::text, 'sponsor', pr.sponsor_name, 'endsAt', pr.ends_at)
						FROM promotions pr WHERE pr.post_id = p.id AND pr.cancelled_at IS NULL
						AND pr.starts_at <= ${feed.now} AND pr.ends_at > ${feed.now} ORDER BY pr.id DESC LIMIT 1)`.as('promotion')
				: sql<PromotionLabel | null>`null`.as('promotion'),
			feed
				? sql<
						string | null
					>`CASE WHEN p.group_id <> ${feed.groupId} THEN (SELECT m.name FROM municipalities m WHERE m.teryt_code = g.municipality_code) END`.as(
						'cross_from'
					)
				: sql<string | null>`null`.as('cross_from')
		]);
}

/** An event's answers, as a row carries them. */
export interface EventCounts {
	going: number;
	interested: number;
}

/** A promotion running now, as a feed row carries it (JSON: `endsAt` is a string). */
export interface PromotionLabel {
	id: string;
	sponsor: string;
	endsAt: string;
}

/** A post's question, as a row carries it (JSON: `answeredAt` is a string). */
export interface QuestionLabel {
	unit: string;
	state: QuestionState;
	from: string | null;
	answeredAt: string | null;
	answer: string | null;
}

/** A row of `postRows`, as Kysely infers it from the query and the generated table types. */
export type PostRow = Awaited<ReturnType<ReturnType<typeof postRows>['execute']>>[number];

const present = (rows: PostRow[], now: Date): FeedItem[] => rows.map((r) => presentPost(r, now));

export function encodeCursor(item: { createdAt: string; id: string }): string {
	return Buffer.from(`${item.createdAt}|${item.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
	const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
	const date = new Date(at);
	if (!isId(id) || !isReasonableDate(date)) throw new AppError('validation', 'Nieprawidłowy kursor strony.');
	return { at: date, id };
}

export interface FeedQueryOptions {
	groupId: string;
	limit: number;
	category: string | null;
	unitId: string | null;
	/** Only posts naming one of these places (a place and the places it contains or belongs to). */
	placeIds?: string[] | null;
	cursor: { at: Date; id: string } | null;
	now: Date;
}

/**
 * The one query behind a feed page: limit + 1 posts after the cursor, newest first, with the
 * posts cross-posted into the group from its neighbours (Pakiet 3) merged in; on the first page
 * also the urgent, promoted (not yet scrolled past by the viewer) and pinned posts (UNION ALL,
 * flagged by `featured`). Nothing in it depends on the viewer, so readers share its result (`FeedRowCache`);
 * `viewerOverlay` adds each reader's own part. Exported so the benchmark can EXPLAIN exactly what the app runs.
 */
export function feedQuery(db: Db, o: FeedQueryOptions) {
	// The page's post ids first (each branch on `posts` and its indexes alone), then everything a
	// card shows joined once: PostgreSQL plans the card's joins and sub-selects once instead of once
	// per branch (planning was most of the query's time: ~11 ms of 12).
	return postRows(db, undefined, { groupId: o.groupId, now: o.now })
		.innerJoin(feedPostIds(db, o).as('f'), 'f.id', 'p.id')
		.select('f.featured');
}

function feedPostIds(db: Db, o: FeedQueryOptions) {
	const rows = () => db.selectFrom('posts as p').select('p.id').where('p.status', '=', 'published');
	// Cross-posts are the municipality's neighbours' posts: a unit or place filter excludes them.
	const withCross = !o.unitId && !o.placeIds;
	const crossPosts = () =>
		rows().innerJoin('cross_posts as cp', (join) =>
			join.onRef('cp.post_id', '=', 'p.id').on('cp.group_id', '=', o.groupId)
		);
	const filtered = <Q extends ReturnType<typeof rows>>(query: Q): Q => {
		let f = query;
		if (o.category) f = f.where('p.category', '=', o.category) as Q;
		if (o.unitId) f = f.where('p.unit_id', '=', o.unitId) as Q;
		if (o.placeIds) f = f.where(namesPlace(o.placeIds)) as Q;
		return f;
	};
	const stream = <Q extends ReturnType<typeof rows>>(query: Q) => {
		const page = filtered(query)
			.select(sql<boolean>`false`.as('featured'))
			.orderBy('p.published_at', 'desc')
			.orderBy('p.id', 'desc')
			.limit(o.limit + 1);
		return o.cursor
			? page.where(sql<boolean>`(p.published_at, p.id) < (${o.cursor.at}, ${o.cursor.id}::bigint)`)
			: page;
	};
	const own = stream(
		rows()
			.where('p.group_id', '=', o.groupId)
			.where('p.pinned', '=', false)
			.where((eb) => eb.or([eb('p.urgent_until', 'is', null), eb('p.urgent_until', '<=', o.now)]))
	);
	let q = db.selectFrom(own.as('s')).selectAll();
	if (withCross) q = q.unionAll(db.selectFrom(stream(crossPosts()).as('x')).selectAll());
	if (o.cursor) return q;
	// Pinned and urgent posts through their partial index; promoted ones from the group's running
	// promotions (a few rows): as one OR, the planner would test every post of the group.
	const featured = filtered(rows().where('p.group_id', '=', o.groupId))
		.select(sql<boolean>`true`.as('featured'))
		.where((eb) => eb.or([eb('p.pinned', '=', true), eb('p.urgent_until', '>', o.now)]))
		.orderBy(sql`p.urgent_until > ${o.now}`, (ob) => ob.desc().nullsLast())
		.orderBy('p.published_at', 'desc')
		.limit(10);
	const promoted = filtered(rows().where('p.group_id', '=', o.groupId))
		.select(sql<boolean>`true`.as('featured'))
		.where(
			'p.id',
			'in',
			db
				.selectFrom('promotions as pr')
				.select('pr.post_id')
				.where('pr.group_id', '=', o.groupId)
				.where('pr.ends_at', '>', o.now)
				.where('pr.starts_at', '<=', o.now)
				.where('pr.cancelled_at', 'is', null)
		)
		.orderBy('p.published_at', 'desc')
		.limit(10);
	q = q.unionAll(db.selectFrom(featured.as('f')).selectAll());
	q = q.unionAll(db.selectFrom(promoted.as('pf')).selectAll());
	if (withCross)
		q = q.unionAll(
			db
				.selectFrom(
					filtered(crossPosts())
						.select(sql<boolean>`true`.as('featured'))
						.where(promotedUnseen(o))
						.orderBy('p.published_at', 'desc')
						.limit(5)
						.as('xf')
				)
				.selectAll()
		);
	return q;
}

/** The post has a promotion running now (whether this viewer has seen it is `viewerOverlay`'s part). */
const promotedUnseen = (o: FeedQueryOptions) =>
	sql<boolean>`EXISTS (SELECT 1 FROM promotions pr WHERE pr.post_id = p.id AND pr.cancelled_at IS NULL
		AND pr.starts_at <= ${o.now} AND pr.ends_at > ${o.now})`;

/** A reader's own part of a feed page: their reactions to its posts and the promotions they scrolled past or hid. */
export interface ViewerOverlay {
	reactions: Map<string, ReactionKind>;
	eventResponses: Map<string, EventResponse>;
	pollVotes: Map<string, number[]>;
	seenPromotions: Set<string>;
}

/** One indexed query for the reader's part of a page of shared rows. */
export async function viewerOverlay(
	db: Db,
	viewerId: string | undefined,
	rows: readonly PostRow[]
): Promise<ViewerOverlay> {
	const overlay: ViewerOverlay = {
		reactions: new Map(),
		eventResponses: new Map(),
		pollVotes: new Map(),
		seenPromotions: new Set()
	};
	if (!viewerId || rows.length === 0) return overlay;
	const postIds = [...new Set(rows.map((r) => r.id))];
	const promotionIds = rows.flatMap((r) => (r.promotion ? [r.promotion.id] : []));
	const eventIds = rows.flatMap((r) => (r.event_start ? [r.id] : []));
	const pollIds = rows.flatMap((r) => (r.poll ? [r.id] : []));
	const found = await sql<{ kind: 'reaction' | 'event' | 'poll' | 'seen'; id: string; value: string | null }>`
		SELECT 'reaction' AS kind, r.post_id::text AS id, r.kind AS value FROM post_reactions r
		WHERE r.user_id = ${viewerId} AND r.post_id = ANY (${postIds}::bigint[])
		UNION ALL
		SELECT 'event', er.post_id::text, er.response FROM event_responses er
		WHERE er.user_id = ${viewerId} AND er.post_id = ANY (${eventIds}::bigint[])
		UNION ALL
		SELECT 'poll', v.post_id::text, v.option::text FROM poll_votes v
		WHERE v.user_id = ${viewerId} AND v.post_id = ANY (${pollIds}::bigint[])
		UNION ALL
		SELECT 'seen', ps.promotion_id::text, NULL FROM promotion_seen ps
		WHERE ps.user_id = ${viewerId} AND ps.promotion_id = ANY (${promotionIds}::bigint[])`.execute(db);
	for (const f of found.rows)
		if (f.kind === 'reaction') overlay.reactions.set(f.id, f.value as ReactionKind);
		else if (f.kind === 'event') overlay.eventResponses.set(f.id, f.value as EventResponse);
		else if (f.kind === 'poll') overlay.pollVotes.set(f.id, [...(overlay.pollVotes.get(f.id) ?? []), Number(f.value)]);
		else overlay.seenPromotions.add(f.id);
	return overlay;
}

const newestFirst = (a: PostRow, b: PostRow) =>
	b.published_at!.getTime() - a.published_at!.getTime() || Number(b.id) - Number(a.id);

/** On top: urgent alerts, then promoted posts, then pinned ones; newest first within each. */
const byFeaturedOrder = (now: Date) => {
	const rank = (r: PostRow) => (r.urgent_until && r.urgent_until > now ? 0 : r.promotion ? 1 : 2);
	return (a: PostRow, b: PostRow) => rank(a) - rank(b) || newestFirst(a, b);
};

/** On top only because of a promotion: not pinned, no urgent alert running. */
const isOnlyPromoted = (r: PostRow, now: Date) =>
	!!r.promotion && !r.pinned && !(r.urgent_until && r.urgent_until > now);

/** The post names one of the places (a feed's or a calendar's place filter). */
export const namesPlace = (placeIds: string[]) =>
	sql<boolean>`EXISTS (SELECT 1 FROM post_places pp WHERE pp.post_id = p.id AND pp.place_id = ANY (${placeIds}::bigint[]))`;

export interface FeedPage {
	/** Urgent and pinned posts: on the first page only, above the rest. */
	featured: FeedItem[];
	items: FeedItem[];
	nextCursor: string | null;
}

/**
 * The feed: urgent (until they expire) and pinned posts first, then the newest. Pages by a
 * cursor over (published_at, id), so each page costs the same however large the group.
 */
export async function listFeed(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	opts: {
		cursor?: string | null;
		limit?: number;
		category?: string | null;
		unitSlug?: string | null;
		/** A place of the group: posts naming it, its sołectwo or its localities. */
		placeId?: string | null;
		access?: GroupAccess;
	} = {}
): Promise<FeedPage> {
	// Anyone may read a public group: the reader's standing is looked up only for a private one.
	if (opts.access) assertCan(opts.access.role, 'read', group);
	else if (!group.is_public) assertCan((await groupAccess(ctx, actor, group)).role, 'read', group);
	const limit = Math.min(Math.max(opts.limit ?? FEED_PAGE_SIZE, 1), 50);
	if (opts.category && !(categoryCodes as string[]).includes(opts.category))
		throw new AppError('validation', 'Nie ma takiej kategorii.');
	const now = ctx.clock.now();
	let unitId: string | null = null;
	if (opts.unitSlug) {
		const unit = await ctx.db
			.selectFrom('units')
			.select('id')
			.where('municipality_code', '=', group.municipality_code)
			.where('slug', '=', opts.unitSlug)
			.executeTakeFirst();
		if (!unit) throw notFound('Nie ma takiej jednostki w tej gminie.');
		unitId = unit.id;
	}
	const placeIds = opts.placeId ? await placeFilter(ctx.db, group.id, opts.placeId) : null;
	const options = {
		groupId: group.id,
		limit,
		category: opts.category ?? null,
		unitId,
		placeIds,
		cursor: opts.cursor ? decodeCursor(opts.cursor) : null
	};
	const load = () => feedQuery(ctx.db, { ...options, now }).execute();
	const shared = ctx.feedRows
		? await ctx.feedRows.get(group.id, JSON.stringify(options), actor?.id, load)
		: await load();
	const overlay = await viewerOverlay(ctx.db, actor?.id, shared);
	// The shared rows stay as they are; the reader gets their own reaction, and a promotion they have
	// scrolled past or hidden no longer lifts its post to the top (it stays in its place, labelled).
	const rows = shared
		.map((r) =>
			overlay.reactions.has(r.id) || overlay.eventResponses.has(r.id) || overlay.pollVotes.has(r.id)
				? {
						...r,
						my_reaction: overlay.reactions.get(r.id) ?? null,
						my_event_response: overlay.eventResponses.get(r.id) ?? null,
						my_poll_votes: overlay.pollVotes.get(r.id)?.sort((a, b) => a - b) ?? null
					}
				: r
		)
		.filter((r) => !(r.featured && isOnlyPromoted(r, now) && overlay.seenPromotions.has(r.promotion!.id)));
	// A pinned post that is also promoted comes from both branches: once on top.
	const featuredRows = [...new Map(rows.filter((r) => r.featured).map((r) => [r.id, r])).values()].sort(
		byFeaturedOrder(now)
	);
	const featuredIds = new Set(featuredRows.map((r) => r.id));
	// Own and cross-posted posts, merged newest first; a promoted post on top is not repeated below.
	const stream = rows.filter((r) => !r.featured).sort(newestFirst);
	const hasMore = stream.length > limit;
	const page = stream.slice(0, limit);
	const items = present(
		page.filter((r) => !featuredIds.has(r.id)),
		now
	);
	const last = page[page.length - 1];
	return {
		featured: present(featuredRows, now),
		items,
		nextCursor: hasMore ? encodeCursor({ createdAt: last.published_at!.toISOString(), id: last.id }) : null
	};
}

const ownPendingQuery = prepared((db: Db, groupId: string, authorId: string, since: Date) =>
	postRows(db, authorId)
		.where('p.group_id', '=', groupId)
		.where('p.author_id', '=', authorId)
		.where('p.status', 'in', ['pending', 'changes_requested', 'rejected', 'draft', 'scheduled'])
		.where('p.created_at', '>', since)
		.orderBy('p.created_at', 'desc')
		.limit(10)
);

/** The author's own posts still waiting for a moderator, shown to them above the feed (every signed-in page). */
export async function listOwnPendingPosts(ctx: Ctx, actor: Actor | null, group: Group): Promise<FeedItem[]> {
	if (!actor) return [];
	const now = ctx.clock.now();
	const rows = await ownPendingQuery(ctx.db, group.id, actor.id, new Date(now.getTime() - 30 * 24 * 3600_000));
	return present(rows, now);
}

/** Search within a group that ignores case and Polish diacritics ("zolw" finds "Żółw"). */
export async function searchPosts(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	query: string,
	limit = 20
): Promise<FeedItem[]> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'read', group);
	const q = foldText(query.trim()).replace(/\s+/g, ' ');
	if (q.length < 2) throw new AppError('validation', 'Wpisz co najmniej 2 znaki, aby wyszukać.');
	if (q.length > 100) throw new AppError('validation', 'Zapytanie może mieć najwyżej 100 znaków.');
	const rows = await postRows(ctx.db, actor?.id)
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published')
		.where('p.body_folded', 'like', `%${q.replace(/[\\%_]/g, '\\$&')}%`)
		.orderBy('p.published_at', 'desc')
		.orderBy('p.id', 'desc')
		.limit(Math.min(limit, 50))
		.execute();
	return present(rows, ctx.clock.now());
}

/** No user has this id: an anonymous reader's own reactions and held comments (none). */
export const NOBODY = '0';

const postQuery = prepared((db: Db, postId: string, readerId: string) =>
	postRows(db, readerId).select('p.author_id').where('p.id', '=', postId)
);

/** One post as the actor may see it: published ones by readers, others by the author and moderators. */
export async function getPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	via?: string | null
): Promise<{ post: FeedItem; group: Group; access: GroupAccess; authorId: string; via: Group | null }> {
	// `via`: the group slug of the address, which may be a group the post was cross-posted into.
	const { group, access, via: seenIn } = await authorizeOnPost(ctx, actor, postId, 'read', via);
	const [row] = await postQuery(ctx.db, postId, actor?.id ?? NOBODY);
	if (!row) throw notFound('Nie ma takiego posta.');
	if (row.status !== 'published' && row.author_id !== actor?.id && !can(access.role, 'moderate', group))
		throw notFound('Nie ma takiego posta.');
	if (row.status === 'removed' && !can(access.role, 'moderate', group)) throw notFound('Ten post został usunięty.');
	const [post] = present([row], ctx.clock.now());
	if (post.alert)
		post.alert.updates = (
			await ctx.db
				.selectFrom('alert_updates')
				.select(['created_at', 'body'])
				.where('post_id', '=', postId)
				.orderBy('id')
				.execute()
		).map((u) => ({ at: u.created_at.toISOString(), text: u.body }));
	return { post, group, access, authorId: row.author_id, via: seenIn };
}
