// Issue 18: the national data set (`npm run bench -- --scale country [--country-groups 500]`).
// `groups` groups of 8 000 members (500: 4 M) over real TERYT municipalities, one year of posts,
// comments and reactions at the rates below, view aggregates for the year and raw views for the last
// RAW_DAYS days, the daily statistics computed by `computeDays`. Generated once on the PostgreSQL
// server with set-based SQL (ids computed, so no row goes through Node), secondary indexes built
// after the load; a marker table makes a later run skip it. Then the same group measured in this
// database and in one holding it alone (`groups` = 1): the cost must not grow with the groups.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import { hashSecret } from '../src/lib/server/auth/crypto';
import { systemClock } from '../src/lib/server/core/clock';
import { computeDays, refreshRecentStats } from '../src/lib/server/stats/daily';
import { decodeCursor, feedQuery } from '../src/lib/server/feed/feed-query';
import { maintainViewPartitions } from '../src/lib/server/stats/view-partitions';
import { addDays, warsawDay } from '../src/lib/dates';
import { freePort, freshPgDatabase, waitForHealth } from './common';
import { measureScenarios, median, startApp, type Measured, type Scenario } from './reads';
import { referenceDataDir } from './first-start';
import { root } from '../scripts/ensure-build.mjs';

/** 500 groups × 8 000 members = 4 M members (issue 18). */
export const COUNTRY_GROUPS = 500;
export const MEMBERS_PER_GROUP = 8_000;
/** Not given by the issue: a busy municipal group. */
export const POSTS_PER_GROUP_DAY = 25;
export const COMMENTS_PER_POST = 4;
export const REACTIONS_PER_POST = 15;
/** 1 M daily readers and ~30 M post views a day over 500 groups. */
export const READERS_PER_GROUP_DAY = 2_000;
export const VIEWS_PER_GROUP_DAY = 60_000;
/** A post's views: on its day and on the next (25 × (1 600 + 800) = 60 000 a group a day). */
export const VIEWS_ON_ITS_DAY = 1_600;
export const VIEWS_NEXT_DAY = 800;
/** Different readers of a group in a month (the monthly figure of the older months). */
export const READERS_PER_GROUP_MONTH = 5_000;
export const DAYS = 365;
/** Raw views (`post_views`) of the last full days; older days only as aggregates. */
export const RAW_DAYS = 3;

const POSTS_PER_GROUP = POSTS_PER_GROUP_DAY * DAYS;
const POST_EVERY_SECONDS = 86_400 / POSTS_PER_GROUP_DAY;
export const COUNTRY_SLUG = 'kraj-1';
const API_TOKEN = 'bench-country-token';
const SESSION = 'bench-country-session';
const TZ = 'Europe/Warsaw';
const KINDS = `array['like','love','haha','wow','sad','angry']`;
const CATEGORIES = `array['official','education','culture','sport','safety','social','municipal','community','questions','classifieds','lostFound','other']`;
/** The tables loaded in bulk: their secondary indexes are dropped first and built after. */
const BULK_TABLES = ['users', 'memberships', 'membership_events', 'posts', 'comments', 'post_reactions'];

export const countryDatabase = (groups: number) => (groups === 1 ? 'tablica_bench_country_1' : 'tablica_bench_country');

export interface Generated {
	groups: number;
	members: number;
	/** Seconds per step, in order. */
	steps: Record<string, number>;
	rows: Record<string, number>;
	databaseBytes: number;
	tableBytes: Record<string, number>;
	postId: string;
}

async function client(url: string): Promise<pg.Client> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	return c;
}

async function readMarker(url: string): Promise<Generated | null> {
	const c = await client(url).catch(() => null);
	if (!c) return null;
	try {
		const r = await c.query(`select to_regclass('bench_country')::text as t`);
		if (!r.rows[0].t) return null;
		return ((await c.query('select data from bench_country')).rows[0]?.data as Generated) ?? null;
	} finally {
		await c.end();
	}
}

/**
 * The national data set for `groups` groups in its database; kept for later runs (a marker table
 * holds what was made), made again from scratch when absent, unfinished or of another size.
 */
