// npm run bench [-- --db postgres|pglite|both|none --seconds 20 --connections 50 --scale 1|country --country-groups 500 --runs 1 --alerts-only --skip-alerts --delivery-only --digest-only --digest-members 20000 --digest-deliver 5000 --promotion-only --public-only --first-start --reads-only --instances-only --statements-only --messages-only --message-pairs 2000 --only NAME]
// Generates a large group once per database, starts the built server on it, and measures the feed
// (page 1 and page 50, JSON API and HTML) with autocannon; checks the feed queries with EXPLAIN.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { CompiledQuery, sql } from 'kysely';
import { migrate, openPGlite, openPostgres, type Database } from '../src/lib/server/db/database';
import { decodeCursor, feedQuery } from '../src/lib/server/feed/feed-query';
import { BENCH_SLUG, fullScale, generateLargeGroup, type Scale } from './generate';
import { benchModeration } from './moderation';
import { benchAlerts } from './alerts';
import { benchDelivery } from './delivery';
import { benchDigest } from './digest';
import { benchPublic } from './public';
import { benchPromotion } from './promotion';
import { benchReads } from './reads';
import { benchFeedStatements } from './feed-statements';
import { benchMessages } from './messages';
import { benchInstances } from './instances';
import { benchCountry, COUNTRY_GROUPS } from './country';
import { benchFirstStart, referenceDataDir } from './first-start';
import { freePort, waitForHealth } from './common';
import { ensureBuild, root } from '../scripts/ensure-build.mjs';

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'both' },
		seconds: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		scale: { type: 'string', default: '1' },
		runs: { type: 'string', default: '1' },
		cache: { type: 'string', default: 'both' },
		'skip-alerts': { type: 'boolean', default: false },
		'alerts-only': { type: 'boolean', default: false },
		'delivery-only': { type: 'boolean', default: false },
		'digest-only': { type: 'boolean', default: false },
		'digest-members': { type: 'string', default: '20000' },
		'digest-deliver': { type: 'string', default: '5000' },
		'public-only': { type: 'boolean', default: false },
		'promotion-only': { type: 'boolean', default: false },
		'first-start': { type: 'boolean', default: false },
		'reads-only': { type: 'boolean', default: false },
		'instances-only': { type: 'boolean', default: false },
		'statements-only': { type: 'boolean', default: false },
		'messages-only': { type: 'boolean', default: false },
		'message-pairs': { type: 'string', default: '2000' },
		'country-groups': { type: 'string', default: String(COUNTRY_GROUPS) },
		only: { type: 'string' },
		'alert-members': { type: 'string', default: '20000' },
		'sse-clients': { type: 'string', default: '2000' }
	}
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const runs = Number(values.runs);
const factor = Number(values.scale);
const scale: Scale = {
	...fullScale,
	members: Math.round(fullScale.members * factor),
	posts: Math.round(fullScale.posts * factor)
};
const pgServer = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const tag = `x${String(factor).replace('.', '_')}`;

async function prepare(
	kind: 'postgres' | 'pglite'
): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
	if (kind === 'postgres') {
		const name = `tablica_bench_${tag}`;
		const admin = new pg.Client({ connectionString: pgServer });
		await admin.connect();
		const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
		if (!exists) await admin.query(`create database ${name}`);
		await admin.end();
		const url = new URL(pgServer);
		url.pathname = `/${name}`;
		return {
			env: { DATABASE_URL: url.toString(), DATA_DIR: path.join(root, 'data-bench', 'pg-media') },
			open: () => openPostgres(url.toString())
		};
	}
	const dataDir = path.join(root, 'data-bench', `pglite-${tag}`);
	mkdirSync(dataDir, { recursive: true });
	return { env: { DATABASE_URL: '', DATA_DIR: dataDir }, open: () => openPGlite(path.join(dataDir, 'pglite')) };
}

/** EXPLAIN ANALYZE of exactly the query the app runs for a feed page. */
async function explainFeed(database: Database, cursor: string | null) {
	const group = await database.db
		.selectFrom('groups')
		.select('id')
		.where('slug', '=', BENCH_SLUG)
		.executeTakeFirstOrThrow();
	const compiled = feedQuery(database.db, {
		groupId: group.id,
		limit: 20,
		category: null,
		unitId: null,
		cursor: cursor ? decodeCursor(cursor) : null,
		now: new Date()
	}).compile();
	const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
		CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters])
	);
	return plan.rows.map((r) => r['QUERY PLAN']);
}

