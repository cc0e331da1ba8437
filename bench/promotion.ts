// Promoted posts at scale (issue 17), on PostgreSQL: a promotion to a 20 000-member group — how long
// until every notification and push row exists (promotePost's transaction commits) — and what a
// feed page costs with a promoted and a cross-posted post on it against the same page without
// them (one query either way; EXPLAIN ANALYZE execution times, medians).
// `npm run bench -- --promotion-only` runs just this part.
import { performance } from 'node:perf_hooks';
import { CompiledQuery, sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Ctx } from '../src/lib/server/core/context';
import { migrate, openPostgres, type Database } from '../src/lib/server/db/database';
import { createPost } from '../src/lib/server/feed/create-post';
import { feedQuery } from '../src/lib/server/feed/feed-query';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { promotePost } from '../src/lib/server/promotions/promotions';
import { activatePackage, loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { addUnit } from '../src/lib/server/units/units';
import { freshPgDatabase } from './common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A Pakiet 2 group of `members` members with "ogłoszenia gminy" on, half with a push device; 300 posts. */
async function prepare(database: Database, members: number) {
	const ctx: Ctx = {
		db: database.db,
		clock: systemClock,
		notifier: database.notifier,
		baseUrl: 'http://localhost:3000'
	};
	await migrate(ctx.db);
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@promo.bench', { operator: true });
	const create = (slug: string, code: string) =>
		createGroup(ctx, operator, { slug, municipalityCode: code, name: slug, membershipQuestion: 'Test?' });
	await create('wyroznienia', '1438053');
	await create('sasiad', '1438042');
	const group = await getGroup(ctx.db, 'wyroznienia');
	const neighbour = await getGroup(ctx.db, 'sasiad');
	await activatePackage(ctx, operator, group);
	await sql`INSERT INTO subscription_packages (subscription_id, valid_from, package)
		SELECT id, starts_on, 'pakiet2' FROM subscriptions WHERE group_id = ${group.id}
		ON CONFLICT (subscription_id, valid_from) DO UPDATE SET package = 'pakiet2'`.execute(ctx.db);
	await sql`INSERT INTO prices (package, plan, gross, vat_rate, valid_from, promotions_per_month, created_at)
		VALUES ('pakiet2', 'monthly', 550000, 23, '2000-01-01', 100, now())`.execute(ctx.db);
	const unitId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa', type: 'primarySchool' });
	const teacher = await makeUser(ctx, 'sp@promo.bench', { name: 'SP' });
	await ctx.db.insertInto('unit_members').values({ unit_id: unitId, user_id: teacher.id, role: 'editor' }).execute();
	await sql`
		WITH u AS (
			INSERT INTO users (email, password_hash, display_name, email_verified_at, created_at)
			SELECT 'czlonek' || i || '@promo.bench', '', 'Mieszkaniec ' || i, now(), now() FROM generate_series(1, ${members}) i
			RETURNING id
		), m AS (
			INSERT INTO memberships (group_id, user_id, status, answer, requested_at)
			SELECT ${group.id}, id, 'approved', 'tak', now() FROM u RETURNING user_id
		)
		INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent, created_at)
		SELECT user_id, 'https://fcm.googleapis.com/fcm/send/' || user_id, 'k', 'a', 'bench', now() FROM m WHERE user_id % 2 = 0
	`.execute(ctx.db);
	for (const [g, n] of [
		[group, 300],
		[neighbour, 300]
	] as const)
		await sql`INSERT INTO posts (group_id, author_id, unit_id, category, body, body_folded, status, reaction_counts, created_at, published_at)
			SELECT ${g.id}, ${teacher.id}, ${g.id === group.id ? unitId : null}, 'education', 'Post ' || i, 'post ' || i, 'published', '{}',
				now() - i * interval '1 hour', now() - i * interval '1 hour'
			FROM generate_series(1, ${n}) i`.execute(ctx.db);
	const reader = await ctx.db
		.selectFrom('memberships')
		.select('user_id')
		.where('group_id', '=', neighbour.id)
		.executeTakeFirst();
	return { ctx, group, neighbour, unitId, teacher, readerId: reader?.user_id };
}

/** EXPLAIN ANALYZE execution time (ms) of the feed page the app runs, `n` times. */
async function feedPageTimes(database: Database, groupId: string, n: number) {
	const times: number[] = [];
	let plan: string[] = [];
	for (let i = 0; i < n; i++) {
		const compiled = feedQuery(database.db, {
			groupId,
			limit: 20,
			category: null,
			unitId: null,
			cursor: null,
			now: new Date()
		}).compile();
		const r = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
			CompiledQuery.raw(`explain (analyze) ${compiled.sql}`, [...compiled.parameters])
		);
		plan = r.rows.map((row) => row['QUERY PLAN']);
		times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan[plan.length - 1])?.[1] ?? NaN));
	}
	return { median: median(times), plan };
}

export async function benchPromotion(opts: { pgServer: string; members: number; runs: number }) {
	const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_promotion');
	const database = await openPostgres(url);
	const { ctx, group, neighbour, unitId, teacher } = await prepare(database, opts.members);

	const before = await feedPageTimes(database, group.id, 21);
	const beforeNeighbour = await feedPageTimes(database, neighbour.id, 21);

	const times: number[] = [];
	let rows = 0;
	for (let i = 0; i < opts.runs; i++) {
		const { id } = await createPost(ctx, teacher, group, {
			body: `Dzień otwarty szkoły nr ${i}`,
			category: 'education',
			unitId
		});
		const t = performance.now();
		const r = await promotePost(ctx, teacher, id, { days: 3 });
		times.push(performance.now() - t);
		rows = r.notified + r.pushed;
		// The promoted post also appears in the neighbouring group (Pakiet 3's cross-post).
		await ctx.db
			.insertInto('cross_posts')
			.values({ post_id: id, group_id: neighbour.id, promotion_id: r.promotionId, created_at: new Date() })
			.execute();
	}
	console.log(
		`promotion to ${opts.members} members (${rows} notification and push rows), PostgreSQL: ${times.map((t) => `${Math.round(t)} ms`).join(', ')} (median ${Math.round(median(times))} ms)`
	);
	const after = await feedPageTimes(database, group.id, 21);
	const afterNeighbour = await feedPageTimes(database, neighbour.id, 21);
	console.log(
		`feed page 1 (one query), median EXPLAIN ANALYZE execution: without promoted posts ${before.median} ms, with ${opts.runs} promoted ${after.median} ms; neighbour without cross-posts ${beforeNeighbour.median} ms, with ${opts.runs} cross-posted ${afterNeighbour.median} ms`
	);
	await database.close();
	return {
		members: opts.members,
		promotionMs: times,
		rowsPerPromotion: rows,
		feedPageMs: { before: before.median, after: after.median },
		neighbourFeedPageMs: { before: beforeNeighbour.median, after: afterNeighbour.median },
		planWithPromotions: after.plan
	};
}