export async function generateCountry(
	pgServer: string,
	groups: number,
	log: (s: string) => void = console.log
): Promise<{ url: string; data: Generated }> {
	const name = countryDatabase(groups);
	const url = new URL(pgServer);
	url.pathname = `/${name}`;
	const existing = await readMarker(url.toString());
	if (existing?.groups === groups) {
		log(`  ${name}: already generated (${groups} groups)`);
		return { url: url.toString(), data: existing };
	}
	await freshPgDatabase(pgServer, name);
	const database = await openPostgres(url.toString());
	await migrate(database.db);
	// The partitions of today onwards, as the stats job keeps them (the raw days' are made below).
	const today = warsawDay(new Date());
	const rawFrom = addDays(today, -RAW_DAYS);
	await maintainViewPartitions(database.db, systemClock);
	const c = await client(url.toString());
	const steps: Record<string, number> = {};
	const step = async (label: string, text: string) => {
		const t = performance.now();
		await c.query(text);
		steps[label] = Math.round(performance.now() - t) / 1000;
		log(`  ${label}: ${steps[label].toFixed(1)} s`);
	};
	const t0 = performance.now();
	try {
		// Bulk load: no triggers (so no foreign-key checks, no per-statement view counting: the
		// aggregates are written below from the same rules), no WAL wait.
		await c.query(`set session_replication_role = replica`);
		await c.query(`set synchronous_commit = off`);
		await c.query(`set maintenance_work_mem = '1GB'`);
		await c.query(`set work_mem = '256MB'`);
		const indexes = (
			await c.query<{ name: string; def: string }>(
				`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
				where i.indrelid = any($1::regclass[]) and not exists (select from pg_constraint k where k.conindid = i.indexrelid)`,
				[BULK_TABLES]
			)
		).rows;
		await c.query(`drop index ${indexes.map((i) => i.name).join(', ')}`);
		await c.query(`alter table post_viewers drop constraint post_viewers_pkey`);

		const dir = referenceDataDir();
		const teryt = dir && path.join(dir, 'teryt', 'gminy-2024-01-01.csv');
		if (teryt && existsSync(teryt)) {
			const { importTerytFile } = await import('../src/lib/server/municipalities/municipalities');
			const t = performance.now();
			await importTerytFile(database.db, teryt);
			steps['municipalities (TERYT)'] = Math.round(performance.now() - t) / 1000;
		} else
			await step(
				'municipalities (synthetic, no TERYT file)',
				`insert into municipalities (teryt_code, name, kind, county, voivodeship, name_folded)
				select lpad((1000000 + i * 10)::text, 7, '0'), 'Gmina ' || i, 'mixed', 'powiat', 'mazowieckie', 'gmina ' || i
				from generate_series(1, 2477) i`
			);
		// Group g (from 0) has id g + 1, members g·M + 1 … (g + 1)·M, posts g·P + 1 … (g + 1)·P
		// in time order; the municipalities spread over the register, the first always the first.
		const M = MEMBERS_PER_GROUP;
		const P = POSTS_PER_GROUP;
		await step(
			'groups',
			`insert into groups (id, slug, municipality_code, name, membership_question, member_count, created_at)
			select g + 1, 'kraj-' || (g + 1), m.teryt_code, m.name || ' – forum mieszkańców', 'Czy mieszkasz w gminie?', ${M}, now() - interval '${DAYS + 30} days'
			from (select teryt_code, name, row_number() over (order by teryt_code) - 1 as r from municipalities) m,
				lateral (select m.r / greatest(1, (select count(*) from municipalities) / ${groups}) as g) x
			where m.r % greatest(1, (select count(*) from municipalities) / ${groups}) = 0 and x.g < ${groups};
			select setval('groups_id_seq', ${groups})`
		);
		await step(
			`${groups * M} users`,
			`insert into users (id, email, password_hash, display_name, email_verified_at, created_at)
			select i, 'mieszkaniec' || i || '@kraj.test', '', 'Mieszkaniec ' || i, t, t
			from generate_series(1, ${groups * M}) i, lateral (select now() - interval '${DAYS} days' + ((i - 1) % ${M}) * interval '${(DAYS * 86_400) / M} seconds' as t) x;
			select setval('users_id_seq', ${groups * M})`
		);
		await step(
			`${groups * M} memberships`,
			`insert into memberships (group_id, user_id, status, role, answer, requested_at, decided_at)
			select 1 + (id - 1) / ${M}, id, 'approved', 'member', 'tak', created_at, created_at from users`
		);
		await step(
			`${groups * M} membership events`,
			`insert into membership_events (group_id, user_id, delta, at) select group_id, user_id, 1, requested_at from memberships`
		);
		// A post's reactions have the kinds KINDS[(i + k) % 6], so its counts by kind are one of six.
		await step(
			`${groups * P} posts`,
			`with rc as (
				select r, jsonb_object_agg(kind, n) as counts from (
					select r, (${KINDS})[1 + (r + k) % 6] as kind, count(*) as n from generate_series(0, 5) r, generate_series(0, ${REACTIONS_PER_POST - 1}) k group by 1, 2) x
				group by r)
			insert into posts (id, group_id, author_id, category, body, body_folded, status, reaction_counts, created_at, published_at, comment_count, reaction_count, view_count, unique_viewer_count)
			select g * ${P} + i + 1, g + 1, g * ${M} + 1 + (i * 7919) % ${M}, (${CATEGORIES})[1 + i % 12],
				'Post numer ' || i || '. Informacja dla mieszkańców gminy o sprawach bieżących, wydarzeniach i utrudnieniach na drogach, z prośbą o udostępnienie sąsiadom.',
				'post numer ' || i || '. informacja dla mieszkancow gminy o sprawach biezacych, wydarzeniach i utrudnieniach na drogach, z prosba o udostepnienie sasiadom.',
				'published', rc.counts, t.ts, t.ts, ${COMMENTS_PER_POST}, ${REACTIONS_PER_POST}, v.n, v.n
			from generate_series(0, ${groups - 1}) g cross join generate_series(0, ${P - 1}) i
			join rc on rc.r = i % 6,
			lateral (select now() - (${P} - i) * interval '${POST_EVERY_SECONDS} seconds' - g * interval '7 seconds' as ts) t,
			lateral (select (t.ts at time zone '${TZ}')::date as day) d,
			lateral (select (case when d.day < '${today}' then ${VIEWS_ON_ITS_DAY} else 0 end) + (case when d.day + 1 < '${today}' then ${VIEWS_NEXT_DAY} else 0 end) as n) v
			order by 1;
			select setval('posts_id_seq', ${groups * P})`
		);
		await step(
			`${groups * P * COMMENTS_PER_POST} comments`,
			`insert into comments (post_id, author_id, body, status, reaction_counts, created_at)
			select p.id, (p.group_id - 1) * ${M} + 1 + (p.id * 104729 + k * 977) % ${M},
				'Komentarz numer ' || k || ': dziękujemy za informację, przekażę dalej.', 'published', '{}', least(now(), p.published_at + k * interval '17 minutes')
			from posts p, generate_series(1, ${COMMENTS_PER_POST}) k order by p.id, k`
		);
		await step(
			`${groups * P * REACTIONS_PER_POST} reactions`,
			`insert into post_reactions (post_id, user_id, kind, created_at)
			select p.id, (p.group_id - 1) * ${M} + 1 + (((p.id - 1) % ${P}) * 31 + k * ${Math.floor(M / REACTIONS_PER_POST)}) % ${M},
				(${KINDS})[1 + ((p.id - 1) % ${P} + k) % 6], least(now(), p.published_at + k * interval '5 minutes')
			from posts p, generate_series(0, ${REACTIONS_PER_POST - 1}) k order by p.id, k`
		);
		const postDay = `(p.published_at at time zone '${TZ}')::date`;
		// Anonymous viewer keys are daily hashes: each reader of a post is a new viewer of it each day,
		// so a post's views of a day are its new viewers, and every raw view is a viewer's first.
		await step(
			'view aggregates of the year',
			`insert into post_daily_views (post_id, day, views, new_viewers)
			select p.id, x.day, x.n, x.n from posts p,
				lateral (values (${postDay}, ${VIEWS_ON_ITS_DAY}), (${postDay} + 1, ${VIEWS_NEXT_DAY})) x(day, n)
			where x.day < '${today}' order by 1, 2`
		);
		// Each raw day into a table of its own, attached as the day's partition after the load (its
		// indexes are built then, in one pass).
		for (let d = rawFrom; d < today; d = addDays(d, 1)) {
			const table = `post_views_p${d.replaceAll('-', '')}`;
			await c.query(`create table ${table} (like post_views including defaults including constraints)`);
			await step(
				`raw views of ${d}`,
				`insert into ${table} (post_id, day, viewer_key)
				select p.id, x.day, 'anon:' || substr(md5(p.group_id || ':' || x.day || ':' || ((v + p.id * 13) % ${READERS_PER_GROUP_DAY})), 1, 22)
				from posts p,
					lateral (values (${postDay}, ${VIEWS_ON_ITS_DAY}), (${postDay} + 1, ${VIEWS_NEXT_DAY})) x(day, n),
					generate_series(1, x.n) v
				where p.published_at >= now() - interval '${RAW_DAYS + 2} days' and x.day = '${d}'`
			);
			await step(
				`partition of ${d} (its indexes)`,
				`alter table post_views attach partition ${table} for values from ('${d}') to ('${addDays(d, 1)}')`
			);
		}
		await step('post_viewers primary key', `alter table post_viewers add primary key (post_id, viewer_key)`);
		// What the trigger on post_views keeps as views arrive (attaching a table fires no trigger): the
		// groups' readers of yesterday (the set still being counted; anonymous keys live one day, so no
		// month set and no post_viewers rows), and the counts of every raw day and month (as the older
		// ones: READERS_PER_GROUP_DAY and READERS_PER_GROUP_MONTH).
		const yesterday = addDays(today, -1);
		await step(
			'group viewer sets and counts of the raw days',
			`insert into group_period_viewers (period, starts, group_id, viewer_key)
			select distinct 'd', v.day, p.group_id, v.viewer_key from post_views v join posts p on p.id = v.post_id
			where v.day = '${yesterday}';
			insert into group_period_viewer_counts (period, starts, group_id, viewers)
			select 'd', d.day, g.id, ${READERS_PER_GROUP_DAY} from groups g,
				generate_series('${rawFrom}'::date, '${yesterday}'::date, interval '1 day') d(day)
			union all select 'm', m.month, g.id, ${READERS_PER_GROUP_MONTH} from groups g, (select distinct date_trunc('month', d)::date as month
				from generate_series('${rawFrom}'::date, '${yesterday}'::date, interval '1 day') d) m`
		);
		await c.query(`set session_replication_role = origin`);
		for (const i of indexes) await step(`index ${i.name}`, i.def);
		// Older days keep their unique viewers (their raw views are gone), the rest `computeDays` counts.
		await step(
			'daily and monthly unique readers before the raw days',
			`update view_retention set kept_from = '${rawFrom}';
			insert into group_daily_stats (group_id, day, members_total, joined, left_group, views, unique_viewers, posts, comments, reactions, shares, active_members)
			select g.id, d.day, 0, 0, 0, 0, ${READERS_PER_GROUP_DAY}, 0, 0, 0, 0, 0 from groups g,
				generate_series('${addDays(today, -DAYS)}'::date, '${addDays(rawFrom, -1)}'::date, interval '1 day') d(day);
			insert into group_monthly_stats (group_id, month, unique_viewers)
			select g.id, m.month, ${READERS_PER_GROUP_MONTH} from groups g,
				generate_series(date_trunc('month', '${today}'::date) - interval '12 months', date_trunc('month', '${today}'::date) - interval '1 month', interval '1 month') m(month)`
		);
		{
			const t = performance.now();
			await computeDays(database.db, addDays(today, -DAYS), today);
			steps['daily statistics of the year (computeDays)'] = Math.round(performance.now() - t) / 1000;
			log(`  daily statistics of the year (computeDays): ${steps['daily statistics of the year (computeDays)']} s`);
		}
		await step('vacuum analyze', 'vacuum (analyze)');
		// A member of the first group with an API token and a session (the signed-in reader).
		await c.query(`insert into api_tokens (token_hash, user_id, name, created_at) values ($1, 1, 'bench', now())`, [
			hashSecret(API_TOKEN)
		]);
		await c.query(
			`insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, 1, now(), now() + interval '7 days')`,
			[hashSecret(SESSION)]
		);
		steps.total = Math.round(performance.now() - t0) / 1000;
		// The counters on the first group's posts must be those of the rows (as the app keeps them).
		const wrong = await c.query(
			`select p.id from posts p
			left join lateral (select count(*) as n from comments c where c.post_id = p.id and c.status = 'published') c on true
			left join lateral (select count(*) as n, jsonb_object_agg(kind, k) as by_kind from (select kind, count(*) as k from post_reactions r where r.post_id = p.id group by kind) x) r on true
			left join lateral (select coalesce(sum(views), 0) as views, coalesce(sum(new_viewers), 0) as viewers from post_daily_views d where d.post_id = p.id) v on true
			where p.group_id = 1 and (p.comment_count <> c.n or p.reaction_count <> (select count(*) from post_reactions r where r.post_id = p.id)
				or p.reaction_counts <> r.by_kind or p.view_count <> v.views or p.unique_viewer_count <> v.viewers)
			limit 5`
		);
		if (wrong.rows.length)
			throw new Error(`counters differ from the rows on posts ${wrong.rows.map((r) => r.id).join(', ')}`);
		const rows: Record<string, number> = {};
		for (const t of [
			'users',
			'memberships',
			'posts',
			'comments',
			'post_reactions',
			'post_views',
			'post_viewers',
			'post_daily_views',
			'group_daily_stats'
		])
			rows[t] = Number((await c.query(`select count(*) as n from ${t}`)).rows[0].n);
		const tableBytes = Object.fromEntries(
			(
				await c.query<{ name: string; bytes: string }>(
					`select c.relname as name, pg_total_relation_size(c.oid) + coalesce((select sum(pg_total_relation_size(i.inhrelid)) from pg_inherits i where i.inhparent = c.oid), 0) as bytes
					from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 2 desc limit 12`
				)
			).rows.map((r) => [r.name, Number(r.bytes)])
		);
		// A post of yesterday in the first group: 4 comments, 15 reactions, its views.
		const postId = String(
			(
				await c.query(
					`select id from posts where group_id = 1 and (published_at at time zone '${TZ}')::date = '${addDays(today, -1)}' order by id limit 1`
				)
			).rows[0].id
		);
		const data: Generated = {
			groups,
			members: groups * M,
			steps,
			rows,
			databaseBytes: Number((await c.query(`select pg_database_size(current_database()) as n`)).rows[0].n),
			tableBytes,
			postId
		};
		await c.query(`create table bench_country (data jsonb not null)`);
		await c.query(`insert into bench_country (data) values ($1)`, [JSON.stringify(data)]);
		return { url: url.toString(), data };
	} finally {
		await c.end();
		await database.close();
	}
}

