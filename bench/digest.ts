// Issue 17 at scale: the weekly digest ("Tydzień w gminie") of a 20 000-member group — the time
// `queueWeeklyDigest` takes to build and queue every member's e-mail, and the memory it holds
// meanwhile (it must not grow with the group) — then the outbox delivering those e-mails to an
// SMTP server on loopback (in a worker thread, as a relay is another process), as the delivery
// job runs. `npm run bench -- --digest-only`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Ctx } from '../src/lib/server/core/context';
import { migrate, openPostgres } from '../src/lib/server/db/database';
import type { Group } from '../src/lib/server/db/schema';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { queueWeeklyDigest } from '../src/lib/server/notify/digest';
import { deliverDue, emailTransport, type DeliveryResult } from '../src/lib/server/notify/delivery';
import { loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { addUnit } from '../src/lib/server/units/units';
import { freshPgDatabase } from './common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// A full collection before each baseline, so "peak over baseline" is what the run itself holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A group of `members` members with a verified e-mail (the digest's default is on), and a week
 * of posts: 100 a day for the last seven days, a tenth from a unit, some announcing events of the
 * next two weeks, with views spread over the week so the most-read block has an order.
 */
async function makeGroup(ctx: Ctx, slug: string, members: number): Promise<Group> {
	const operator = await makeUser(ctx, `operator@${slug}.bench`, { operator: true });
	await createGroup(ctx, operator, {
		slug,
		municipalityCode: '1438053',
		name: `Test tygodnika ${slug}`,
		membershipQuestion: 'Test?'
	});
	const group = await getGroup(ctx.db, slug);
	const unitId = await addUnit(ctx, operator, '1438053', {
		name: `Zakład Gospodarki Komunalnej ${slug}`,
		type: 'utility'
	});
	await sql`
		WITH u AS (
			INSERT INTO users (email, password_hash, display_name, email_verified_at, created_at)
			SELECT 'czlonek' || i || '@' || ${slug} || '.bench', '', 'Mieszkaniec ' || i, now(), now() FROM generate_series(1, ${members}) i
			RETURNING id
		)
		INSERT INTO memberships (group_id, user_id, status, role, answer, requested_at)
		SELECT ${group.id}, id, 'approved', 'member', 'tak', now() FROM u`.execute(ctx.db);
	await sql`UPDATE groups SET member_count = ${members} WHERE id = ${group.id}`.execute(ctx.db);
	await sql`
		INSERT INTO posts (group_id, author_id, unit_id, category, body, body_folded, status, reaction_counts, created_at, published_at, event_start, event_place)
		SELECT ${group.id}, ${operator.id}, CASE WHEN i % 10 = 0 THEN ${unitId}::bigint END, 'community',
			'Wpis numer ' || i || ' z tego tygodnia: informacja dla mieszkańców gminy.', 'wpis numer ' || i, 'published', '{}', ts, ts,
			CASE WHEN i % 7 = 0 THEN now() + (i % 13 + 1) * interval '1 day' END, CASE WHEN i % 7 = 0 THEN 'Remiza OSP' END
		FROM generate_series(1, 700) i, LATERAL (SELECT now() - i * interval '14 minutes' AS ts) t`.execute(ctx.db);
	await sql`
		INSERT INTO post_views (post_id, day, viewer_key)
		SELECT p.id, (p.published_at AT TIME ZONE 'Europe/Warsaw')::date, 'v' || k
		FROM posts p, generate_series(1, 40) k WHERE p.group_id = ${group.id} AND k <= 1 + p.id % 40
		ON CONFLICT DO NOTHING`.execute(ctx.db);
	await sql`ANALYZE`.execute(ctx.db);
	return group;
}

/**
 * One queueing of the group's week (its digest_runs row and the outbox emptied first), sampling
 * memory every 5 ms. With `live`, every 200 ms after a full collection instead: what the run
 * holds, not the garbage V8 lets pile up before collecting (that run is slower, so untimed).
 */
