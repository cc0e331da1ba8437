import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { parseInput, isId } from '../core/validation';
import { warsawMidnight } from '../../dates';
import { actionLabel, actionLabels, type LogAction } from '../audit/audit-log';
import { describeGround } from './terms';
import { authorizeInGroup } from '../access/group-access';

export const logQuerySchema = z.object({
	q: z.string().trim().max(100, 'Szukany tekst może mieć najwyżej 100 znaków.').default(''),
	action: z
		.union([z.enum(Object.keys(actionLabels) as [LogAction, ...LogAction[]]), z.literal('')], {
			error: 'Nie ma takiego działania.'
		})
		.default(''),
	from: z.union([z.iso.date('Podaj datę w formacie RRRR-MM-DD.'), z.literal('')]).default(''),
	to: z.union([z.iso.date('Podaj datę w formacie RRRR-MM-DD.'), z.literal('')]).default(''),
	before: z.union([z.string().refine(isId), z.literal('')]).default('')
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

/**
 * The group's audit log, newest first, searchable by text (the reason, a person, the post's or the
 * comment's content), action and dates (Warsaw days).
 */
export async function searchLog(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<{ lines: LogLine[]; next: string | null }> {
	await authorizeInGroup(ctx, actor, group, 'moderate');
	const f = parseInput(logQuerySchema, input);
	let q = ctx.db
		.selectFrom('moderation_log as l')
		.leftJoin('users as a', 'a.id', 'l.actor_id')
		.leftJoin('users as s', 's.id', 'l.subject_id')
		.leftJoin('comments as c', 'c.id', 'l.comment_id')
		.leftJoin('posts as p', 'p.id', 'l.post_id')
		.select([
			'l.id',
			'l.created_at',
			'l.action',
			'a.display_name as actor_name',
			's.display_name as subject_name',
			'l.ground',
			'l.facts',
			'l.actor_id',
			'l.automated_decision',
			'l.restriction',
			'l.post_id',
			'l.comment_id',
			'c.body as comment_body'
		])
		.where('l.group_id', '=', group.id)
		.orderBy('l.id', 'desc')
		.limit(LOG_PAGE + 1);
	if (f.action) q = q.where('l.action', '=', f.action);
	if (f.from) q = q.where('l.created_at', '>=', warsawMidnight(f.from));
	if (f.to) q = q.where('l.created_at', '<', warsawMidnight(f.to, 1));
	if (f.before) q = q.where('l.id', '<', f.before);
	if (f.q) {
		const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
		q = q.where((eb) =>
			eb.or([
				eb('l.facts', 'ilike', like),
				eb('a.display_name', 'ilike', like),
				eb('s.display_name', 'ilike', like),
				eb('c.body', 'ilike', like),
				// A post's own lines, not those of the comments under it.
				eb.and([eb('l.comment_id', 'is', null), eb('p.body', 'ilike', like)])
			])
		);
	}
	const rows = await q.execute();
	const lines = rows.slice(0, LOG_PAGE).map((r) => ({
		id: r.id,
		createdAt: r.created_at.toISOString(),
		action: r.action as LogAction,
		actionLabel: actionLabel(r.action),
		actorName: r.actor_name ?? (r.actor_id ? 'Konto usunięte' : 'system automatyczny'),
		subjectName: r.subject_name,
		ground: r.ground ? describeGround(r.ground) : null,
		facts: r.facts,
		automated: r.actor_id === null,
		restriction: r.restriction,
		href: r.restriction
			? `/decyzje/${r.id}`
			: r.post_id
				? `/g/${group.slug}/p/${r.post_id}${r.comment_id ? `#k${r.comment_id}` : ''}`
				: null
	}));
	return { lines, next: rows.length > LOG_PAGE ? lines[lines.length - 1].id : null };
}