/** The statistics job (`refreshRecentStats`: today and yesterday of every group, every minute) in process: ms of each run. */
async function statsJobMs(url: string, runs: number): Promise<number[]> {
	const database = await openPostgres(url);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await refreshRecentStats(database.db, systemClock);
		times.push(Math.round(performance.now() - t));
		// Longer than the job's period (a minute): one run says enough.
		if (times[i] > 60_000) break;
	}
	await database.close();
	return times;
}

/** The feed query the app runs for the first group's page 1 and page 50, in process: ms, median of `runs`. */
async function feedQueryMs(url: string, cursor: string, runs: number): Promise<{ page1: number; page50: number }> {
	const database = await openPostgres(url);
	const time = async (c: string | null) => {
		const query = feedQuery(database.db, {
			groupId: '1',
			limit: 20,
			category: null,
			unitId: null,
			cursor: c ? decodeCursor(c) : null,
			now: new Date()
		});
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t = performance.now();
			await query.execute();
			times.push(performance.now() - t);
		}
		return Math.round(median(times) * 100) / 100;
	};
	const r = { page1: await time(null), page50: await time(cursor) };
	await database.close();
	return r;
}

export interface CountryResult {
	rates: Record<string, number>;
	sets: Generated[];
	statsJobMs: Record<string, number[]>;
	feedQueryMs: Record<string, { page1: number; page50: number }>;
	reads: Measured[];
}

