import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import { memo } from '../cache/memo';
import { getGroupForReading } from '../groups/groups';
import { unitTypeLabel } from '../groups/unit-types';
import { foldText } from '../text/fold';
import { warsawDay, warsawMidnight, addDays } from '../../dates';
import { questionFigures, type QuestionFigures } from '../questions/questions';
import { monthlyStats, type MonthStats } from './monthly';
import { formatMinutes, lastCompleteMonth } from './unit-report';

// The public website's numbers. They come from the daily figures and the posts' counters, which
// the statistics job refreshes every minute, so each process keeps them for 30 s.
const TTL = 30_000;
/** The first Warsaw day of the last `days` days, today included. */
export const daysAgo = (now: Date, days: number) => addDays(warsawDay(now), 1 - days);

export interface Activity {
	views: number;
	posts: number;
	comments: number;
	reactions: number;
	shares: number;
}

export interface DirectoryGroup {
	id: string;
	slug: string;
	name: string;
	municipality: string;
	county: string;
	voivodeship: string;
	teryt: string;
	kind: 'urban' | 'rural' | 'mixed';
	members: number;
	hasPackage: boolean;
	/** The last 30 Warsaw days. */
	last30: Activity;
}

const directoryCache = memo<DirectoryGroup[]>(TTL, 4);

/** Every public group with its members and last 30 days, largest first. */
export function groupDirectory(ctx: Ctx): Promise<DirectoryGroup[]> {
	const now = ctx.clock.now();
	return directoryCache('all', now.getTime(), async () => {
		const r = await sql<{
			id: string;
			slug: string;
			name: string;
			municipality: string;
			county: string;
			voivodeship: string;
			teryt: string;
			kind: 'urban' | 'rural' | 'mixed';
			has_package: boolean;
			members: number;
			views: string | null;
			posts: string | null;
			comments: string | null;
			reactions: string | null;
			shares: string | null;
		}>`
			select g.id, g.slug, g.name, m.name as municipality, m.county, m.voivodeship, m.teryt_code as teryt, m.kind, g.member_count as members,
				exists (select 1 from subscriptions x where x.group_id = g.id and x.status = 'active') as has_package,
				s.views, s.posts, s.comments, s.reactions, s.shares
			from groups g join municipalities m on m.teryt_code = g.municipality_code
			left join (select group_id, sum(views) as views, sum(posts) as posts, sum(comments) as comments, sum(reactions) as reactions, sum(shares) as shares
				from group_daily_stats where day >= ${daysAgo(now, 30)}::date group by group_id) s on s.group_id = g.id
			where g.is_public order by g.member_count desc, g.name`.execute(ctx.db);
		return r.rows.map((x) => ({
			id: x.id,
			slug: x.slug,
			name: x.name,
			municipality: x.municipality,
			county: x.county,
			voivodeship: x.voivodeship,
			teryt: x.teryt,
			kind: x.kind,
			hasPackage: x.has_package,
			members: x.members,
			last30: {
				views: Number(x.views ?? 0),
				posts: Number(x.posts ?? 0),
				comments: Number(x.comments ?? 0),
				reactions: Number(x.reactions ?? 0),
				shares: Number(x.shares ?? 0)
			}
		}));
	});
}

/** Groups whose municipality or name contains the query, ignoring case and Polish letters. */
export function filterDirectory(groups: DirectoryGroup[], q: string, voivodeship = ''): DirectoryGroup[] {
	const folded = foldText(q.trim());
	return groups.filter(
		(g) =>
			(!voivodeship || g.voivodeship === voivodeship) &&
			(!folded || foldText(g.municipality).includes(folded) || foldText(g.name).includes(folded))
	);
}

/**
 * The group a visitor means by `q`: its slug, its municipality's name (Polish letters optional),
 * or the first municipality starting with it. null when nothing matches.
 */
export function findPlace(groups: DirectoryGroup[], q: string): DirectoryGroup | null {
	const folded = foldText(q.trim());
	if (!folded) return null;
	return (
		groups.find((g) => g.slug === q.trim()) ??
		groups.find((g) => foldText(g.municipality) === folded) ??
		groups.find((g) => foldText(g.municipality).startsWith(folded)) ??
		filterDirectory(groups, folded)[0] ??
		null
	);
}

/** Suggestions for the header's search box: municipalities that start with the query first. */
export async function suggestGroups(ctx: Ctx, q: string, limit = 8) {
	const folded = foldText(q.trim());
	if (!folded) return [];
	const found = filterDirectory(await groupDirectory(ctx), folded);
	const rank = (g: DirectoryGroup) => (foldText(g.municipality).startsWith(folded) ? 0 : 1);
	return found
		.sort((a, b) => rank(a) - rank(b) || a.municipality.localeCompare(b.municipality, 'pl'))
		.slice(0, limit)
		.map((g) => ({
			slug: g.slug,
			municipality: g.municipality,
			name: g.name,
			county: g.county,
			voivodeship: g.voivodeship,
			members: g.members
		}));
}

