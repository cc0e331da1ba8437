// Issue 19: a feed page whose posts carry polls, events and threads of replies costs no more
// statements than a page of plain posts. Counts every statement the signed-in reader's page sends
// to PostgreSQL (the group page as `/g/{slug}` loads it, and the JSON feed), first on 20 plain
// posts, then on the same posts with a poll, an event, comments and replies, the reader's votes
// and answers. Part of `npm run bench`; alone: `npx tsx bench/feed-statements.ts`.
import pg from 'pg';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Actor, Ctx } from '../src/lib/server/core/context';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import { createGroup, decideMembership, getGroup, requestMembership } from '../src/lib/server/groups/groups';
import { createPost } from '../src/lib/server/feed/create-post';
import { addComment } from '../src/lib/server/feed/comments';
import { listFeed } from '../src/lib/server/feed/feed-query';
import { groupPage } from '../src/lib/server/feed/group-page';
import { votePoll } from '../src/lib/server/polls/polls';
import { respondToEvent } from '../src/lib/server/events/events';
import { loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { freshPgDatabase } from './common';

const POSTS = 20;

/** How many statements `fn` sends to PostgreSQL (every `Client#query`, pooled or not). */
async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
	const original = pg.Client.prototype.query;
	let n = 0;
	pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
		n++;
		return (original as (...a: unknown[]) => unknown).apply(this, args);
	} as typeof original;
	try {
		await fn();
	} finally {
		pg.Client.prototype.query = original;
	}
	return n;
}

export interface FeedStatements {
	plain: { groupPage: number; jsonFeed: number };
	rich: { groupPage: number; jsonFeed: number };
	pass: boolean;
}

export async function benchFeedStatements(pgServer: string): Promise<FeedStatements> {
	const database = await openPostgres(await freshPgDatabase(pgServer, 'tablica_bench_statements'));
	const ctx: Ctx = { db: database.db, clock: systemClock, notifier: database.notifier, baseUrl: 'http://localhost' };
	try {
		await migrate(ctx.db);
		await loadDemoMunicipalities(ctx);
		const operator = await makeUser(ctx, 'op@statements.bench', { operator: true });
		await createGroup(ctx, operator, {
			slug: 'ankiety',
			municipalityCode: '1438053',
			name: 'Ankiety',
			membershipQuestion: 'Skąd jesteś?'
		});
		await ctx.db
			.updateTable('groups')
			.set({ member_posts_need_approval: false, new_member_days: 0 })
			.where('slug', '=', 'ankiety')
			.execute();
		const group = await getGroup(ctx.db, 'ankiety');
		const member = async (email: string): Promise<Actor> => {
			const a = await makeUser(ctx, email);
			await requestMembership(ctx, a, group, 'Z Wiskitek');
			await decideMembership(ctx, operator, group, a.id, true);
			return a;
		};
		const [author, reader, neighbour] = [
			await member('autor@statements.bench'),
			await member('czytelnik@statements.bench'),
			await member('sasiad@statements.bench')
		];
		const ids: string[] = [];
		for (let i = 0; i < POSTS; i++)
			ids.push((await createPost(ctx, author, group, { body: `Post numer ${i}`, category: 'other' })).id);
		const page = async () => ({
			groupPage: await statementsOf(() =>
				groupPage(ctx, reader, 'ankiety', { category: null, cursor: null, unit: null, q: null })
			),
			jsonFeed: await statementsOf(() => listFeed(ctx, reader, group))
		});
		await page(); // warm: the group's cached reading, prepared statements
		const plain = await page();

		// The same page once its posts have polls, events, threads with replies, and the reader's part.
		const closesAt = new Date(Date.now() + 7 * 86_400_000);
		for (const [i, id] of ids.entries()) {
			await sql`INSERT INTO polls (post_id, options, multiple, consultation, closes_at)
				VALUES (${id}, ${['Tak', 'Nie', 'Nie wiem']}, ${i % 2 === 0}, false, ${closesAt})`.execute(ctx.db);
			await ctx.db
				.updateTable('posts')
				.set({ event_start: new Date(Date.now() + (i + 2) * 86_400_000), event_place: 'Świetlica' })
				.where('id', '=', id)
				.execute();
			const comment = await addComment(ctx, neighbour, id, { body: 'Dobry pomysł.' });
			await addComment(ctx, reader, id, { body: 'Zgadzam się.', parentId: comment.id });
			await votePoll(ctx, reader, id, [i % 3]);
			await votePoll(ctx, neighbour, id, [0]);
			await respondToEvent(ctx, reader, id, i % 2 ? 'going' : 'interested');
		}
		await page();
		const rich = await page();
		return {
			plain,
			rich,
			pass: rich.groupPage <= plain.groupPage && rich.jsonFeed <= plain.jsonFeed
		};
	} finally {
		await database.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const r = await benchFeedStatements(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
	console.log(r);
	process.exit(r.pass ? 0 : 1);
}
