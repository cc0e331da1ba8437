import { z } from 'zod';
import type { Clock } from '../clock';
import type { Actor, Ctx } from '../context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { parseInput } from '../auth/accounts';
import { groupAccess } from '../groups/groups';
import { assertCan } from '../groups/policy';
import { warsawMidnight } from '../../text/time';
import { describeGround, type Ground } from './terms';

/** Every moderation action has one name in the log, the statements and the statistics. */
export const actionLabels = {
	hold: 'zatrzymanie do akceptacji',
	approve: 'akceptacja',
	reject: 'odrzucenie',
	ask_edit: 'prośba o poprawki',
	hide: 'ukrycie po zgłoszeniach',
	remove: 'usunięcie',
	restore: 'przywrócenie',
	flag: 'oznaczenie do przejrzenia',
	report_dismissed: 'zgłoszenie bez działań',
	warn: 'ostrzeżenie',
	mute: 'wyciszenie',
	suspend: 'zawieszenie',
	ban: 'wykluczenie z grupy',
	sanction_lifted: 'zniesienie sankcji',
	appeal_upheld: 'odwołanie nieuwzględnione',
	appeal_reversed: 'odwołanie uwzględnione',
	word_added: 'dodanie słowa do listy',
	word_removed: 'usunięcie słowa z listy',
	settings_changed: 'zmiana ustawień moderacji'
} as const;

export type LogAction = keyof typeof actionLabels;

export interface LogEntry {
	groupId: string;
	/** Null: the automated engine acted. */
	actorId: string | null;
	action: LogAction;
	postId?: string | null;
	commentId?: string | null;
	/** Whose content or account it concerns. */
	subjectId?: string | null;
	reportId?: string | null;
	ground?: Ground | null;
	facts?: string;
	automatedDetection?: boolean;
	automatedDecision?: boolean;
	restriction?: boolean;
	reversesId?: string | null;
	contentCreatedAt?: Date | null;
}

/** Writes one line of the audit log in the caller's transaction; returns its id. */
export async function logAction(db: Db, clock: Clock, e: LogEntry): Promise<string> {
	const row = await db
		.insertInto('moderation_log')
		.values({
			group_id: e.groupId,
			actor_id: e.actorId,
			action: e.action,
			post_id: e.postId ?? null,
			comment_id: e.commentId ?? null,
			subject_id: e.subjectId ?? null,
			report_id: e.reportId ?? null,
			ground: e.ground ?? null,
			facts: e.facts ?? '',
			automated_detection: e.automatedDetection ?? false,
			automated_decision: e.automatedDecision ?? false,
			restriction: e.restriction ?? false,
			reverses_id: e.reversesId ?? null,
			content_created_at: e.contentCreatedAt ?? null,
			created_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export const logQuerySchema = z.object({
	q: z.string().trim().max(100, 'Szukany tekst może mieć najwyżej 100 znaków.').default(''),
	action: z.union([z.enum(Object.keys(actionLabels) as [LogAction, ...LogAction[]]), z.literal('')], { error: 'Nie ma takiego działania.' }).default(''),
	from: z.union([z.iso.date('Podaj datę w formacie RRRR-MM-DD.'), z.literal('')]).default(''),
	to: z.union([z.iso.date('Podaj datę w formacie RRRR-MM-DD.'), z.literal('')]).default(''),
	before: z.union([z.string().regex(/^\d{1,18}$/), z.literal('')]).default('')
});

export interface LogLine {
	id: string;
	createdAt: string;
	action: LogAction;
	actionLabel: string;
	actorName: string;
	subjectName: string | null;
	ground: string | null;
	facts: string;
	automated: boolean;
	restriction: boolean;
	href: string | null;
}

export const LOG_PAGE = 50;

/** The group's audit log, newest first, searchable by text, action and dates (Warsaw days). */
export async function searchLog(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<{ lines: LogLine[]; next: string | null }> {
	assertCan((await groupAccess(ctx, actor, group)).role, 'moderate', group);
	const f = parseInput(logQuerySchema, input);
	let q = ctx.db
		.selectFrom('moderation_log as l')
		.leftJoin('users as a', 'a.id', 'l.actor_id')
		.leftJoin('users as s', 's.id', 'l.subject_id')
		.leftJoin('comments as c', 'c.id', 'l.comment_id')
		.select(['l.id', 'l.created_at', 'l.action', 'a.display_name as actor_name', 's.display_name as subject_name', 'l.ground', 'l.facts', 'l.actor_id', 'l.automated_decision', 'l.restriction', 'l.post_id', 'l.comment_id', 'c.body as comment_body'])
		.where('l.group_id', '=', group.id)
		.orderBy('l.id', 'desc')
		.limit(LOG_PAGE + 1);
	if (f.action) q = q.where('l.action', '=', f.action);
	if (f.from) q = q.where('l.created_at', '>=', warsawMidnight(f.from));
	if (f.to) q = q.where('l.created_at', '<', warsawMidnight(f.to, 1));
	if (f.before) q = q.where('l.id', '<', f.before);
	if (f.q) {
		const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
		q = q.where((eb) => eb.or([eb('l.facts', 'ilike', like), eb('a.display_name', 'ilike', like), eb('s.display_name', 'ilike', like), eb('c.body', 'ilike', like)]));
	}
	const rows = await q.execute();
	const lines = rows.slice(0, LOG_PAGE).map((r) => ({
		id: r.id,
		createdAt: r.created_at.toISOString(),
		action: r.action as LogAction,
		actionLabel: actionLabels[r.action as LogAction] ?? r.action,
		actorName: r.actor_name ?? (r.actor_id ? 'Konto usunięte' : 'system automatyczny'),
		subjectName: r.subject_name,
		ground: r.ground ? describeGround(r.ground) : null,
		facts: r.facts,
		automated: r.actor_id === null,
		restriction: r.restriction,
		href: r.restriction ? `/decyzje/${r.id}` : r.post_id ? `/g/${group.slug}/p/${r.post_id}${r.comment_id ? `#k${r.comment_id}` : ''}` : null
	}));
	return { lines, next: rows.length > LOG_PAGE ? lines[lines.length - 1].id : null };
}
