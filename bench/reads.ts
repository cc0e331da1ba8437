// Issue 18: what a reader costs. One group of 2 000 posts on PostgreSQL (one post with 27 comments),
// a member with an API token and a session; the built server twice (anonymous cache on and off)
// and, as the machine's ceiling in the same run, a bare Node server answering 5 KB of JSON. Every
// scenario with autocannon, rounds interleaved, medians, each also as a share of the ceiling.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import { hashSecret } from '../src/lib/server/auth/crypto';
import { foldText } from '../src/lib/server/text/fold';
import { freePort, freshPgDatabase, waitForHealth } from './common';
import { root } from '../scripts/ensure-build.mjs';

export const READS_SLUG = 'odczyty';
const POSTS = 2000;
const MEMBERS = 2000;
const COMMENTS = 27;
/** The reader's API token (send `Bearer tbl_` + it) and session (`sid=`). */
export const API_TOKEN = 'bench-reads-token';
export const SESSION = 'bench-reads-session';

interface Data {
	postId: string;
}

/** Migrates the database at `url` and fills it: the group, its members, posts, comments, the reader's token and session. */
export async function generateReads(url: string): Promise<Data> {
	const database = await openPostgres(url);
	const db = database.db;
	await migrate(db);
	await db
		.insertInto('municipalities')
		.values({
			teryt_code: '1438053',
			name: 'Wiskitki',
			kind: 'mixed',
			county: 'żyrardowski',
			voivodeship: 'mazowieckie',
			name_folded: foldText('Wiskitki')
		})
		.execute();
	const { id: g } = await db
		.insertInto('groups')
		.values({
			slug: READS_SLUG,
			municipality_code: '1438053',
			name: 'Wiskitki – forum mieszkańców',
			membership_question: 'Czy mieszkasz w gminie?',
			member_count: MEMBERS,
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await sql`with u as (
			insert into users (email, password_hash, display_name, email_verified_at, created_at)
			select 'czytelnik' || i || '@bench.test', '', 'Mieszkaniec ' || i, now(), now() from generate_series(1, ${MEMBERS}) i
			returning id)
		insert into memberships (group_id, user_id, status, role, answer, requested_at)
		select ${g}, id, 'approved', 'member', '', now() from u`.execute(db);
	const { id: reader } = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'czytelnik1@bench.test')
		.executeTakeFirstOrThrow();
	const categories = sql.raw(
		`array['official','education','culture','sport','safety','community','questions','other']`
	);
	await sql`insert into posts (group_id, author_id, category, body, body_folded, status, reaction_counts, created_at, published_at, comment_count, reaction_count, view_count, share_count)
		select ${g}, (select min(id) from users) + (i * 7919) % ${MEMBERS}, (${categories})[1 + i % 8],
			'Post numer ' || i || '. Informacja dla mieszkańców gminy o sprawach bieżących, wydarzeniach i utrudnieniach na drogach, z prośbą o udostępnienie sąsiadom.',
			'post numer ' || i, 'published', '{"like": 3, "love": 1}', ts, ts, 0, 4, 120, i % 7
		from generate_series(1, ${POSTS}) i, lateral (select now() - (${POSTS} - i) * interval '1 hour' as ts) t`.execute(db);
	const { id: postId } = await db
		.selectFrom('posts')
		.select('id')
		.where('group_id', '=', g)
		.orderBy('id', 'desc')
		.offset(3)
		.limit(1)
		.executeTakeFirstOrThrow();
	await sql`insert into comments (post_id, author_id, body, status, reaction_counts, created_at)
		select ${postId}, (select min(id) from users) + i * 13, 'Komentarz numer ' || i || ': dziękujemy za informację, przekażę dalej.', 'published', '{}', now() - (${COMMENTS} - i) * interval '1 minute'
		from generate_series(1, ${COMMENTS}) i`.execute(db);
	await db.updateTable('posts').set({ comment_count: COMMENTS }).where('id', '=', postId).execute();
	// The reader reacted to every tenth post (the overlay a signed-in page carries).
	await sql`insert into post_reactions (post_id, user_id, kind, created_at)
		select id, ${reader}, 'like', now() from posts where group_id = ${g} and id % 10 = 0`.execute(db);
	await db
		.insertInto('api_tokens')
		.values({
			token_hash: hashSecret(API_TOKEN),
			user_id: reader,
			name: 'bench',
			created_at: new Date(),
			last_used_at: null,
			revoked_at: null
		})
		.execute();
	await db
		.insertInto('sessions')
		.values({
			token_hash: hashSecret(SESSION),
			user_id: reader,
			created_at: new Date(),
			expires_at: new Date(Date.now() + 7 * 24 * 3600_000)
		})
		.execute();
	await sql`analyze`.execute(db);
	await database.close();
	return { postId };
}

const ceilingBody = JSON.stringify({
	items: Array.from({ length: 20 }, (_, i) => ({ id: String(i), body: 'x'.repeat(200), author: 'Mieszkaniec' }))
});

/** A bare Node HTTP server answering 5 KB of JSON: what this machine can do at most. */
function startCeiling(port: number): ChildProcess {
	const code = `require('http').createServer((q, s) => { s.writeHead(200, {'content-type': 'application/json'}); s.end(${JSON.stringify(ceilingBody)}); }).listen(${port}, '127.0.0.1')`;
	return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

/** The built server on `url` (no demo seed, quiet log); `env` adds or overrides variables (e.g. `JOBS: '0'`). */
export function startApp(url: string, port: number, cacheMs: number, env: Record<string, string> = {}): ChildProcess {
	return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: url,
			DATA_DIR: path.join(root, 'data-bench', 'reads-media'),
			PORT: String(port),
			HOST: '127.0.0.1',
			SEED_DEMO: '0',
			BASE_URL: '',
			ANON_CACHE_MS: String(cacheMs),
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			...env
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
}

export interface Scenario {
	name: string;
	goal: string;
	url: string;
	headers?: Record<string, string>;
}

export interface Measured {
	scenario: string;
	goal: string;
	runs: { reqPerSec: number; p99: number; non2xx: number; errors: number }[];
	reqPerSec: number;
	p99: number;
}

export interface ReadResult extends Measured {
	shareOfCeiling: number;
}

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Checks that every scenario answers 200, then measures each with autocannon (a 2-s warm-up, then
 * `seconds`) in `runs` interleaved rounds; the medians.
 */
export async function measureScenarios(
	scenarios: Scenario[],
	opts: { runs: number; connections: number; seconds: number }
): Promise<Measured[]> {
	for (const s of scenarios) {
		const r = await fetch(s.url, { headers: s.headers });
		if (r.status !== 200) throw new Error(`${s.name}: ${r.status} ${await r.text()}`);
	}
	const runs = new Map<string, Measured['runs']>(scenarios.map((s) => [s.name, []]));
	for (let round = 1; round <= opts.runs; round++) {
		for (const s of scenarios) {
			await autocannon({ url: s.url, headers: s.headers, connections: opts.connections, duration: 2 });
			const r = await autocannon({
				url: s.url,
				headers: s.headers,
				connections: opts.connections,
				duration: opts.seconds
			});
			const run = {
				reqPerSec: Math.round(r.requests.average),
				p99: r.latency.p99,
				non2xx: r.non2xx,
				errors: r.errors + r.timeouts
			};
			runs.get(s.name)!.push(run);
			console.log(
				`  round ${round}  ${s.name.padEnd(40)} ${String(run.reqPerSec).padStart(6)} req/s  p99 ${run.p99} ms${run.non2xx || run.errors ? `  non-2xx ${run.non2xx} errors ${run.errors}` : ''}`
			);
		}
	}
	return scenarios.map((s) => {
		const rs = runs.get(s.name)!;
		return {
			scenario: s.name,
			goal: s.goal,
			runs: rs,
			reqPerSec: median(rs.map((r) => r.reqPerSec)),
			p99: median(rs.map((r) => r.p99))
		};
	});
}

export async function benchReads(opts: {
	pgServer: string;
	seconds: number;
	connections: number;
	runs: number;
	only?: string;
}): Promise<ReadResult[]> {
	console.log('\n== readers (issue 18): one group of 2 000 posts, PostgreSQL ==');
	const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_reads');
	const { postId } = await generateReads(url);
	const ports = {
		ceiling: await freePort(),
		cached: await freePort(),
		uncached: await freePort(),
		bare: await freePort()
	};
	// cached: the defaults; uncached: no anonymous page cache (every page rendered), the groups' shared
	// pages of posts still kept 2 s; bare: nothing kept, every request reads the database.
	const processes = [
		startCeiling(ports.ceiling),
		startApp(url, ports.cached, 2000),
		startApp(url, ports.uncached, 0),
		startApp(url, ports.bare, 0, { FEED_CACHE_MS: '0' })
	];
	try {
		const cached = `http://127.0.0.1:${ports.cached}`;
		const uncached = `http://127.0.0.1:${ports.uncached}`;
		const bare = `http://127.0.0.1:${ports.bare}`;
		await Promise.all([waitForHealth(cached), waitForHealth(uncached), waitForHealth(bare)]);
		const bearer = { authorization: `Bearer tbl_${API_TOKEN}` };
		const cookie = { cookie: `sid=${SESSION}` };
		const feedJson = `/api/v1/groups/${READS_SLUG}/posts?limit=20`;
		const scenarios: Scenario[] = [
			{ name: 'bare Node, 5 KB JSON', goal: 'ceiling', url: `http://127.0.0.1:${ports.ceiling}/` },
			{ name: 'anonymous JSON feed, cache on', goal: '≥ 8 000', url: cached + feedJson },
			{ name: 'anonymous HTML feed, cache on', goal: '≥ 3 000', url: `${cached}/g/${READS_SLUG}` },
			{ name: 'anonymous JSON feed, cache off', goal: '≥ 2 000', url: uncached + feedJson },
			{ name: 'anonymous HTML feed, cache off', goal: '≥ 600', url: `${uncached}/g/${READS_SLUG}` },
			{ name: 'anonymous JSON feed, nothing cached', goal: '—', url: bare + feedJson },
			{ name: 'anonymous HTML feed, nothing cached', goal: '—', url: `${bare}/g/${READS_SLUG}` },
			{ name: 'anonymous HTML feed, unknown parameter', goal: '= cache on', url: `${cached}/g/${READS_SLUG}?x=1` },
			{
				name: 'signed-in JSON feed (bearer)',
				goal: '≥ 2 000, p99 ≤ 50 ms',
				url: cached + feedJson,
				headers: bearer
			},
			{ name: 'signed-in HTML feed (session)', goal: '—', url: `${cached}/g/${READS_SLUG}`, headers: cookie },
			{
				name: 'post with 27 comments, HTML',
				goal: '≥ 600, p99 ≤ 100 ms',
				url: `${cached}/g/${READS_SLUG}/p/${postId}`
			},
			{
				name: 'post with 27 comments, HTML, cache off',
				goal: '≥ 600, p99 ≤ 100 ms',
				url: `${uncached}/g/${READS_SLUG}/p/${postId}`
			},
			{
				name: 'post with 27 comments, HTML, signed in',
				goal: '≥ 600, p99 ≤ 100 ms',
				url: `${cached}/g/${READS_SLUG}/p/${postId}`,
				headers: cookie
			}
		].filter((s) => !opts.only || s.name === 'bare Node, 5 KB JSON' || s.name.includes(opts.only));
		const measured = await measureScenarios(scenarios, opts);
		const ceiling = measured.find((m) => m.scenario === 'bare Node, 5 KB JSON')!.reqPerSec;
		const results = measured.map((m) => ({ ...m, shareOfCeiling: m.reqPerSec / ceiling }));
		console.log(
			`\n  ${'scenario'.padEnd(40)} ${'req/s'.padStart(7)} ${'p99'.padStart(7)} ${'of Node'.padStart(8)}  goal`
		);
		for (const r of results)
			console.log(
				`  ${r.scenario.padEnd(40)} ${String(r.reqPerSec).padStart(7)} ${`${r.p99} ms`.padStart(7)} ${`${(r.shareOfCeiling * 100).toFixed(1)} %`.padStart(8)}  ${r.goal}`
			);
		return results;
	} finally {
		for (const p of processes) p.kill('SIGTERM');
		await Promise.all(processes.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
	}
}
