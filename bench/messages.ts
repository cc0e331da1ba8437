// Private messages live (issue 19): 2 000 people with a conversation open (each its own SSE stream,
// `/wiadomosci/live`), and a new message in each of those conversations, sent through the JSON API by
// the other person: the time from sending until the recipient's stream hears of it.
// `npm run bench -- --messages-only` runs just this part.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Ctx } from '../src/lib/server/core/context';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import { newSecret } from '../src/lib/server/auth/crypto';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { freshPgDatabase, startBuiltServer } from './common';

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** `pairs` conversations of two members each, one message in each; a session per recipient, an API token per sender. */
async function prepare(url: string, pairs: number) {
	const database = await openPostgres(url);
	const ctx: Ctx = {
		db: database.db,
		clock: systemClock,
		notifier: database.notifier,
		baseUrl: 'http://localhost:3000'
	};
	await migrate(ctx.db);
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@messages.bench', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiadomosci',
		municipalityCode: '1438053',
		name: 'Test wiadomości prywatnych',
		membershipQuestion: 'Test?'
	});
	const group = await getGroup(ctx.db, 'wiadomosci');
	await sql`
		WITH u AS (
			INSERT INTO users (email, password_hash, display_name, email_verified_at, created_at)
			SELECT 'osoba' || i || '@messages.bench', '', 'Mieszkaniec ' || i, now(), now() FROM generate_series(1, ${2 * pairs}) i
			RETURNING id
		)
		INSERT INTO memberships (group_id, user_id, status, answer, requested_at, decided_at)
		SELECT ${group.id}, id, 'approved', 'tak', now() - interval '100 days', now() - interval '100 days' FROM u`.execute(
		ctx.db
	);
	const users = (
		await sql<{
			id: string;
		}>`SELECT id::text AS id FROM users WHERE email LIKE '%@messages.bench' AND email LIKE 'osoba%' ORDER BY id`.execute(
			ctx.db
		)
	).rows.map((r) => r.id);
	const people: { conversation: string; sender: string; token: string; session: string }[] = [];
	await ctx.db.transaction().execute(async (tx) => {
		for (let i = 0; i < pairs; i++) {
			const [recipient, sender] = [users[2 * i], users[2 * i + 1]];
			const [low, high] = BigInt(recipient) < BigInt(sender) ? [recipient, sender] : [sender, recipient];
			const now = new Date();
			const c = await tx
				.insertInto('conversations')
				.values({
					group_id: group.id,
					user_low: low,
					user_high: high,
					started_by: sender,
					created_at: now,
					last_message_at: now,
					last_sender_id: sender
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const m = await tx
				.insertInto('private_messages')
				.values({
					conversation_id: c.id,
					sender_id: sender,
					body: 'Dzień dobry, czy rower jest aktualny?',
					created_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await tx.updateTable('conversations').set({ last_message_id: m.id }).where('id', '=', c.id).execute();
			await tx
				.insertInto('conversation_members')
				.values([
					{ conversation_id: c.id, user_id: recipient, last_read_id: m.id },
					{ conversation_id: c.id, user_id: sender, last_read_id: m.id }
				])
				.execute();
			const session = newSecret();
			await tx
				.insertInto('sessions')
				.values({
					token_hash: session.hash,
					user_id: recipient,
					created_at: now,
					expires_at: new Date(now.getTime() + 86_400_000)
				})
				.execute();
			const token = newSecret();
			await tx
				.insertInto('api_tokens')
				.values({ token_hash: token.hash, user_id: sender, name: 'bench', created_at: now })
				.execute();
			people.push({ conversation: c.id, sender, token: `tbl_${token.token}`, session: session.token });
		}
	});
	await database.close();
	return people;
}

/** Opens every recipient's stream, then sends one message into each conversation, `concurrency` at a time. */
async function liveTimes(base: string, people: Awaited<ReturnType<typeof prepare>>, concurrency: number) {
	const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
	const heard = new Map<string, (t: number) => void>();
	const requests: http.ClientRequest[] = [];
	const t0 = performance.now();
	await Promise.all(
		people.map(
			(p) =>
				new Promise<void>((resolve, reject) => {
					const req = http.get(`${base}/wiadomosci/live`, { agent, headers: { cookie: `sid=${p.session}` } }, (res) => {
						if (res.statusCode !== 200) reject(new Error(`stream refused: ${res.statusCode}`));
						res.setEncoding('utf8');
						res.on('data', (chunk: string) => {
							if (chunk.includes('połączono')) resolve();
							for (const m of chunk.matchAll(/"conversationId":"(\d+)"/g)) heard.get(m[1])?.(performance.now());
						});
					});
					req.on('error', reject);
					requests.push(req);
				})
		)
	);
	const connectMs = performance.now() - t0;
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	const send = async () => {
		while (next < people.length) {
			const p = people[next++];
			const arrived = new Promise<number>((resolve) => heard.set(p.conversation, resolve));
			const t = performance.now();
			const r = await fetch(`${base}/api/v1/conversations/${p.conversation}/messages`, {
				method: 'POST',
				headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ body: 'Tak, aktualny. Zapraszam po 17.' })
			});
			if (r.status !== 201) throw new Error(`message refused: ${r.status} ${await r.text()}`);
			latencies.push((await arrived) - t);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, send));
	const seconds = (performance.now() - started) / 1000;
	for (const req of requests) req.destroy();
	agent.destroy();
	return { connectMs, latencies, perSecond: people.length / seconds };
}

export async function benchMessages(opts: { pgServer: string; pairs: number; concurrency: number; runs: number }) {
	const results = [];
	for (let run = 0; run < opts.runs; run++) {
		const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_messages');
		const people = await prepare(url, opts.pairs);
		const { base, stop } = await startBuiltServer(url, 'messages-media', { JOBS: '0' });
		try {
			const r = await liveTimes(base, people, opts.concurrency);
			const figures = {
				streams: people.length,
				connectMs: Math.round(r.connectMs),
				p50: Math.round(percentile(r.latencies, 0.5)),
				p99: Math.round(percentile(r.latencies, 0.99)),
				max: Math.round(Math.max(...r.latencies)),
				messagesPerSecond: Math.round(r.perSecond)
			};
			console.log(
				`private messages live, run ${run + 1}: ${figures.streams} open conversations (streams connected in ${figures.connectMs} ms), a message into each, ${opts.concurrency} senders at a time: heard by the recipient p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms; ${figures.messagesPerSecond} messages/s`
			);
			results.push(figures);
		} finally {
			await stop();
		}
	}
	return { pairs: opts.pairs, concurrency: opts.concurrency, runs: results };
}