async function queueOnce(ctx: Ctx, group: Group, live = false) {
	await sql`DELETE FROM digest_runs WHERE group_id = ${group.id}`.execute(ctx.db);
	await sql`TRUNCATE outbox`.execute(ctx.db);
	gc();
	const base = process.memoryUsage();
	let heapPeak = base.heapUsed;
	let rssPeak = base.rss;
	const sample = () => {
		if (live) gc();
		const m = process.memoryUsage();
		heapPeak = Math.max(heapPeak, m.heapUsed);
		rssPeak = Math.max(rssPeak, m.rss);
	};
	const timer = setInterval(sample, live ? 200 : 5);
	const t = performance.now();
	const r = await queueWeeklyDigest(ctx, group);
	const seconds = (performance.now() - t) / 1000;
	sample();
	clearInterval(timer);
	if (!r.queued) throw new Error('digest not queued');
	const queued = Number(
		(await sql<{ n: string }>`SELECT count(*) AS n FROM outbox WHERE channel = 'email'`.execute(ctx.db)).rows[0].n
	);
	if (queued !== r.recipients) throw new Error(`outbox has ${queued} e-mails, the digest said ${r.recipients}`);
	return { seconds, recipients: r.recipients, heapMb: mb(heapPeak - base.heapUsed), rssMb: mb(rssPeak - base.rss) };
}

/**
 * An SMTP server on loopback in a worker thread, as a relay is another process: in this thread it
 * would take its share of the sender's one core. `received` counts whole messages.
 */
async function smtpSink() {
	const worker = new Worker(
		`const { parentPort } = require('node:worker_threads');
		const { SMTPServer } = require('smtp-server');
		let received = 0;
		const smtp = new SMTPServer({
			authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 200, disableReverseLookup: true,
			onData: (stream, _s, cb) => { stream.on('data', () => {}); stream.on('end', () => { received++; cb(); }); }
		});
		smtp.listen(0, '127.0.0.1', () => parentPort.postMessage(smtp.server.address().port));
		parentPort.on('message', (m) => m === 'count' ? parentPort.postMessage(received) : smtp.close(() => process.exit(0)));`,
		{ eval: true }
	);
	const reply = () => new Promise<number>((resolve) => worker.once('message', resolve));
	const port = await reply();
	return {
		port,
		received: () => {
			const r = reply();
			worker.postMessage('count');
			return r;
		},
		close: async () => {
			worker.postMessage('close');
			await new Promise((resolve) => worker.once('exit', resolve));
		}
	};
}

/**
 * `messages` of the queued digest e-mails delivered to the loopback server by `deliverDue` as the
 * delivery job calls it (draining for up to a minute a call); messages per second.
 */
async function deliverOnce(ctx: Ctx, port: number, messages: number, received: () => Promise<number>) {
	await sql`UPDATE outbox SET status = 'sent', sent_at = now()`.execute(ctx.db);
	await sql`UPDATE outbox SET status = 'pending', sent_at = NULL, attempts = 0, next_attempt_at = NULL, provider_id = NULL
		WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT ${messages})`.execute(ctx.db);
	const transport = emailTransport({
		smtpUrl: `smtp://127.0.0.1:${port}`,
		mailFrom: 'Tablica <powiadomienia@tablica.test>',
		mailReplyTo: 'pomoc@tablica.test'
	})!;
	const before = await received();
	const t = performance.now();
	let sent = 0;
	let calls = 0;
	while (sent < messages) {
		const r: DeliveryResult = await deliverDue(
			ctx.db,
			systemClock,
			{ email: transport },
			{ limit: Infinity, forMs: 60_000 }
		);
		calls++;
		if (r.failed) throw new Error(`${r.failed} e-mails failed`);
		if (r.sent === 0) throw new Error('delivery stalled');
		sent += r.sent;
	}
	const rate = messages / ((performance.now() - t) / 1000);
	const got = (await received()) - before;
	if (got !== messages) throw new Error(`SMTP received ${got} of ${messages}`);
	return { rate, calls };
}

