// Urgent alerts at scale: an alert to one sołectwo of a 20 000-member group (a tenth of the
// members) and to the whole group — how long until every outbox message exists (the alert's
// transaction commits) — and how long until 2 000 open pages hear of it over SSE. `npm run bench -- --alerts-only` runs just this part.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Actor, Ctx } from '../src/lib/server/core/context';
import { migrate, openPGlite, openPostgres, type Database } from '../src/lib/server/db/database';
import { sendAlert } from '../src/lib/server/alerts/send';
import { addPlace } from '../src/lib/server/places/places';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { addUnit } from '../src/lib/server/units/units';
import { createUnitToken } from '../src/lib/server/units/tokens';
import { freshPgDatabase, startBuiltServer } from './common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A group of `members` members, all opted in to every alert: e-mail; half push; a tenth SMS. A
 * tenth live in sołectwo Guzów, the rest in Miedniewice.
 */
async function prepare(database: Database, members: number) {
	const ctx: Ctx = {
		db: database.db,
		clock: systemClock,
		notifier: database.notifier,
		baseUrl: 'http://localhost:3000'
	};
	await migrate(ctx.db);
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@alerts.bench', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'alarmy',
		municipalityCode: '1438053',
		name: 'Test komunikatów pilnych',
		membershipQuestion: 'Test?'
	});
	const group = await getGroup(ctx.db, 'alarmy');
	await activatePackage(ctx, operator, group);
	await ctx.db.updateTable('customers').set({ sms_enabled: true }).execute();
	const unitId = await addUnit(ctx, operator, '1438053', { name: 'Zakład Gospodarki Komunalnej', type: 'utility' });
	const clerk = await makeUser(ctx, 'zgk@alerts.bench', { name: 'ZGK' });
	await ctx.db.insertInto('unit_members').values({ unit_id: unitId, user_id: clerk.id, role: 'editor' }).execute();
	await sql`
		WITH u AS (
			INSERT INTO users (email, password_hash, display_name, email_verified_at, created_at)
			SELECT 'czlonek' || i || '@alerts.bench', '', 'Mieszkaniec ' || i, now(), now() FROM generate_series(1, ${members}) i
			RETURNING id
		), m AS (
			INSERT INTO memberships (group_id, user_id, status, answer, requested_at) SELECT ${group.id}, id, 'approved', 'tak', now() FROM u RETURNING user_id
		)
		INSERT INTO alert_subscriptions (group_id, user_id, kinds, by_email, by_push, by_sms, phone, updated_at)
		SELECT ${group.id}, user_id, ARRAY['utilities', 'safety'], true, user_id % 2 = 0, user_id % 10 = 0, CASE WHEN user_id % 10 = 0 THEN '+4850' || lpad(user_id::text, 7, '0') END, now() FROM m
	`.execute(ctx.db);
	// SMS go only to confirmed numbers.
	await sql`INSERT INTO phone_verifications (group_id, user_id, phone, sent_at, verified_at)
		SELECT group_id, user_id, phone, now(), now() FROM alert_subscriptions WHERE group_id = ${group.id} AND by_sms`.execute(
		ctx.db
	);
	const guzow = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Guzów' })).id;
	const miedniewice = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Miedniewice' })).id;
	await sql`INSERT INTO member_places (group_id, user_id, place_id)
		SELECT group_id, user_id, CASE WHEN user_id % 10 = 0 THEN ${guzow}::bigint ELSE ${miedniewice}::bigint END
		FROM memberships WHERE group_id = ${group.id}`.execute(ctx.db);
	return { ctx, group, unitId, clerk, guzow };
}

const alertInput = (unitId: string, i: number, places: string[] = []) => ({
	unitId,
	kind: 'utilities',
	title: `Awaria wodociągu nr ${i}`,
	body: 'Woda niezdatna do picia do odwołania. Beczkowóz stoi przy remizie.',
	places,
	until: new Date(Date.now() + 3_600_000),
	channels: ['push', 'email', 'sms']
});

