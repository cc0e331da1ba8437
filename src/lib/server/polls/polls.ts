import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { AppError, notFound } from '../core/errors';
import { dateSchema, parseInput } from '../core/validation';
import { authorizeOnPost } from '../access/post-access';
import { can } from '../access/policy';
import { isUnitStaff } from '../access/office';
import { assertSignedIn } from '../access/actor';
import { firstLine } from '../../text/excerpt';

export const MAX_POLL_OPTIONS = 10;
/** A poll is open at least this long and at most a year. */
const MIN_OPEN_MS = 10 * 60_000;
const MAX_OPEN_MS = 366 * 86_400_000;

const optionsMessage = `Ankieta potrzebuje od 2 do ${MAX_POLL_OPTIONS} odpowiedzi.`;

/** A poll as the composer and the API give it. */
export const pollInputSchema = z.object({
	options: z
		.array(
			z
				.string({ error: 'Każda odpowiedź musi być tekstem.' })
				.trim()
				.min(1, 'Odpowiedź nie może być pusta.')
				.max(200, 'Odpowiedź może mieć najwyżej 200 znaków.'),
			{
				error: optionsMessage
			}
		)
		.min(2, optionsMessage)
		.max(MAX_POLL_OPTIONS, optionsMessage)
		.refine(
			(o) => new Set(o.map((x) => x.toLocaleLowerCase('pl'))).size === o.length,
			'Odpowiedzi nie mogą się powtarzać.'
		),
	multiple: z.boolean({ error: 'Wybierz, czy można zaznaczyć kilka odpowiedzi.' }).default(false),
	closesAt: dateSchema('Podaj, do kiedy trwa głosowanie.'),
	consultation: z.boolean({ error: 'Wybierz, czy to konsultacja.' }).default(false)
});
export type PollInput = z.output<typeof pollInputSchema>;

/**
 * The poll's rules that depend on the post (checked before it is stored): open from its
 * publication for 10 minutes to a year; a consultation is a unit's.
 */
export function checkPoll(poll: PollInput, opts: { publishAt: Date; byUnit: boolean }): void {
	if (poll.closesAt.getTime() < opts.publishAt.getTime() + MIN_OPEN_MS)
		throw new AppError('validation', 'Głosowanie musi trwać co najmniej 10 minut od publikacji.', {
			'poll.closesAt': 'Co najmniej 10 minut od publikacji.'
		});
	if (poll.closesAt.getTime() > opts.publishAt.getTime() + MAX_OPEN_MS)
		throw new AppError('validation', 'Głosowanie może trwać najwyżej rok.', { 'poll.closesAt': 'Najwyżej rok.' });
	if (poll.consultation && !opts.byUnit)
		throw new AppError('validation', 'Konsultację prowadzi urząd lub jednostka gminy: opublikuj post jako jednostka.', {
			'poll.consultation': 'Tylko w poście jednostki.'
		});
}

/** What moderation reads of a post with a poll: its text and every option, screened like it. */
export const textWithPoll = (body: string, poll: PollInput | null | undefined) =>
	poll ? `${body}\n${poll.options.join('\n')}` : body;

/** Stores the post's poll in the caller's transaction. */
export async function recordPoll(tx: Db, postId: string, poll: PollInput): Promise<void> {
	await tx
		.insertInto('polls')
		.values({
			post_id: postId,
			options: poll.options,
			multiple: poll.multiple,
			consultation: poll.consultation,
			closes_at: poll.closesAt,
			closed_at: null
		})
		.execute();
}

/** A poll as a post row carries it (JSON: dates are strings). */
export interface PollRow {
	options: string[];
	multiple: boolean;
	consultation: boolean;
	closesAt: string;
	closedAt: string | null;
	counts: number[];
	voters: number;
}

/** A poll as pages and the API show it to one reader: results once they voted or it closed. */
export interface PollView {
	options: string[];
	multiple: boolean;
	consultation: boolean;
	closesAt: string;
	closed: boolean;
	voters: number;
	/** Votes per option, in the options' order; null until the reader voted or the poll closed. */
	results: number[] | null;
	/** The options the reader chose (indexes). */
	myVotes: number[];
}

export const pollClosed = (poll: Pick<PollRow, 'closesAt' | 'closedAt'>, now: Date) =>
	!!poll.closedAt || new Date(poll.closesAt).getTime() <= now.getTime();