export async function benchDigest(opts: { pgServer: string; members: number; runs: number; deliver: number }) {
	const database = await openPostgres(await freshPgDatabase(opts.pgServer, 'tablica_bench_digest'));
	const ctx: Ctx = {
		db: database.db,
		clock: systemClock,
		notifier: database.notifier,
		baseUrl: 'https://tablica.test'
	};
	await migrate(ctx.db);
	await loadDemoMunicipalities(ctx);
	// A tenth of the size too: flat memory means the same peak for both.
	const small = Math.round(opts.members / 10);
	const t0 = performance.now();
	const groups = {
		large: await makeGroup(ctx, 'tydzien', opts.members),
		small: await makeGroup(ctx, 'tydzien-maly', small)
	};
	console.log(
		`  generated ${opts.members} + ${small} members and a week of posts in ${((performance.now() - t0) / 1000).toFixed(1)} s`
	);
	await queueOnce(ctx, groups.small); // untimed: JIT, prepared statements, the signer's key

	const digest: Record<'large' | 'small', Awaited<ReturnType<typeof queueOnce>>[]> = { large: [], small: [] };
	for (let i = 0; i < opts.runs; i++)
		for (const size of ['small', 'large'] as const) {
			const r = await queueOnce(ctx, groups[size]);
			digest[size].push(r);
			console.log(
				`  digest ${String(r.recipients).padStart(5)} members run ${i + 1}: ${r.seconds.toFixed(1)} s (${Math.round(r.recipients / r.seconds)} e-mails/s), heap +${r.heapMb} MB, rss +${r.rssMb} MB`
			);
		}
	const summary = (rs: Awaited<ReturnType<typeof queueOnce>>[]) => ({
		recipients: rs[0].recipients,
		seconds: median(rs.map((r) => r.seconds)),
		heapMb: median(rs.map((r) => r.heapMb)),
		rssMb: median(rs.map((r) => r.rssMb))
	});
	const large = summary(digest.large);
	const smallSummary = summary(digest.small);
	const liveHeapMb = {
		small: (await queueOnce(ctx, groups.small, true)).heapMb,
		large: (await queueOnce(ctx, groups.large, true)).heapMb
	};
	const avgBytes = Number(
		(
			await sql<{
				n: string;
			}>`SELECT avg(length(body_text) + length(coalesce(body_html, '')) + length(coalesce(headers::text, ''))) AS n FROM outbox`.execute(
				ctx.db
			)
		).rows[0].n
	);

	// The outbox now holds the large group's digest; deliver part of it to a loopback SMTP server.
	const smtp = await smtpSink();
	const deliveries: number[] = [];
	let calls = 0;
	for (let i = 0; i < opts.runs; i++) {
		const r = await deliverOnce(ctx, smtp.port, opts.deliver, smtp.received);
		deliveries.push(r.rate);
		calls = r.calls;
		console.log(
			`  outbox → loopback SMTP run ${i + 1}: ${Math.round(r.rate)} messages/s (${opts.deliver} digest e-mails, ${r.calls} deliverDue calls)`
		);
	}
	await smtp.close();
	await database.close();

	const rate = median(deliveries);
	console.log(
		`weekly digest, ${large.recipients} members: ${large.seconds.toFixed(1)} s (goal ≤ 60 s), heap +${large.heapMb} MB, rss +${large.rssMb} MB over baseline; ${smallSummary.recipients} members: ${smallSummary.seconds.toFixed(1)} s, heap +${smallSummary.heapMb} MB, rss +${smallSummary.rssMb} MB (medians of ${opts.runs}; time ratio ${(large.seconds / smallSummary.seconds).toFixed(1)}×; ${Math.round(avgBytes / 1024)} kB an e-mail)`
	);
	console.log(
		`  live heap (after a collection every 200 ms): +${liveHeapMb.large} MB for ${large.recipients} members, +${liveHeapMb.small} MB for ${smallSummary.recipients} (ratio ${(liveHeapMb.large / liveHeapMb.small).toFixed(1)}×; flat is ≈ 1)`
	);
	console.log(
		`digest e-mails → loopback SMTP: ${Math.round(rate)} messages/s (goal ≥ 200; median of ${opts.runs}, ${opts.deliver} a run, ${calls} deliverDue calls a run)`
	);
	return {
		digest: { large, small: smallSummary, liveHeapMb, runs: digest, bytesPerEmail: Math.round(avgBytes) },
		delivery: { messages: opts.deliver, rates: deliveries.map(Math.round), median: Math.round(rate), calls }
	};
}
