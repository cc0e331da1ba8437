import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { getGroupForReading } from '../groups/groups';
import { unitTypeLabel } from '../groups/unit-types';
import { warsawDay } from '../../dates';
import { promotionsInMonth, type PromotedPostLine } from '../promotions/reach';

export interface UnitMonth {
	/** "2026-11" */
	month: string;
	posts: number;
	views: number;
	uniqueViewers: number;
	reactions: number;
	comments: number;
	shares: number;
	/**
	 * Residents' questions to the unit: those addressed to it (posts "Pytania", issue 19) and the
	 * top-level comments with a question mark under its posts.
	 */
	questions: number;
	answered: number;
	/** Median minutes from a question to the unit's answer (its first reply in the thread); null without answers. */
	medianReplyMinutes: number | null;
}

export interface UnitReportRow {
	slug: string;
	name: string;
	typeLabel: string;
	/** Oldest first; the last is the report's month. */
	months: UnitMonth[];
	/** Its posts promoted in the report's month (Pakiet 2), with their reach and lift. */
	promoted: PromotedPostLine[];
}

export interface UnitReport {
	group: { slug: string; name: string };
	municipality: string;
	/** "2026-11" */
	month: string;
	months: string[];
	units: UnitReportRow[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before the current Warsaw month: the last complete one. */
export function lastCompleteMonth(now: Date): string {
	const [y, m] = warsawDay(now).split('-').map(Number);
	return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/**
 * Per unit of the municipality and per Warsaw month (the chosen one and the `span - 1` before it):
 * posts published in that month with their reach so far, and how fast the unit answered residents'
 * questions under them. A reply is the first comment in the question's thread by the unit's staff
 * or its service account.
 */
export async function unitReport(ctx: Ctx, slug: string, month: string | null, span = 6): Promise<UnitReport> {
	const { group, municipality } = await getGroupForReading(ctx.db, slug);
	const chosen = month ?? lastCompleteMonth(ctx.clock.now());
	if (!MONTH.test(chosen)) throw new AppError('validation', 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.');
	if (chosen > warsawDay(ctx.clock.now()).slice(0, 7))
		throw new AppError('validation', 'Raport może dotyczyć najpóźniej bieżącego miesiąca.');
	const [y, m] = chosen.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - span, 1)).toISOString().slice(0, 10);
	const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
	const months = Array.from({ length: span }, (_, i) =>
		new Date(Date.UTC(y, m - span + i, 1)).toISOString().slice(0, 7)
	);
	const tz = sql.raw(`'Europe/Warsaw'`);
	const [units, posts, replies, promoted] = await Promise.all([
		ctx.db
			.selectFrom('units')
			.select(['id', 'slug', 'name', 'type'])
			.where('municipality_code', '=', group.municipality_code)
			.orderBy('name')
			.execute(),
		sql<{
			unit_id: string;
			month: string;
			posts: string;
			views: string;
			unique_viewers: string;
			reactions: string;
			comments: string;
			shares: string;
		}>`
			select p.unit_id, to_char(p.published_at at time zone ${tz}, 'YYYY-MM') as month, count(*) as posts, sum(p.view_count) as views, sum(p.unique_viewer_count) as unique_viewers,
				sum(p.reaction_count) as reactions, sum(p.comment_count) as comments, sum(p.share_count) as shares
			from posts p
			where p.group_id = ${group.id} and p.unit_id is not null and p.status = 'published'
				and p.published_at >= (${first}::date::timestamp at time zone ${tz}) and p.published_at < (${end}::date::timestamp at time zone ${tz})
			group by 1, 2`.execute(ctx.db),
		sql<{ unit_id: string; month: string; questions: string; answered: string; median_minutes: number | null }>`
			with staff as (
				select unit_id, user_id from unit_members
				union select id, service_user_id from units where service_user_id is not null),
			q as (
				select p.unit_id, to_char(p.published_at at time zone ${tz}, 'YYYY-MM') as month, c.created_at as asked_at,
					(select min(r.created_at) from comments r join staff s on s.unit_id = p.unit_id and s.user_id = r.author_id
					 where r.parent_id = c.id and r.status = 'published' and r.created_at >= c.created_at) as replied_at
				from posts p join comments c on c.post_id = p.id and c.parent_id is null and c.status = 'published' and c.body like '%?%'
				where p.group_id = ${group.id} and p.unit_id is not null and p.status = 'published'
					and p.published_at >= (${first}::date::timestamp at time zone ${tz}) and p.published_at < (${end}::date::timestamp at time zone ${tz})
					and not exists (select 1 from staff s where s.unit_id = p.unit_id and s.user_id = c.author_id)
				-- Residents' questions addressed to the unit ("Pytania"), counted for the unit that holds them now.
				union all
				select q.unit_id, to_char(p.published_at at time zone ${tz}, 'YYYY-MM'), p.published_at, q.answered_at
				from questions q join posts p on p.id = q.post_id
				where q.group_id = ${group.id} and p.status = 'published'
					and p.published_at >= (${first}::date::timestamp at time zone ${tz}) and p.published_at < (${end}::date::timestamp at time zone ${tz}))
			select unit_id, month, count(*) as questions, count(replied_at) as answered,
				percentile_cont(0.5) within group (order by extract(epoch from replied_at - asked_at) / 60) filter (where replied_at is not null) as median_minutes
			from q group by 1, 2`.execute(ctx.db),
		promotionsInMonth(ctx.db, group.id, chosen, ctx.clock.now())
	]);
	const key = (unitId: string, mon: string) => `${unitId}/${mon}`;
	const postsBy = new Map(posts.rows.map((r) => [key(r.unit_id, r.month), r]));
	const repliesBy = new Map(replies.rows.map((r) => [key(r.unit_id, r.month), r]));
	const rows: UnitReportRow[] = units.map((u) => ({
		slug: u.slug,
		name: u.name,
		typeLabel: unitTypeLabel(u.type),
		months: months.map((mon) => {
			const p = postsBy.get(key(u.id, mon));
			const r = repliesBy.get(key(u.id, mon));
			return {
				month: mon,
				posts: Number(p?.posts ?? 0),
				views: Number(p?.views ?? 0),
				uniqueViewers: Number(p?.unique_viewers ?? 0),
				reactions: Number(p?.reactions ?? 0),
				comments: Number(p?.comments ?? 0),
				shares: Number(p?.shares ?? 0),
				questions: Number(r?.questions ?? 0),
				answered: Number(r?.answered ?? 0),
				medianReplyMinutes: r?.median_minutes == null ? null : Math.round(Number(r.median_minutes))
			};
		}),
		promoted: promoted.get(u.id) ?? []
	}));
	// Units that published in the span first, by posts in the chosen month.
	rows.sort(
		(a, b) =>
			b.months[span - 1].posts - a.months[span - 1].posts ||
			b.months.reduce((s, x) => s + x.posts, 0) - a.months.reduce((s, x) => s + x.posts, 0) ||
			a.name.localeCompare(b.name, 'pl')
	);
	return {
		group: { slug: group.slug, name: group.name },
		municipality: municipality.name,
		month: chosen,
		months,
		units: rows
	};
}

/** "45 min", "3 godz. 20 min", "2 dni 4 godz." */
export function formatMinutes(minutes: number | null): string {
	if (minutes === null) return '—';
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	if (h < 24) return `${h} godz.${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
	const d = Math.floor(h / 24);
	return `${d} ${d === 1 ? 'dzień' : 'dni'}${h % 24 ? ` ${h % 24} godz.` : ''}`;
}