export interface TopPost {
	id: string;
	groupSlug: string;
	groupName: string;
	municipality: string;
	excerpt: string;
	author: string;
	unit: boolean;
	publishedAt: string;
	views: number;
	uniqueViewers: number;
	comments: number;
	reactions: number;
	/** {"like": 12, "love": 3, …} */
	reactionsByKind: Record<string, number>;
	shares: number;
}

const topCache = memo<TopPost[]>(TTL, 2000);

/**
 * The most engaging posts published in the last `days` Warsaw days: ordered by what people did
 * with them (reactions, comments, and shares twice, since a share carries the post further),
 * then by views. Across all groups, or one.
 */
export function topPosts(ctx: Ctx, days: number, groupId: string | null = null, limit = 10): Promise<TopPost[]> {
	const now = ctx.clock.now();
	return topCache(`${days}/${groupId ?? ''}/${limit}`, now.getTime(), async () => {
		const since = sql`(${daysAgo(now, days)}::date::timestamp at time zone 'Europe/Warsaw')`;
		const groupFilter = groupId ? sql`and p.group_id = ${groupId}` : sql``;
		const r = await sql<{
			id: string;
			slug: string;
			group_name: string;
			municipality: string;
			body: string;
			author: string;
			unit: boolean;
			published_at: Date;
			view_count: number;
			unique_viewer_count: number;
			comment_count: number;
			reaction_count: number;
			reaction_counts: Record<string, number>;
			share_count: number;
		}>`
			select p.id, g.slug, g.name as group_name, m.name as municipality, left(p.body, 400) as body, coalesce(un.name, u.display_name) as author, p.unit_id is not null as unit,
				p.published_at, p.view_count, p.unique_viewer_count, p.comment_count, p.reaction_count, p.reaction_counts, p.share_count
			from posts p join groups g on g.id = p.group_id join municipalities m on m.teryt_code = g.municipality_code
			join users u on u.id = p.author_id left join units un on un.id = p.unit_id
			where p.status = 'published' and g.is_public and p.published_at >= ${since} ${groupFilter}
			order by p.reaction_count + p.comment_count + 2 * p.share_count desc, p.view_count desc, p.id desc
			limit ${limit}`.execute(ctx.db);
		return r.rows.map((x) => ({
			id: x.id,
			groupSlug: x.slug,
			groupName: x.group_name,
			municipality: x.municipality,
			excerpt: excerpt(x.body),
			author: x.author,
			unit: x.unit,
			publishedAt: new Date(x.published_at).toISOString(),
			views: x.view_count,
			uniqueViewers: x.unique_viewer_count,
			comments: x.comment_count,
			reactions: x.reaction_count,
			reactionsByKind: x.reaction_counts ?? {},
			shares: x.share_count
		}));
	});
}

const excerpt = (body: string) => {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > 160 ? flat.slice(0, 157).replace(/\s\S*$/, '') + '…' : flat;
};

export interface PublishingUnit {
	slug: string;
	name: string;
	typeLabel: string;
	verified: boolean;
	/** Published in the last 90 days. */
	posts90: number;
	views90: number;
	engagement90: number;
}

export interface MunicipalityPage {
	group: { id: string; slug: string; name: string; members: number; createdAt: string };
	municipality: {
		name: string;
		county: string;
		voivodeship: string;
		teryt: string;
		population: number | null;
		populationYear: number | null;
	};
	last30: Activity & { uniqueViewers: number; joined: number };
	/** The last day counted ("2026-12-02"): the last of `months` is in progress until its end. */
	asOf: string;
	months: MonthStats[];
	topPosts: TopPost[];
	units: PublishingUnit[];
	/** Residents' questions to the office and units published in the last 90 days, and how they were answered. */
	questions90: QuestionFigures & { medianLabel: string };
}

const pageCache = memo<MunicipalityPage>(TTL, 2000);

