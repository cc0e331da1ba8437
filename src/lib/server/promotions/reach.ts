import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { assertUnitStaff } from '../access/office';
import { warsawDay, warsawMidnight } from '../../dates';
import { countLabel } from '../../format';

/** How many days before a promotion the unit's unpromoted posts make its baseline. */
export const BASELINE_DAYS = 90;

export type PromotionStatus = 'planned' | 'running' | 'ended' | 'cancelled';

export interface Delivery {
	sent: number;
	/** Waiting in the outbox (not tried yet). */
	queued: number;
	/** Failed at least once: retried later (`failed`) or given up (`dead`). */
	failed: number;
}

export interface ReachFigures {
	views: number;
	uniqueViewers: number;
	reactions: number;
	comments: number;
	shares: number;
}

export type Compared = 'views' | 'uniqueViewers' | 'reactions' | 'comments';

export interface GroupReach {
	slug: string;
	name: string;
	/** The post's own group; the others are the groups it was cross-posted to. */
	source: boolean;
	views: number;
	uniqueViewers: number;
	reactions: number;
	comments: number;
}

export interface PromotionReach {
	promotion: {
		id: string;
		status: PromotionStatus;
		sponsorName: string;
		startsAt: string;
		/** When it ended or ends: the cancellation, if earlier than the planned end. */
		endsAt: string;
		/** The Warsaw days it ran, first and last ("2027-01-05"), and how many. */
		firstDay: string;
		lastDay: string;
		days: number;
		bySms: boolean;
		unitId: string | null;
	};
	post: { id: string; excerpt: string; publishedAt: string | null; groupSlug: string; groupName: string };
	delivered: {
		/** In-app notifications written. */
		notified: number;
		pushed: number;
		texted: number;
		emailed: number;
		/** The promotion's outbox messages by channel, as the outbox delivered them so far. */
		outbox: { push: Delivery; sms: Delivery; email: Delivery };
	};
	/** Everything so far (the post's counters). */
	total: ReachFigures;
	/** On the promotion's Warsaw days. */
	during: ReachFigures;
	/** On the days after the promotion's last day. */
	after: { views: number; uniqueViewers: number };
	/** The source group first, then each group it was cross-posted to; everything so far. */
	groups: GroupReach[];
	baseline: {
		/** Unpromoted published posts of the unit in the 90 days before the promotion. */
		posts: number;
		median: Record<Compared, number> | null;
		/** `during` ÷ the median; null without baseline posts or when the median is 0. */
		lift: Record<Compared, number | null>;
		/** The rule, in one sentence, for the report. */
		basis: string;
	};
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** value ÷ median; null when there is nothing to compare with. */
export function lift(value: number, baseline: number | null): number | null {
	return baseline === null || baseline === 0 ? null : value / baseline;
}

const compared: Compared[] = ['views', 'uniqueViewers', 'reactions', 'comments'];
const tz = sql.raw(`'Europe/Warsaw'`);
const none = (): Delivery => ({ sent: 0, queued: 0, failed: 0 });

function statusOf(p: { starts_at: Date; ends_at: Date; cancelled_at: Date | null }, now: Date): PromotionStatus {
	if (p.cancelled_at) return 'cancelled';
	if (now < p.starts_at) return 'planned';
	return now < p.ends_at ? 'running' : 'ended';
}

/** The one sentence that says what the lift compares. */
export function baselineBasis(posts: number, days: number): string {
	if (posts === 0)
		return `Mediana postów niewyróżnionych jednostki z ${BASELINE_DAYS} dni przed wyróżnieniem: jednostka nie ma takich postów, więc nie ma z czym porównać.`;
	const first = days === 1 ? 'pierwszego dnia' : `pierwszych ${days} dni`;
	const promoted = days === 1 ? 'dniem wyróżnienia' : `${days} dniami wyróżnienia`;
	return `Mediana postów niewyróżnionych jednostki z ${BASELINE_DAYS} dni przed wyróżnieniem (${countLabel(posts, 'post', 'posty', 'postów')}, bez komunikatów pilnych) z ${first} od dnia publikacji, w porównaniu z ${promoted}.`;
}

/**
 * The reach report of one promotion (no access check: `promotionReport` is the reader's way in).
 * "During" is the promotion's Warsaw days (views are counted per viewer per Warsaw day), from the
 * day it starts to the day it ends or was cancelled. The baseline is the median, over the unit's
 * unpromoted published posts of the 90 days before the start (urgent alerts left out: they reach
 * everyone by SMS and push), of the same numbers on the same count of Warsaw days from each post's
 * publication day. Views per group: a viewer-day recorded in a cross-post target counts there, any
 * other in the source group.
 */
export async function promotionReach(db: Db, promotionId: string, now: Date): Promise<PromotionReach> {
	if (!isId(promotionId)) throw notFound('Nie ma takiego wyróżnienia.');
	const p = await db
		.selectFrom('promotions as pr')
		.innerJoin('posts as p', 'p.id', 'pr.post_id')
		.innerJoin('groups as g', 'g.id', 'pr.group_id')
		.select([
			'pr.id',
			'pr.post_id',
			'pr.group_id',
			'pr.sponsor_name',
			'pr.starts_at',
			'pr.ends_at',
			'pr.cancelled_at',
			'pr.by_sms',
			'pr.notified',
			'pr.pushed',
			'pr.texted',
			'pr.emailed',
			'g.slug',
			'g.name',
			'p.body',
			'p.published_at',
			'p.view_count',
			'p.unique_viewer_count',
			'p.reaction_count',
			'p.comment_count',
			'p.share_count'
		])
		.select((eb) => eb.fn.coalesce('pr.unit_id', 'p.unit_id').as('unit_id'))
		.where('pr.id', '=', promotionId)
		.executeTakeFirst();
	if (!p) throw notFound('Nie ma takiego wyróżnienia.');

	const end = p.cancelled_at && p.cancelled_at < p.ends_at ? p.cancelled_at : p.ends_at;
	const firstDay = warsawDay(p.starts_at);
	const lastDay = [warsawDay(new Date(end.getTime() - 1)), firstDay].sort().at(-1)!;
	const days = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000) + 1;
	const from = warsawMidnight(firstDay);
	const until = warsawMidnight(lastDay, 1);
	const post = p.post_id;
	// The post's raw views: kept 35 days in post_views, then in promoted_post_views (view-partitions.ts).
	const seen = sql`(select post_id, day, viewer_key from post_views where post_id = ${post}
		union all select post_id, day, viewer_key from promoted_post_views where post_id = ${post})`;