/** In-process: the time sendAlert takes until its transaction (with the whole fan-out) commits. */
async function outboxTimes(
	ctx: Ctx,
	clerk: Actor,
	group: Awaited<ReturnType<typeof getGroup>>,
	unitId: string,
	runs: number,
	places: string[] = []
) {
	const times: number[] = [];
	let last: Record<string, number> = {};
	for (let i = 0; i < runs; i++) {
		const before = Number((await sql<{ n: string }>`select count(*) as n from outbox`.execute(ctx.db)).rows[0].n);
		const t = performance.now();
		await sendAlert(ctx, clerk, group, alertInput(unitId, i, places));
		times.push(performance.now() - t);
		const after = await sql<{
			channel: string;
			n: string;
		}>`select channel, count(*) as n from outbox group by channel`.execute(ctx.db);
		last = Object.fromEntries(after.rows.map((r) => [r.channel, Number(r.n)]));
		last.total = Object.values(last).reduce((s, n) => s + n, 0) - before;
	}
	return { times, lastRunMessages: last.total };
}

/** 2 000 readers with the group page open: time from sending the alert until the last one hears of it. */
async function sseTimes(base: string, token: string, unitId: string, clients: number, runs: number): Promise<number[]> {
	const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
	const heard: ((t: number) => void)[] = [];
	const requests: http.ClientRequest[] = [];
	await Promise.all(
		Array.from(
			{ length: clients },
			(_, i) =>
				new Promise<void>((resolve, reject) => {
					const req = http.get(`${base}/g/alarmy/live`, { agent }, (res) => {
						res.setEncoding('utf8');
						res.on('data', (chunk: string) => {
							if (chunk.includes('połączono')) resolve();
							if (chunk.includes('"type":"post"')) heard[i]?.(performance.now());
						});
					});
					req.on('error', reject);
					requests.push(req);
				})
		)
	);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const arrivals = Array.from({ length: clients }, (_, i) => new Promise<number>((resolve) => (heard[i] = resolve)));
		const t0 = performance.now();
		const r = await fetch(`${base}/api/v1/groups/alarmy/alerts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(alertInput(unitId, 100 + run))
		});
		if (r.status !== 201) throw new Error(`alert refused: ${r.status} ${await r.text()}`);
		const last = Math.max(...(await Promise.all(arrivals)));
		times.push(last - t0);
		await new Promise((res) => setTimeout(res, 300));
	}
	for (const req of requests) req.destroy();
	agent.destroy();
	return times;
}

function report(db: string, to: string, r: { times: number[]; lastRunMessages: number }) {
	console.log(
		`urgent alert to ${to} (of ${r.lastRunMessages} messages), ${db}: until every outbox message exists ${r.times.map((t) => `${Math.round(t)} ms`).join(', ')} (median ${Math.round(median(r.times))} ms)`
	);
}

export async function benchAlerts(opts: { pgServer: string; members: number; clients: number; runs: number }) {
	const out: Record<string, unknown> = {};
	// PGlite, in process.
	{
		const database = await openPGlite();
		const { ctx, group, unitId, clerk, guzow } = await prepare(database, opts.members);
		const one = await outboxTimes(ctx, clerk, group, unitId, opts.runs, [guzow]);
		report('PGlite', 'one sołectwo', one);
		const r = await outboxTimes(ctx, clerk, group, unitId, opts.runs);
		report('PGlite', 'the whole group', r);
		out.pglite = { outboxMs: r.times, messagesPerAlert: r.lastRunMessages, solectwo: one };
		await database.close();
	}
	// PostgreSQL: in process, then the built server with SSE readers.
	const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_alerts');
	const database = await openPostgres(url);
	const { ctx, group, unitId, clerk, guzow } = await prepare(database, opts.members);
	const one = await outboxTimes(ctx, clerk, group, unitId, opts.runs, [guzow]);
	report('PostgreSQL', 'one sołectwo', one);
	const r = await outboxTimes(ctx, clerk, group, unitId, opts.runs);
	report('PostgreSQL', 'the whole group', r);
	const token = await createUnitToken(
		ctx,
		{ id: '0', email: 'bench', displayName: 'bench', isOperator: true, emailVerified: true },
		unitId,
		'bench'
	);
	await database.close();

	const { base, stop } = await startBuiltServer(url, 'alerts-media', { JOBS: '0' });
	try {
		const sse = await sseTimes(base, token, unitId, opts.clients, opts.runs);
		console.log(
			`urgent alert heard by all ${opts.clients} open pages (SSE, PostgreSQL, through the HTTP API incl. the fan-out): ${sse.map((t) => `${Math.round(t)} ms`).join(', ')} (median ${Math.round(median(sse))} ms)`
		);
		out.postgres = {
			outboxMs: r.times,
			messagesPerAlert: r.lastRunMessages,
			solectwo: one,
			sseMs: sse,
			clients: opts.clients
		};
	} finally {
		await stop();
	}
	return { members: opts.members, ...out };
}