export function presentPoll(row: PollRow, myVotes: number[] | null, now: Date): PollView {
	const closed = pollClosed(row, now);
	const mine = myVotes ?? [];
	return {
		options: row.options,
		multiple: row.multiple,
		consultation: row.consultation,
		closesAt: new Date(row.closedAt ?? row.closesAt).toISOString(),
		closed,
		voters: row.voters,
		results: closed || mine.length > 0 ? row.counts : null,
		myVotes: mine
	};
}

/** The SQL of a post's poll for `postRows` (one scalar subquery; null without a poll). */
export const pollColumn = sql<PollRow | null>`(SELECT json_build_object('options', pl.options,
	'multiple', pl.multiple, 'consultation', pl.consultation, 'closesAt', pl.closes_at, 'closedAt', pl.closed_at,
	'counts', (SELECT json_agg((SELECT count(*) FROM poll_votes v WHERE v.post_id = pl.post_id AND v.option = i) ORDER BY i)
		FROM generate_series(0, cardinality(pl.options) - 1) i),
	'voters', (SELECT count(DISTINCT v.user_id) FROM poll_votes v WHERE v.post_id = pl.post_id))
	FROM polls pl WHERE pl.post_id = p.id)`;

const choiceMessage = 'Zaznacz odpowiedź z listy.';
const choicesSchema = z.array(z.number({ error: choiceMessage }).int(choiceMessage).min(0, choiceMessage), {
	error: choiceMessage
});

/**
 * A member's vote: one option, or for a multiple-choice poll one or more; voting again replaces
 * the vote, until the poll closes. A consultation takes votes of members who named a place of the
 * municipality (on joining or in their account).
 */
export async function votePoll(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	choices: unknown,
	via?: string | null
): Promise<PollView> {
	const { actor: member, group } = await authorizeOnPost(ctx, actor, postId, 'react', via);
	const chosen = [...new Set(parseInput(choicesSchema, choices))].sort((a, b) => a - b);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const poll = await tx
			.selectFrom('polls as pl')
			.innerJoin('posts as p', 'p.id', 'pl.post_id')
			.select(['pl.options', 'pl.multiple', 'pl.consultation', 'pl.closes_at', 'pl.closed_at', 'p.status'])
			.where('pl.post_id', '=', postId)
			.forUpdate()
			.executeTakeFirst();
		if (!poll || poll.status !== 'published') throw new AppError('conflict', 'Ten post nie ma ankiety.');
		if (poll.closed_at || poll.closes_at <= now)
			throw new AppError('conflict', 'Głosowanie w tej ankiecie jest zakończone.');
		if (chosen.length === 0 || chosen.some((c) => c >= poll.options.length))
			throw new AppError('validation', choiceMessage);
		if (!poll.multiple && chosen.length > 1)
			throw new AppError('validation', 'W tej ankiecie można zaznaczyć tylko jedną odpowiedź.');
		if (poll.consultation) {
			const named = await tx
				.selectFrom('member_places')
				.select('place_id')
				.where('group_id', '=', group.id)
				.where('user_id', '=', member.id)
				.executeTakeFirst();
			if (!named)
				throw new AppError(
					'forbidden',
					'W konsultacji głosują mieszkańcy, którzy wskazali swoją miejscowość w gminie. Wskaż ją w ustawieniach konta i zagłosuj.'
				);
		}
		await tx.deleteFrom('poll_votes').where('post_id', '=', postId).where('user_id', '=', member.id).execute();
		await tx
			.insertInto('poll_votes')
			.values(chosen.map((option) => ({ post_id: postId, user_id: member.id, option, created_at: now })))
			.execute();
		return presentPoll(await pollRow(tx, postId), chosen, now);
	});
}

async function pollRow(db: Db, postId: string): Promise<PollRow> {
	const r = await sql<{ poll: PollRow }>`SELECT ${pollColumn} AS poll FROM posts p WHERE p.id = ${postId}`.execute(db);
	return r.rows[0].poll;
}

/** Who runs the poll: the post's author, or for a unit's post the unit's staff. */
async function runsPoll(
	ctx: Ctx,
	actor: Actor | null,
	post: { author_id: string; unit_id: string | null; municipality_code: string | null }
) {
	if (!actor) return false;
	return post.unit_id
		? isUnitStaff(ctx, actor, { id: post.unit_id, municipality_code: post.municipality_code! })
		: post.author_id === actor.id;
}

