import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable, startServer, type Server } from './harness';

// SIGTERM drains: a request in flight finishes, a live stream ends (its reader reconnects
// elsewhere), then the jobs stop, the buffered views are written and the database closes; the
// process exits 0 without an error line. The request is held in flight by a lock on `posts`.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the graceful shutdown test');
const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
let server: Server;
let db: pg.Client;

async function admin(sql: string): Promise<Record<string, string>[]> {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	try {
		return (await c.query(sql)).rows;
	} finally {
		await c.end();
	}
}

describe.skipIf(!reachable)('graceful shutdown', () => {
	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		// Views are written only on shutdown here (the timer would write them after an hour); jobs run.
		server = await startServer({ databaseUrl: url.toString(), env: { VIEWS_FLUSH_MS: '3600000' } });
		db = new pg.Client({ connectionString: url.toString() });
		await db.connect();
	});
	afterAll(async () => {
		await db?.end();
		await server?.stop();
		if (reachable) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('finishes the request in flight, ends live streams, writes buffered views and exits 0 without errors', async () => {
		const { items } = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=5`)).json();
		const id = items.filter((p: { pinned: boolean }) => !p.pinned)[1].id as string;
		const viewCount = async () =>
			Number((await db.query('select view_count from posts where id = $1', [id])).rows[0].view_count);
		const before = await viewCount();
		const report = await fetch(`${server.url}/api/v1/views`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'user-agent': firefox },
			body: JSON.stringify({ postIds: [id] })
		});
		expect(report.status).toBe(202);
		expect(await report.json()).toEqual({ accepted: 1 });

		const live = await fetch(`${server.url}/g/wiskitki/live`);
		const reader = live.body!.getReader();
		let received = '';
		let ended = false;
		void (async () => {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				received += new TextDecoder().decode(value);
			}
		})()
			.catch(() => {})
			.finally(() => (ended = true));
		await expect.poll(() => received).toContain('retry:');

		// Hold a feed request in flight: it waits for the lock until the stream has ended.
		await db.query('begin');
		await db.query('lock table posts in access exclusive mode');
		const inFlight = fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=5&category=official`).then(
			async (r) => ({ status: r.status, body: await r.json() }),
			(e: Error) => ({ status: 0, body: String(e.cause ?? e) })
		);
		const waiting = async () =>
			(await admin(`select 1 from pg_stat_activity where datname = '${dbName}' and wait_event_type = 'Lock'`)).length;
		await expect.poll(waiting).toBeGreaterThan(0);

		process.kill(server.pid, 'SIGTERM');
		await expect.poll(() => server.log()).toContain('SIGTERM: zamykanie');
		await expect.poll(() => ended).toBe(true);
		expect(server.alive()).toBe(true);
		await db.query('commit');

		const answer = await inFlight;
		expect(answer.status, JSON.stringify(answer.body)).toBe(200);
		expect(answer.body.items.length).toBeGreaterThan(0);
		expect(await server.exited).toEqual({ code: 0, signal: null });
		const errors = server
			.log()
			.split('\n')
			.filter((l) => /"level":(50|60)|destroyed|Error/.test(l));
		expect(errors).toEqual([]);
		expect(await viewCount()).toBe(before + 1);
	});
});