interface Result {
	db: string;
	cache: 'on' | 'off';
	scenario: string;
	run: number;
	reqPerSec: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
}

async function measure(url: string): Promise<Omit<Result, 'db' | 'cache' | 'scenario' | 'run'>> {
	const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
	return {
		reqPerSec: Math.round(r.requests.average),
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts,
		non2xx: r.non2xx
	};
}

async function benchOne(kind: 'postgres' | 'pglite'): Promise<Result[]> {
	console.log(`\n== ${kind} ==`);
	const { env, open } = await prepare(kind);
	const database = await open();
	await migrate(database.db);
	console.log('generating the large group (once; kept for later runs)…');
	if (!(await generateLargeGroup(database.db, scale))) console.log('  already there');
	const counts = await sql<
		Record<string, string>
	>`select (select count(*) from posts) as posts, (select count(*) from comments) as comments, (select count(*) from post_reactions) as reactions, (select count(*) from post_views) as views, (select count(*) from memberships) as members`.execute(
		database.db
	);
	console.log('  rows:', counts.rows[0]);
	await database.close();

	const results: Result[] = [];
	let cursor: string | null = null;
	const modes: ('on' | 'off')[] = values.cache === 'both' ? ['off', 'on'] : [values.cache as 'on' | 'off'];
	for (const cache of modes) {
		const port = await freePort();
		const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
			cwd: root,
			env: {
				...process.env,
				...env,
				PORT: String(port),
				HOST: '127.0.0.1',
				SEED_DEMO: '0',
				BASE_URL: '',
				ANON_CACHE_MS: cache === 'on' ? '2000' : '0',
				LOG_LEVEL: 'warn',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'inherit', 'inherit']
		});
		const base = `http://127.0.0.1:${port}`;
		await waitForHealth(base);
		// Walk to page 50 to get its cursor, as a reader scrolling would.
		cursor = null;
		for (let p = 1; p < 50; p++) {
			const page: { nextCursor: string } = await (
				await fetch(`${base}/api/v1/groups/${BENCH_SLUG}/posts?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
			).json();
			cursor = page.nextCursor;
		}
		const scenarios = [
			{ name: 'JSON page 1', url: `${base}/api/v1/groups/${BENCH_SLUG}/posts?limit=20` },
			{ name: 'JSON page 50', url: `${base}/api/v1/groups/${BENCH_SLUG}/posts?limit=20&cursor=${cursor}` },
			{ name: 'HTML page 1', url: `${base}/g/${BENCH_SLUG}` },
			{ name: 'HTML page 50', url: `${base}/g/${BENCH_SLUG}?kursor=${cursor}` }
		];
		for (let run = 1; run <= runs; run++) {
			for (const s of scenarios) {
				await autocannon({ url: s.url, connections, duration: 2 }); // warm-up: JIT, caches, pool
				const r = await measure(s.url);
				results.push({ db: kind, cache, scenario: s.name, run, ...r });
				console.log(
					`  ${s.name.padEnd(13)} cache ${cache.padEnd(3)} run ${run}: ${String(r.reqPerSec).padStart(5)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`
				);
			}
		}
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
	}
	const database2 = await open();
	console.log('  EXPLAIN page 1:\n    ' + (await explainFeed(database2, null)).join('\n    '));
	console.log('  EXPLAIN page 50:\n    ' + (await explainFeed(database2, cursor)).join('\n    '));
	await database2.close();
	return results;
}

const outDir = path.join(root, 'bench', 'results');
const resultFile = () => {
	mkdirSync(outDir, { recursive: true });
	return path.join(outDir, `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
};

if (values.scale === 'country') {
	ensureBuild();
	const country = await benchCountry({
		pgServer,
		groups: Number(values['country-groups']),
		seconds,
		connections,
		runs: Math.max(3, runs)
	});
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ country }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(0);
}

if (values['first-start']) {
	ensureBuild();
	const firstStart = await benchFirstStart({ runs: Math.max(3, runs), referenceData: referenceDataDir() });
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ firstStart }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(0);
}

const moderation = benchModeration(
	existsSync(path.resolve(root, '../shared/data')) ? path.resolve(root, '../shared/data') : undefined
);
console.log(
	`moderation engine (one core): ${moderation.commentsPerSecond} comments/s; 2 000-character post p50 ${moderation.post2000.p50.toFixed(2)} ms, p99 ${moderation.post2000.p99.toFixed(2)} ms (lexicon: ${moderation.lexicon} forms)`
);
if (values.db === 'none') process.exit(0);

if (values['reads-only']) {
	ensureBuild();
	const reads = await benchReads({ pgServer, seconds, connections, runs: Math.max(3, runs), only: values.only });
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ reads }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(0);
}

