// The public website at scale: 300 municipalities with a group each, a year of daily statistics,
// posts with their counters and the last 40 days of views. Measures /grupy/{slug} and /zasiegi
// with autocannon (warm: the per-process 30 s cache), the cold computation of every municipality's
// page once, and the JavaScript a public page loads (gzip).
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import { computeDays } from '../src/lib/server/stats/daily';
import { freshPgDatabase, startBuiltServer } from './common';

const GROUPS = 300;
const voivodeships = [
	'dolnośląskie',
	'kujawsko-pomorskie',
	'lubelskie',
	'lubuskie',
	'łódzkie',
	'małopolskie',
	'mazowieckie',
	'opolskie',
	'podkarpackie',
	'podlaskie',
	'pomorskie',
	'śląskie',
	'świętokrzyskie',
	'warmińsko-mazurskie',
	'wielkopolskie',
	'zachodniopomorskie'
];

async function generate(url: string): Promise<Record<string, string>> {
	const database = await openPostgres(url);
	const db = database.db;
	await migrate(db);
	const t0 = performance.now();
	await sql`insert into municipalities (teryt_code, name, kind, county, voivodeship, name_folded, population, population_year)
		select lpad((1000000 + i)::text, 7, '0'), 'Gmina ' || i, (array['urban','rural','mixed'])[1 + i % 3], 'powiat ' || (i / 10), (${voivodeships}::text[])[1 + i % 16], 'gmina ' || i, 3000 + (i * 7919) % 40000, 2025
		from generate_series(1, ${GROUPS}) i`.execute(db);
	await sql`insert into users (email, password_hash, display_name, email_verified_at, created_at)
		select 'u' || i || '@bench.test', 'x', 'Osoba ' || i, now(), now() - interval '2 years' from generate_series(1, 3000) i`.execute(
		db
	);
	await sql`insert into groups (slug, municipality_code, name, membership_question, member_count, created_at)
		select 'gmina-' || i, lpad((1000000 + i)::text, 7, '0'), 'Gmina ' || i || ' – forum mieszkańców', 'Czy mieszkasz w gminie?', 500 + (i * 104729) % 6000, now() - interval '400 days'
		from generate_series(1, ${GROUPS}) i`.execute(db);
	await sql`insert into units (municipality_code, slug, name, type, created_at)
		select m.teryt_code, 'j' || k, (array['Urząd Gminy','Szkoła Podstawowa','OSP','Biblioteka','GOPS','Dom Kultury','Przedszkole','Sołectwo','Klub sportowy','ZGK'])[k], (array['office','primarySchool','fireBrigade','library','socialHelp','cultureCentre','kindergarten','village','sportsClub','utility'])[k], now() - interval '400 days'
		from municipalities m cross join generate_series(1, 10) k where m.teryt_code::int > 1000000`.execute(db);
	// A year of posts: 120 per group, 40 % from units, with counters as a busy group has them.
	await sql`insert into posts (group_id, author_id, unit_id, category, body, body_folded, status, reaction_counts, created_at, published_at, view_count, unique_viewer_count, comment_count, reaction_count, share_count)
		select g.id, 1 + (g.id * 31 + n) % 3000, case when n % 5 < 2 then (select u.id from units u where u.municipality_code = g.municipality_code order by u.id offset n % 10 limit 1) end,
			'official', 'Komunikat numer ' || n || ' w gminie ' || g.id || '. Zapraszamy mieszkańców do zapoznania się z informacją.', 'komunikat', 'published', '{}',
			now() - (n * 365.0 / 120) * interval '1 day', now() - (n * 365.0 / 120) * interval '1 day',
			200 + (g.id * n * 7) % 3000, 150 + (g.id * n * 7) % 2500, (g.id + n) % 40, (g.id * 3 + n) % 300, (g.id + n * 13) % 50
		from groups g cross join generate_series(1, 120) n`.execute(db);
	// The last 40 days of views: each group's posts of those days seen by 60 visitors a day.
	await sql`insert into post_views (post_id, day, viewer_key)
		select p.id, (p.published_at at time zone 'Europe/Warsaw')::date + d, 'anon:' || ((p.group_id * 1000 + v * 7 + d) % 20000)
		from posts p cross join generate_series(0, 3) d cross join generate_series(1, 60) v
		where p.published_at > now() - interval '40 days'
		on conflict do nothing`.execute(db);
	// A year of membership events (joins) so the member totals grow.
	await sql`insert into membership_events (group_id, user_id, delta, at)
		select g.id, null, 1, now() - (k * 400.0 / 200) * interval '1 day' from groups g cross join generate_series(1, 200) k`.execute(
		db
	);
	const generated = Math.round(performance.now() - t0);
	// The year of daily figures from the rows, as `cli stats-rebuild` does.
	const t1 = performance.now();
	const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
	const to = new Date().toISOString().slice(0, 10);
	const days = await computeDays(db, from, to);
	const rebuilt = Math.round(performance.now() - t1);
	const counts = await sql<
		Record<string, string>
	>`select (select count(*) from groups) as groups, (select count(*) from posts) as posts, (select count(*) from post_views) as views, (select count(*) from group_daily_stats) as daily_rows, (select count(*) from group_monthly_stats) as monthly_rows`.execute(
		db
	);
	await database.close();
	console.log(
		`  generated in ${generated} ms; a year of daily statistics for ${GROUPS} groups computed in ${rebuilt} ms (${days} group-days)`
	);
	return counts.rows[0];
}