export async function benchCountry(opts: {
	pgServer: string;
	groups: number;
	seconds: number;
	connections: number;
	runs: number;
}): Promise<CountryResult> {
	console.log(`\n== the national data set: ${opts.groups} groups against 1 (PostgreSQL) ==`);
	const sets: { label: string; url: string; data: Generated }[] = [];
	for (const n of [1, opts.groups]) {
		console.log(`generating ${n} group${n === 1 ? '' : 's'} (once; kept for later runs)…`);
		sets.push({ label: `${n} group${n === 1 ? '' : 's'}`, ...(await generateCountry(opts.pgServer, n)) });
	}
	for (const s of sets)
		console.log(
			`  ${s.label}: ${(s.data.databaseBytes / 2 ** 30).toFixed(2)} GB, ${Math.round(s.data.databaseBytes / s.data.members)} B a member, generated in ${s.data.steps.total} s; rows ${JSON.stringify(s.data.rows)}`
		);
	const statsJob: Record<string, number[]> = {};
	for (const s of sets) {
		statsJob[s.label] = await statsJobMs(s.url, 3);
		console.log(
			`  statistics job (today and yesterday of every group), ${s.label}: ${statsJob[s.label].join(', ')} ms (median ${median(statsJob[s.label])} ms)`
		);
	}

	// Both sets served at once (cache on and off each) so the rounds interleave under the same load.
	const ports = await Promise.all(sets.flatMap(() => [freePort(), freePort()]));
	const quiet = { JOBS: '0', DATA_DIR: path.join(root, 'data-bench', 'country-media') };
	const servers = sets.flatMap((s, i) => [
		startApp(s.url, ports[2 * i], 2000, quiet),
		startApp(s.url, ports[2 * i + 1], 0, quiet)
	]);
	try {
		const perSet: Scenario[][] = [];
		const cursors: string[] = [];
		for (const [i, s] of sets.entries()) {
			const cached = `http://127.0.0.1:${ports[2 * i]}`;
			const uncached = `http://127.0.0.1:${ports[2 * i + 1]}`;
			await Promise.all([waitForHealth(cached), waitForHealth(uncached)]);
			const feed = `/api/v1/groups/${COUNTRY_SLUG}/posts?limit=20`;
			let cursor: string | null = null;
			for (let p = 1; p < 50; p++) {
				const page: { nextCursor: string } = await (
					await fetch(`${uncached}${feed}${cursor ? `&cursor=${cursor}` : ''}`)
				).json();
				cursor = page.nextCursor;
			}
			cursors.push(cursor!);
			const at = `@ ${s.label}`;
			const bearer = { authorization: `Bearer tbl_${API_TOKEN}` };
			perSet.push([
				{ name: `anonymous JSON feed, cache on ${at}`, goal: '', url: cached + feed },
				{ name: `anonymous JSON feed, cache off ${at}`, goal: '', url: uncached + feed },
				{ name: `JSON feed page 50, cache off ${at}`, goal: '', url: `${uncached}${feed}&cursor=${cursor}` },
				{ name: `signed-in JSON feed (bearer) ${at}`, goal: '', url: cached + feed, headers: bearer },
				{ name: `post page, HTML, cache off ${at}`, goal: '', url: `${uncached}/g/${COUNTRY_SLUG}/p/${s.data.postId}` },
				{
					name: `post page, HTML, signed in ${at}`,
					goal: '',
					url: `${cached}/g/${COUNTRY_SLUG}/p/${s.data.postId}`,
					headers: { cookie: `sid=${SESSION}` }
				},
				{ name: `municipality statistics page ${at}`, goal: '', url: `${uncached}/grupy/${COUNTRY_SLUG}` }
			]);
		}
		// Each request at 1 group and at N back to back, so both see the same load.
		const reads = await measureScenarios(
			perSet[0].flatMap((_, k) => perSet.map((list) => list[k])),
			opts
		);
		const feedQueries: CountryResult['feedQueryMs'] = {};
		for (const [i, s] of sets.entries()) {
			feedQueries[s.label] = await feedQueryMs(s.url, cursors[i], 30);
			console.log(
				`  feed query in process, ${s.label}: page 1 ${feedQueries[s.label].page1} ms, page 50 ${feedQueries[s.label].page50} ms (median of 30)`
			);
		}
		const [small, large] = sets.map((s) => `@ ${s.label}`);
		console.log(`\n  ${'request'.padEnd(36)} ${small.padStart(22)} ${large.padStart(22)}  ratio`);
		for (const r of reads.filter((x) => x.scenario.endsWith(small))) {
			const base = r.scenario.slice(0, -small.length - 1);
			const other = reads.find((x) => x.scenario === `${base} ${large}`)!;
			const cell = (m: Measured) => `${m.reqPerSec} req/s, p99 ${m.p99} ms`;
			console.log(
				`  ${base.padEnd(36)} ${cell(r).padStart(22)} ${cell(other).padStart(22)}  ${(other.reqPerSec / r.reqPerSec).toFixed(2)}`
			);
		}
		const sizes = sets.map((s) => s.data);
		return {
			rates: {
				MEMBERS_PER_GROUP,
				POSTS_PER_GROUP_DAY,
				COMMENTS_PER_POST,
				REACTIONS_PER_POST,
				READERS_PER_GROUP_DAY,
				VIEWS_PER_GROUP_DAY,
				VIEWS_ON_ITS_DAY,
				VIEWS_NEXT_DAY,
				READERS_PER_GROUP_MONTH,
				DAYS,
				RAW_DAYS
			},
			sets: sizes,
			statsJobMs: statsJob,
			feedQueryMs: feedQueries,
			reads
		};
	} finally {
		for (const p of servers) p.kill('SIGTERM');
		await Promise.all(servers.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
	}
}