	const [outbox, during, after, groups, baseline] = await Promise.all([
		db
			.selectFrom('outbox')
			.select(['channel', 'status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('promotion_id', '=', p.id)
			.groupBy(['channel', 'status'])
			.execute(),
		sql<{ views: string; unique_viewers: string; reactions: string; comments: string; shares: string }>`
			select
				(select count(*) from ${seen} pv where pv.post_id = ${post} and day between ${firstDay}::date and ${lastDay}::date) as views,
				(select count(distinct viewer_key) from ${seen} pv where pv.post_id = ${post} and day between ${firstDay}::date and ${lastDay}::date) as unique_viewers,
				(select count(*) from post_reactions where post_id = ${post} and created_at >= ${from} and created_at < ${until}) as reactions,
				(select count(*) from comments where post_id = ${post} and status = 'published' and created_at >= ${from} and created_at < ${until}) as comments,
				(select count(*) from post_shares where post_id = ${post} and created_at >= ${from} and created_at < ${until}) as shares`.execute(
			db
		),
		sql<{ views: string; unique_viewers: string }>`
			select count(*) as views, count(distinct viewer_key) as unique_viewers
			from ${seen} pv where pv.post_id = ${post} and day > ${lastDay}::date`.execute(db),
		sql<{
			slug: string;
			name: string;
			source: boolean;
			views: string;
			unique_viewers: string;
			reactions: string;
			comments: string;
		}>`
			select g.slug, g.name, true as source,
				count(*) filter (where v.post_id is not null) as views, count(distinct v.viewer_key) as unique_viewers,
				(select count(*) from post_reactions r where r.post_id = ${post} and (r.via_group_id is null or r.via_group_id = g.id)) as reactions,
				(select count(*) from comments c where c.post_id = ${post} and c.status = 'published' and (c.via_group_id is null or c.via_group_id = g.id)) as comments
			from groups g
			left join ${seen} v on v.post_id = ${post}
				and not exists (select 1 from cross_post_views x where x.post_id = v.post_id and x.viewer_key = v.viewer_key and x.day = v.day)
			where g.id = ${p.group_id}
			group by g.id
			union all
			select g.slug, g.name, false as source,
				(select count(*) from cross_post_views x where x.post_id = ${post} and x.group_id = g.id) as views,
				(select count(distinct x.viewer_key) from cross_post_views x where x.post_id = ${post} and x.group_id = g.id) as unique_viewers,
				(select count(*) from post_reactions r where r.post_id = ${post} and r.via_group_id = g.id) as reactions,
				(select count(*) from comments c where c.post_id = ${post} and c.status = 'published' and c.via_group_id = g.id) as comments
			from cross_posts cp join groups g on g.id = cp.group_id
			where cp.post_id = ${post}`.execute(db),
		p.unit_id === null
			? Promise.resolve({ rows: [] })
			: sql<{ views: string; unique_viewers: string; reactions: string; comments: string }>`
			with base as (
				select b.id, (b.published_at at time zone ${tz})::date as day0
				from posts b
				where b.unit_id = ${p.unit_id} and b.group_id = ${p.group_id} and b.status = 'published'
					and b.urgent_until is null and b.alert_kind is null and b.id <> ${post}
					and b.published_at >= ${new Date(p.starts_at.getTime() - BASELINE_DAYS * 86_400_000)} and b.published_at < ${p.starts_at}
					and not exists (select 1 from promotions x where x.post_id = b.id))
			select
				(select coalesce(sum(a.views), 0) from post_daily_views a where a.post_id = base.id and a.day >= base.day0 and a.day < base.day0 + ${days}::int) as views,
				-- Counted from a post's first day, its viewers then are those whose first view fell then
				-- (post_daily_views.new_viewers), which outlives the raw views.
				case when base.day0 >= coalesce((select kept_from from view_retention), '-infinity'::date)
					then (select count(distinct v.viewer_key) from post_views v where v.post_id = base.id and v.day >= base.day0 and v.day < base.day0 + ${days}::int)
					else (select coalesce(sum(a.new_viewers), 0) from post_daily_views a where a.post_id = base.id and a.day < base.day0 + ${days}::int) end as unique_viewers,
				(select count(*) from post_reactions r where r.post_id = base.id and r.created_at < ((base.day0 + ${days}::int)::timestamp at time zone ${tz})) as reactions,
				(select count(*) from comments c where c.post_id = base.id and c.status = 'published' and c.created_at < ((base.day0 + ${days}::int)::timestamp at time zone ${tz})) as comments
			from base`.execute(db)
	]);

	const delivered = { push: none(), sms: none(), email: none() };
	for (const row of outbox) {
		const channel = delivered[row.channel as keyof typeof delivered];
		if (!channel) continue;
		const n = Number(row.n);
		if (row.status === 'sent') channel.sent += n;
		else if (row.status === 'pending') channel.queued += n;
		else channel.failed += n;
	}
	const d = during.rows[0];
	const duringFigures: ReachFigures = {
		views: Number(d.views),
		uniqueViewers: Number(d.unique_viewers),
		reactions: Number(d.reactions),
		comments: Number(d.comments),
		shares: Number(d.shares)
	};
	const basePosts = baseline.rows.map((r) => ({
		views: Number(r.views),
		uniqueViewers: Number(r.unique_viewers),
		reactions: Number(r.reactions),
		comments: Number(r.comments)
	}));
	const medians = basePosts.length
		? (Object.fromEntries(compared.map((k) => [k, median(basePosts.map((b) => b[k]))!])) as Record<Compared, number>)
		: null;
	return {
		promotion: {
			id: p.id,
			status: statusOf(p, now),
			sponsorName: p.sponsor_name,
			startsAt: p.starts_at.toISOString(),
			endsAt: end.toISOString(),
			firstDay,
			lastDay,
			days,
			bySms: p.by_sms,
			unitId: p.unit_id
		},
		post: {
			id: p.post_id,
			excerpt: firstWords(p.body, 120),
			publishedAt: p.published_at?.toISOString() ?? null,
			groupSlug: p.slug,
			groupName: p.name
		},
		delivered: { notified: p.notified, pushed: p.pushed, texted: p.texted, emailed: p.emailed, outbox: delivered },
		total: {
			views: p.view_count,
			uniqueViewers: p.unique_viewer_count,
			reactions: p.reaction_count,
			comments: p.comment_count,
			shares: p.share_count
		},
		during: duringFigures,
		after: { views: Number(after.rows[0].views), uniqueViewers: Number(after.rows[0].unique_viewers) },
		groups: groups.rows.map((g) => ({
			slug: g.slug,
			name: g.name,
			source: g.source,
			views: Number(g.views),
			uniqueViewers: Number(g.unique_viewers),
			reactions: Number(g.reactions),
			comments: Number(g.comments)
		})),
		baseline: {
			posts: basePosts.length,
			median: medians,
			lift: Object.fromEntries(compared.map((k) => [k, lift(duringFigures[k], medians?.[k] ?? null)])) as Record<
				Compared,
				number | null
			>,
			basis: baselineBasis(basePosts.length, days)
		}
	};
}

/** The post's first words, up to `max` characters, cut at a word ("Zebranie z rodzicami…"). */
export function firstWords(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * A unit's promotion's reach report for its staff, the municipality's coordinator and the operator
 * (`/jednostka/{id}/wyroznienia/{promotionId}`). A promotion of another unit is "not found".
 */
export async function promotionReport(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string,
	promotionId: string
): Promise<PromotionReach & { unit: { id: string; name: string } }> {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć zasięg wyróżnienia.');
	if (!isId(unitId)) throw notFound('Nie ma takiej jednostki.');
	const unit = await ctx.db
		.selectFrom('units')
		.select(['id', 'name', 'municipality_code'])
		.where('id', '=', unitId)
		.executeTakeFirst();
	if (!unit) throw notFound('Nie ma takiej jednostki.');
	await assertUnitStaff(ctx, actor, unit, 'Zasięg wyróżnień jednostki widzi jej zespół, koordynator gminy i operator.');
	if (!isId(promotionId)) throw notFound('Nie ma takiego wyróżnienia.');
	const report = await promotionReach(ctx.db, promotionId, ctx.clock.now());
	if (report.promotion.unitId !== unit.id) throw notFound('Nie ma takiego wyróżnienia.');
	return { ...report, unit: { id: unit.id, name: unit.name } };
}

export interface PostPromotion {
	id: string;
	status: PromotionStatus;
	startsAt: string;
	endsAt: string;
}

/** The latest promotion of each of these posts (the workspace marks them "Wyróżniony"). */
export async function latestPromotions(db: Db, postIds: string[], now: Date): Promise<Map<string, PostPromotion>> {
	if (postIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('promotions')
		.select(['id', 'post_id', 'starts_at', 'ends_at', 'cancelled_at'])
		.where('post_id', 'in', postIds)
		.orderBy('starts_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	const out = new Map<string, PostPromotion>();
	for (const r of rows)
		if (!out.has(r.post_id))
			out.set(r.post_id, {
				id: r.id,
				status: statusOf(r, now),
				startsAt: r.starts_at.toISOString(),
				endsAt: (r.cancelled_at && r.cancelled_at < r.ends_at ? r.cancelled_at : r.ends_at).toISOString()
			});
	return out;
}

export interface PromotedPostLine {
	promotionId: string;
	excerpt: string;
	startsAt: string;
	endsAt: string;
	/** Its Warsaw days ("2027-01-05"). */
	firstDay: string;
	lastDay: string;
	status: PromotionStatus;
	/** Notifications, pushes, SMS and digest e-mails written for it. */
	delivered: number;
	views: number;
	uniqueViewers: number;
	viewsLift: number | null;
}

/**
 * The promotions of a group that started in a Warsaw month ("2027-01"), per unit id, with their
 * reach: the monthly units' report's "Wyróżnione posty".
 */
export async function promotionsInMonth(
	db: Db,
	groupId: string,
	month: string,
	now: Date
): Promise<Map<string, PromotedPostLine[]>> {
	if (!/^\d{4}-\d{2}$/.test(month)) throw new AppError('validation', 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.');
	const [y, m] = month.split('-').map(Number);
	const first = `${month}-01`;
	const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
	const rows = await db
		.selectFrom('promotions')
		.select('id')
		.where('group_id', '=', groupId)
		.where('starts_at', '>=', warsawMidnight(first))
		.where('starts_at', '<', warsawMidnight(next))
		.orderBy('starts_at')
		.orderBy('id')
		.execute();
	const out = new Map<string, PromotedPostLine[]>();
	for (const { id } of rows) {
		const r = await promotionReach(db, id, now);
		if (r.promotion.unitId === null) continue;
		const line: PromotedPostLine = {
			promotionId: id,
			excerpt: firstWords(r.post.excerpt, 60),
			startsAt: r.promotion.startsAt,
			endsAt: r.promotion.endsAt,
			firstDay: r.promotion.firstDay,
			lastDay: r.promotion.lastDay,
			status: r.promotion.status,
			delivered: r.delivered.notified + r.delivered.pushed + r.delivered.texted + r.delivered.emailed,
			views: r.during.views,
			uniqueViewers: r.during.uniqueViewers,
			viewsLift: r.baseline.lift.views
		};
		out.set(r.promotion.unitId, [...(out.get(r.promotion.unitId) ?? []), line]);
	}
	return out;
}