if (values['statements-only']) {
	const feedStatements = await benchFeedStatements(pgServer);
	console.log(feedStatements);
	process.exit(feedStatements.pass ? 0 : 1);
}

const messagesOptions = () => ({
	pgServer,
	pairs: Number(values['message-pairs']),
	concurrency: 20,
	runs: Math.max(3, runs)
});
if (values['messages-only']) {
	ensureBuild();
	const messages = await benchMessages(messagesOptions());
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ messages }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(0);
}

if (values['instances-only']) {
	ensureBuild();
	const instances = await benchInstances({ pgServer, seconds, connections, runs: Math.max(3, runs) });
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ instances }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(instances && instances.checks.every((c) => c.pass) ? 0 : 1);
}

if (values['public-only']) {
	ensureBuild();
	await benchPublic({ pgServer, seconds, connections, runs: Math.max(1, runs) });
	process.exit(0);
}
if (values['promotion-only']) {
	await benchPromotion({ pgServer, members: Number(values['alert-members']), runs: Math.max(3, runs) });
	process.exit(0);
}
const delivery = values['digest-only'] ? null : await benchDelivery({ pgServer, messages: 1000, runs: 3 });
if (values['delivery-only']) process.exit(0);

console.log('\n== weekly digest (PostgreSQL) ==');
const digest = await benchDigest({
	pgServer,
	members: Number(values['digest-members']),
	runs: Math.max(3, runs),
	deliver: Number(values['digest-deliver'])
});
if (values['digest-only']) {
	const file = resultFile();
	writeFileSync(file, JSON.stringify({ digest }, null, 2));
	console.log(`\nresults: ${path.relative(root, file)}`);
	process.exit(0);
}

ensureBuild();
let alerts: unknown = null;
if (!values['skip-alerts'] || values['alerts-only']) {
	console.log('\n== urgent alerts ==');
	alerts = await benchAlerts({
		pgServer,
		members: Number(values['alert-members']),
		clients: Number(values['sse-clients']),
		runs: Math.max(3, runs)
	});
}
if (values['alerts-only']) process.exit(0);
console.log('\n== promoted posts ==');
const promotion = await benchPromotion({
	pgServer,
	members: Number(values['alert-members']),
	runs: Math.max(3, runs)
});
console.log('\n== statements of a feed page with polls, events and replies ==');
const feedStatements = await benchFeedStatements(pgServer);
console.log(
	`  group page ${feedStatements.plain.groupPage} → ${feedStatements.rich.groupPage}, JSON feed ${feedStatements.plain.jsonFeed} → ${feedStatements.rich.jsonFeed}: ${feedStatements.pass ? 'no more than plain posts' : 'MORE than plain posts'}`
);
console.log('\n== private messages live ==');
const messages = await benchMessages(messagesOptions());
const reads = await benchReads({ pgServer, seconds, connections, runs: Math.max(3, runs) });
const instances = await benchInstances({
	pgServer,
	seconds: Math.min(seconds, 5),
	connections,
	runs: Math.max(3, runs)
});
const publicSite =
	values.db === 'pglite' ? null : await benchPublic({ pgServer, seconds, connections, runs: Math.max(1, runs) });
const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
const all: Result[] = [];
for (const k of kinds) all.push(...(await benchOne(k)));
const file = resultFile();
writeFileSync(
	file,
	JSON.stringify(
		{
			seconds,
			connections,
			scale,
			moderation,
			delivery,
			digest,
			alerts,
			promotion,
			feedStatements,
			messages,
			reads,
			instances,
			publicSite,
			results: all
		},
		null,
		2
	)
);
console.log(`\nresults: ${path.relative(root, file)}`);
