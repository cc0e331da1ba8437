import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database';
import { parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import { warsawDay, warsawMidnight } from '../../dates';
import { actionLabel, type LogAction } from '../audit/audit-log';
import { grounds, type Ground } from './terms';

/** Actions that restrict content or an account, counted as moderation decisions. */
const restrictive: LogAction[] = ['hold', 'reject', 'remove', 'hide', 'ask_edit', 'warn', 'mute', 'suspend', 'ban'];
/** Human decisions on content, timed from the content (or the notice) to the decision. */
const timed: LogAction[] = ['approve', 'reject', 'remove', 'report_dismissed', 'ask_edit'];

export const periodSchema = z
	.object({
		od: z.union([z.iso.date('Podaj datę początku w formacie RRRR-MM-DD.'), z.literal('')]).default(''),
		do: z.union([z.iso.date('Podaj datę końca w formacie RRRR-MM-DD.'), z.literal('')]).default('')
	})
	.default({ od: '', do: '' });

export interface Period {
	from: string;
	to: string;
}

/** A period from the query (Warsaw days, both included); the last 30 days by default. */
export function parsePeriod(input: unknown, now: Date): Period {
	const p = parseInput(periodSchema, input);
	const to = p.do || warsawDay(now);
	const from = p.od || warsawDay(new Date(warsawMidnight(to).getTime() - 29 * 86_400_000 + 12 * 3_600_000));
	if (from > to)
		throw new AppError('validation', 'Początek okresu musi być przed jego końcem.', {
			od: 'Początek okresu musi być przed jego końcem.'
		});
	if (warsawMidnight(to).getTime() - warsawMidnight(from).getTime() > 366 * 86_400_000 * 3)
		throw new AppError('validation', 'Okres może mieć najwyżej 3 lata.', { od: 'Okres może mieć najwyżej 3 lata.' });
	return { from, to };
}

/** The period a page asks for (?od=&do=); a bad one falls back to the last 30 days with its message. */
export function periodFromQuery(params: URLSearchParams, now: Date): { period: Period; problem: string | null } {
	try {
		return { period: parsePeriod({ od: params.get('od') ?? '', do: params.get('do') ?? '' }, now), problem: null };
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		return { period: parsePeriod({}, now), problem: e.message };
	}
}

export interface Count {
	key: string;
	label: string;
	count: number;
}

export interface TransparencyReport {
	period: Period;
	notices: { total: number; fromPublishers: number; byGround: Count[] };
	actions: { total: number; byType: Count[]; byGround: Count[] };
	automated: { decided: number; detected: number; total: number };
	/** Median minutes from content (or notice) to a moderator's decision; null without decisions. */
	medianMinutesToDecision: number | null;
	appeals: { received: number; upheld: number; reversed: number; open: number };
}

function groundLabel(key: string): string {
	return key in grounds ? `${grounds[key as Ground].label} (${grounds[key as Ground].clause})` : 'bez wskazania';
}

/** Numbers for DSA-style transparency, for one group or all groups, over Warsaw days. */
export async function transparencyReport(db: Db, period: Period, groupId?: string): Promise<TransparencyReport> {
	const from = warsawMidnight(period.from);
	const to = warsawMidnight(period.to, 1);
	let reports = db.selectFrom('reports').where('created_at', '>=', from).where('created_at', '<', to);
	let log = db.selectFrom('moderation_log as l').where('l.created_at', '>=', from).where('l.created_at', '<', to);
	let appeals = db
		.selectFrom('appeals as a')
		.innerJoin('moderation_log as l', 'l.id', 'a.decision_id')
		.where('a.created_at', '>=', from)
		.where('a.created_at', '<', to);
	if (groupId) {
		reports = reports.where('group_id', '=', groupId);
		log = log.where('l.group_id', '=', groupId);
		appeals = appeals.where('l.group_id', '=', groupId);
	}
	const [noticeRows, actionRows, groundRows, auto, median, appealRows] = await Promise.all([
		reports
			.select(['ground', 'from_publisher', (eb) => eb.fn.countAll<string>().as('n')])
			.groupBy(['ground', 'from_publisher'])
			.execute(),
		log
			.select(['l.action', (eb) => eb.fn.countAll<string>().as('n')])
			.where('l.action', 'in', restrictive)
			.groupBy('l.action')
			.execute(),
		log
			.select(['l.ground', (eb) => eb.fn.countAll<string>().as('n')])
			.where('l.action', 'in', restrictive)
			.groupBy('l.ground')
			.execute(),
		log
			.select([
				sql<string>`count(*) filter (where l.automated_decision)`.as('decided'),
				sql<string>`count(*) filter (where l.automated_detection)`.as('detected'),
				sql<string>`count(*)`.as('total')
			])
			.where('l.action', 'in', restrictive)
			.executeTakeFirstOrThrow(),
		log
			.leftJoin('reports as r', 'r.id', 'l.report_id')
			.select(
				sql<
					number | null
				>`percentile_cont(0.5) within group (order by extract(epoch from l.created_at - coalesce(r.created_at, l.content_created_at)) / 60)`.as(
					'm'
				)
			)
			.where('l.action', 'in', timed)
			.where('l.actor_id', 'is not', null)
			.where((eb) => eb.or([eb('r.created_at', 'is not', null), eb('l.content_created_at', 'is not', null)]))
			.executeTakeFirstOrThrow(),
		appeals
			.select(['a.status', (eb) => eb.fn.countAll<string>().as('n')])
			.groupBy('a.status')
			.execute()
	]);
	const sumBy = <T>(rows: T[], key: (r: T) => string, n: (r: T) => number) => {
		const m = new Map<string, number>();
		for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + n(r));
		return [...m.entries()].sort((a, b) => b[1] - a[1]);
	};
	const notices = sumBy(
		noticeRows,
		(r) => r.ground,
		(r) => Number(r.n)
	);
	const appealCount = (s: string) => Number(appealRows.find((r) => r.status === s)?.n ?? 0);
	return {
		period,
		notices: {
			total: notices.reduce((s, [, n]) => s + n, 0),
			fromPublishers: noticeRows.filter((r) => r.from_publisher).reduce((s, r) => s + Number(r.n), 0),
			byGround: notices.map(([key, count]) => ({ key, label: groundLabel(key), count }))
		},
		actions: {
			total: actionRows.reduce((s, r) => s + Number(r.n), 0),
			byType: sumBy(
				actionRows,
				(r) => r.action,
				(r) => Number(r.n)
			).map(([key, count]) => ({ key, label: actionLabel(key), count })),
			byGround: sumBy(
				groundRows,
				(r) => r.ground ?? '',
				(r) => Number(r.n)
			).map(([key, count]) => ({ key, label: groundLabel(key), count }))
		},
		automated: { decided: Number(auto.decided), detected: Number(auto.detected), total: Number(auto.total) },
		medianMinutesToDecision: median.m === null ? null : Math.round(Number(median.m)),
		appeals: {
			received: appealRows.reduce((s, r) => s + Number(r.n), 0),
			upheld: appealCount('upheld'),
			reversed: appealCount('reversed'),
			open: appealCount('open')
		}
	};
}