/** The author (or the unit's staff) ends the vote before its time; the results become public. */
export async function closePoll(ctx: Ctx, actor: Actor | null, postId: string): Promise<PollView> {
	assertSignedIn(actor);
	await authorizeOnPost(ctx, actor, postId, 'read');
	const post = await ctx.db
		.selectFrom('posts')
		.innerJoin('polls', 'polls.post_id', 'posts.id')
		.leftJoin('units', 'units.id', 'posts.unit_id')
		.select(['posts.author_id', 'posts.unit_id', 'units.municipality_code', 'polls.closed_at', 'polls.closes_at'])
		.where('posts.id', '=', postId)
		.executeTakeFirst();
	if (!post) throw notFound('Ten post nie ma ankiety.');
	if (!(await runsPoll(ctx, actor, post)))
		throw new AppError('forbidden', 'Ankietę może zakończyć jej autor (przy poście jednostki — jej zespół).');
	const now = ctx.clock.now();
	if (post.closed_at || post.closes_at <= now)
		throw new AppError('conflict', 'Głosowanie w tej ankiecie jest już zakończone.');
	await ctx.db.updateTable('polls').set({ closed_at: now }).where('post_id', '=', postId).execute();
	return presentPoll(await pollRow(ctx.db, postId), await myVotes(ctx.db, postId, actor.id), now);
}

async function myVotes(db: Db, postId: string, userId: string): Promise<number[]> {
	const rows = await db
		.selectFrom('poll_votes')
		.select('option')
		.where('post_id', '=', postId)
		.where('user_id', '=', userId)
		.orderBy('option')
		.execute();
	return rows.map((r) => r.option);
}

/** A poll's results for the API and the exports, as the reader may see them. */
export async function pollResults(ctx: Ctx, actor: Actor | null, postId: string) {
	const { group, access } = await authorizeOnPost(ctx, actor, postId, 'read');
	const post = await ctx.db
		.selectFrom('posts as p')
		.leftJoin('units as u', 'u.id', 'p.unit_id')
		.innerJoin('users as a', 'a.id', 'p.author_id')
		.select([
			'p.id',
			'p.body',
			'p.status',
			'p.author_id',
			'p.unit_id',
			'p.published_at',
			'u.name as unit_name',
			'u.municipality_code',
			'a.display_name'
		])
		.where('p.id', '=', postId)
		.executeTakeFirst();
	if (!post || post.status !== 'published') throw notFound('Nie ma takiej ankiety.');
	const row = await pollRow(ctx.db, postId);
	if (!row) throw notFound('Ten post nie ma ankiety.');
	const now = ctx.clock.now();
	const runs = await runsPoll(ctx, actor, post);
	const moderates = can(access.role, 'moderate', group);
	const view = presentPoll(row, actor ? await myVotes(ctx.db, postId, actor.id) : null, now);
	// Who runs the poll and the moderators follow it while it is open.
	if (!view.results && (runs || moderates)) view.results = row.counts;
	return {
		postId: post.id,
		question: firstLine(post.body, 200),
		group: { slug: group.slug, name: group.name },
		by: post.unit_name ?? post.display_name,
		publishedAt: post.published_at!.toISOString(),
		runs,
		...view
	};
}

export type PollResults = Awaited<ReturnType<typeof pollResults>>;

/**
 * The post page's poll panel: whether the reader runs the poll, and the results they may see.
 * An anonymous reader neither runs nor moderates: the post's own poll says it all, no query.
 */
export async function pollPanel(
	ctx: Ctx,
	actor: Actor | null,
	post: { id: string; status: string; poll: PollView | null }
): Promise<{ runs: boolean; results: number[] | null } | null> {
	if (!post.poll || post.status !== 'published') return null;
	if (!actor) return { runs: false, results: post.poll.results };
	const { runs, results } = await pollResults(ctx, actor, post.id);
	return { runs, results };
}

/** Results a reader may export (CSV, PDF): once visible to them. */
export function assertResultsVisible(r: PollResults): asserts r is PollResults & { results: number[] } {
	if (!r.results)
		throw new AppError('forbidden', 'Wyniki ankiety zobaczysz po oddaniu głosu albo po zakończeniu głosowania.');
}