/** The JavaScript a page loads: SvelteKit's entry files, their static imports, and the page's own nodes. */
async function javascriptOf(base: string, pagePath: string): Promise<{ files: number; raw: number; gzip: number }> {
	const pageUrl = `${base}${pagePath}`;
	const html = await (await fetch(pageUrl)).text();
	const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '').split(',').map((x) => Number(x.trim()));
	const seen = new Map<string, Buffer>();
	const visit = async (url: string): Promise<void> => {
		if (seen.has(url)) return;
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		seen.set(url, body);
		const text = body.toString();
		for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) await visit(new URL(m[1], url).href);
		for (const m of text.matchAll(/"(\.\.\/nodes\/(\d+)\.[^"]+\.js)"/g))
			if (nodeIds.includes(Number(m[2]))) await visit(new URL(m[1], url).href);
	};
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) await visit(new URL(m[1], pageUrl).href);
	let raw = 0;
	let gzip = 0;
	for (const body of seen.values()) {
		raw += body.length;
		gzip += gzipSync(body, { level: 9 }).length;
	}
	return { files: seen.size, raw, gzip };
}

export async function benchPublic(opts: { pgServer: string; seconds: number; connections: number; runs: number }) {
	console.log(`\n== public website: ${GROUPS} groups, a year of statistics (PostgreSQL) ==`);
	const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_public');
	console.log('  rows:', await generate(url));
	const { base, stop } = await startBuiltServer(url, 'public-media');
	try {
		// Cold: every municipality's page once (each computes its numbers from the database).
		const cold: number[] = [];
		for (let i = 1; i <= GROUPS; i++) {
			const t = performance.now();
			const r = await fetch(`${base}/grupy/gmina-${i}`);
			await r.arrayBuffer();
			if (!r.ok) throw new Error(`/grupy/gmina-${i}: ${r.status}`);
			cold.push(performance.now() - t);
		}
		cold.sort((a, b) => a - b);
		const q = (p: number) => Math.round(cold[Math.min(cold.length - 1, Math.floor(p * cold.length))] * 10) / 10;
		console.log(`  /grupy/{slug} cold, each of ${GROUPS} once: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
		const results = [];
		const scenarios = [
			{ name: '/grupy/{slug}', path: '/grupy/gmina-150' },
			{ name: '/zasiegi', path: '/zasiegi' },
			{ name: '/zasiegi 90 dni', path: '/zasiegi?okres=90' },
			{ name: '/grupy', path: '/grupy' },
			{ name: '/', path: '/' }
		];
		for (let run = 1; run <= opts.runs; run++) {
			for (const s of scenarios) {
				await autocannon({ url: `${base}${s.path}`, connections: opts.connections, duration: 2 });
				const r = await autocannon({ url: `${base}${s.path}`, connections: opts.connections, duration: opts.seconds });
				const row = {
					scenario: s.name,
					run,
					reqPerSec: Math.round(r.requests.average),
					p50: r.latency.p50,
					p99: r.latency.p99,
					errors: r.errors + r.timeouts,
					non2xx: r.non2xx
				};
				results.push(row);
				console.log(
					`  ${s.name.padEnd(16)} run ${run}: ${String(row.reqPerSec).padStart(5)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  non-2xx ${row.non2xx}`
				);
			}
		}
		const js: Record<string, { files: number; raw: number; gzip: number }> = {};
		for (const p of ['/', '/grupy', '/grupy/gmina-150', '/zasiegi', '/potencjal', '/o-nas', '/pliki'])
			js[p] = await javascriptOf(base, p);
		for (const [p, v] of Object.entries(js))
			console.log(
				`  JavaScript of ${p.padEnd(18)} ${v.files} files, ${(v.raw / 1024).toFixed(1)} kB, gzip ${(v.gzip / 1024).toFixed(1)} kB`
			);
		return { cold: { p50: q(0.5), p99: q(0.99), max: q(1) }, results, js };
	} finally {
		await stop();
	}
}
