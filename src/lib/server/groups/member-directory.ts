import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { parseInput } from '../core/validation';
import { assertCan, can } from '../access/policy';
import { groupAccess } from '../access/group-access';
import { foldText } from '../text/fold';

// Names are matched without case and Polish diacritics, as foldText() folds the search.
const POLISH = 'ąćęłńóśźżáéíöüč';
const LATIN = 'acelnoszzaeiouc';

/** Members per page of the group's member list. */
export const MEMBERS_PAGE = 50;

export const memberQuerySchema = z.object({
	q: z.string().trim().max(100, 'Szukany tekst może mieć najwyżej 100 znaków.').default(''),
	page: z.coerce
		.number({ error: 'Nie ma takiej strony.' })
		.int('Nie ma takiej strony.')
		.min(1, 'Nie ma takiej strony.')
		.max(100_000, 'Nie ma takiej strony.')
		.default(1)
});

export interface MemberPage {
	members: { id: string; name: string; role: 'member' | 'moderator'; since: string }[];
	/** Members matching the search, on all pages. */
	total: number;
	page: number;
	pageSize: number;
	q: string;
	/** The search also looks at e-mail addresses (the viewer moderates the group). */
	byEmail: boolean;
}

/**
 * One page of a group's approved members, by name; a search matches the name (case and
 * diacritics ignored) and, for the group's moderators, the e-mail address.
 */
export async function searchMembers(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<MemberPage> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'listMembers', group);
	const f = parseInput(memberQuerySchema, input);
	const byEmail = can(access.role, 'decideMembership', group);
	let q = ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.where('m.group_id', '=', group.id)
		.where('m.status', '=', 'approved')
		.where('u.deleted_at', 'is', null);
	if (f.q) {
		const like = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
		const folded = like(foldText(f.q));
		q = q.where((eb) =>
			eb.or([
				eb(sql<string>`translate(lower(u.display_name), ${POLISH}, ${LATIN})`, 'like', folded),
				...(byEmail ? [eb('u.email', 'ilike', like(f.q))] : [])
			])
		);
	}
	const [count, rows] = await Promise.all([
		q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
		q
			.select(['u.id', 'u.display_name', 'm.role', 'm.decided_at', 'm.requested_at'])
			.orderBy('u.display_name')
			.orderBy('u.id')
			.limit(MEMBERS_PAGE)
			.offset((f.page - 1) * MEMBERS_PAGE)
			.execute()
	]);
	return {
		members: rows.map((r) => ({
			id: r.id,
			name: r.display_name,
			role: r.role === 'moderator' ? 'moderator' : 'member',
			since: (r.decided_at ?? r.requested_at).toISOString()
		})),
		total: Number(count.n),
		page: f.page,
		pageSize: MEMBERS_PAGE,
		q: f.q,
		byEmail
	};
}

/** How many names the "@" autocomplete offers. */
const SUGGESTIONS = 8;

/**
 * The "@" autocomplete: up to 8 members of the group whose name, or a word of it, starts with what
 * follows "@" (case and diacritics ignored), for those who may see the member list.
 */
export async function suggestMembers(ctx: Ctx, actor: Actor | null, group: Group, prefix: unknown): Promise<string[]> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'listMembers', group);
	const { q } = parseInput(memberQuerySchema.pick({ q: true }), { q: prefix });
	if (!q) return [];
	const start = `${foldText(q).replace(/[\\%_]/g, '\\$&')}%`;
	const folded = sql<string>`translate(lower(u.display_name), ${POLISH}, ${LATIN})`;
	const rows = await ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select('u.display_name')
		.distinct()
		.where('m.group_id', '=', group.id)
		.where('m.status', '=', 'approved')
		.where('u.deleted_at', 'is', null)
		.where('u.id', '!=', actor?.id ?? '0')
		.where((eb) => eb.or([eb(folded, 'like', start), eb(folded, 'like', sql<string>`'% ' || ${start}`)]))
		.orderBy('u.display_name')
		.limit(SUGGESTIONS)
		.execute();
	return rows.map((r) => r.display_name);
}