/** Everything the municipality's page, its presentation and its CSV/JSON show. */
export async function municipalityPage(ctx: Ctx, slug: string): Promise<MunicipalityPage> {
	const { group, municipality } = await getGroupForReading(ctx.db, slug);
	const now = ctx.clock.now();
	return pageCache(slug, now.getTime(), async () => {
		const [months, top, units, last30, place, questions90] = await Promise.all([
			monthlyStats(ctx.db, group.id, now, 12),
			topPosts(ctx, 90, group.id, 5),
			sql<{
				slug: string;
				name: string;
				type: string;
				verified: boolean;
				posts: string;
				views: string | null;
				engagement: string | null;
			}>`
				select u.slug, u.name, u.type, u.verified, count(p.id) as posts, sum(p.view_count) as views, sum(p.reaction_count + p.comment_count + p.share_count) as engagement
				from units u join posts p on p.unit_id = u.id and p.group_id = ${group.id} and p.status = 'published'
					and p.published_at >= (${daysAgo(now, 90)}::date::timestamp at time zone 'Europe/Warsaw')
				group by u.id order by count(p.id) desc, u.name`.execute(ctx.db),
			sql<{
				views: string | null;
				posts: string | null;
				comments: string | null;
				reactions: string | null;
				shares: string | null;
				joined: string | null;
				unique_viewers: string | null;
			}>`
				select sum(views) as views, sum(posts) as posts, sum(comments) as comments, sum(reactions) as reactions, sum(shares) as shares, sum(joined) as joined,
					(select count(distinct v.viewer_key) from post_views v join posts p on p.id = v.post_id where p.group_id = ${group.id} and v.day >= ${daysAgo(now, 30)}::date and v.day <= ${warsawDay(now)}::date) as unique_viewers
				from group_daily_stats where group_id = ${group.id} and day >= ${daysAgo(now, 30)}::date`.execute(ctx.db),
			ctx.db
				.selectFrom('municipalities')
				.select(['population', 'population_year'])
				.where('teryt_code', '=', group.municipality_code)
				.executeTakeFirstOrThrow(),
			questionFigures(ctx.db, group.id, warsawMidnight(daysAgo(now, 90)), now)
		]);
		const l = last30.rows[0];
		return {
			group: {
				id: group.id,
				slug: group.slug,
				name: group.name,
				members: group.member_count,
				createdAt: group.created_at.toISOString()
			},
			municipality: {
				name: municipality.name,
				county: municipality.county,
				voivodeship: municipality.voivodeship,
				teryt: municipality.teryt_code,
				population: place.population,
				populationYear: place.population_year
			},
			last30: {
				views: Number(l?.views ?? 0),
				posts: Number(l?.posts ?? 0),
				comments: Number(l?.comments ?? 0),
				reactions: Number(l?.reactions ?? 0),
				shares: Number(l?.shares ?? 0),
				joined: Number(l?.joined ?? 0),
				uniqueViewers: Number(l?.unique_viewers ?? 0)
			},
			asOf: warsawDay(now),
			months,
			topPosts: top,
			units: units.rows.map((u) => ({
				slug: u.slug,
				name: u.name,
				typeLabel: unitTypeLabel(u.type),
				verified: u.verified,
				posts90: Number(u.posts),
				views90: Number(u.views ?? 0),
				engagement90: Number(u.engagement ?? 0)
			})),
			questions90: { ...questions90, medianLabel: formatMinutes(questions90.medianMinutes) }
		};
	});
}

/** After an operator's change to what these pages show (population, texts), in this process. */
export function forgetPublicStats(): void {
	for (const cache of [directoryCache, topCache, pageCache, potentialCache]) cache.clear();
}

export interface PotentialRow {
	slug: string;
	name: string;
	municipality: string;
	voivodeship: string;
	population: number | null;
	populationYear: number | null;
	members: number;
	/** Members per resident (0–1+), null without a population. */
	membersShare: number | null;
	/** People who saw at least one post in the last complete month. */
	monthViewers: number;
	monthViewersShare: number | null;
}

const potentialCache = memo<{ month: string; rows: PotentialRow[] }>(TTL, 2);

/** Reach against population, per municipality with a group. */
export function potential(ctx: Ctx): Promise<{ month: string; rows: PotentialRow[] }> {
	const now = ctx.clock.now();
	return potentialCache('all', now.getTime(), async () => {
		const lastMonth = `${lastCompleteMonth(now)}-01`;
		const r = await sql<{
			id: string;
			slug: string;
			name: string;
			municipality: string;
			voivodeship: string;
			population: number | null;
			population_year: number | null;
			members: number;
			viewers: number | null;
		}>`
			select g.slug, g.name, m.name as municipality, m.voivodeship, m.population, m.population_year, g.member_count as members, s.unique_viewers as viewers
			from groups g join municipalities m on m.teryt_code = g.municipality_code
			left join group_monthly_stats s on s.group_id = g.id and s.month = ${lastMonth}::date
			where g.is_public order by m.name`.execute(ctx.db);
		return {
			month: lastMonth.slice(0, 7),
			rows: r.rows.map((x) => ({
				id: x.id,
				slug: x.slug,
				name: x.name,
				municipality: x.municipality,
				voivodeship: x.voivodeship,
				population: x.population,
				populationYear: x.population_year,
				members: x.members,
				membersShare: x.population ? x.members / x.population : null,
				monthViewers: x.viewers ?? 0,
				monthViewersShare: x.population ? (x.viewers ?? 0) / x.population : null
			}))
		};
	});
}
