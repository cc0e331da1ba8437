import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, postgresReachable, startServer, type Server } from './harness';

// The app on a PostgreSQL server that drops its connections (a restart, a failover, an
// administrator terminating backends) while it writes: requests in flight may fail, the process
// stays up, reports "degraded" meanwhile and recovers by itself, jobs included.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the database disconnect test');
const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
let app: Server;

let appDbUrl = '';

async function admin<T = unknown>(text: string, values: unknown[] = [], connectionString = serverUrl): Promise<T[]> {
	const c = new pg.Client({ connectionString });
	await c.connect();
	try {
		return (await c.query(text, values)).rows as T[];
	} finally {
		await c.end();
	}
}

const terminateAppBackends = () =>
	admin<{ terminated: boolean }>(
		'select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
		[dbName]
	);

describe.skipIf(!reachable)('PostgreSQL drops the connections', () => {
	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		appDbUrl = url.toString();
		app = await startServer({ databaseUrl: appDbUrl });
	});
	afterAll(async () => {
		await app?.stop();
		if (reachable) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('keeps the process up through ten forced disconnects under write load, then serves and writes again', async () => {
		const token = await apiToken(app.url, 'moderator@tablica.test');
		const created: string[] = [];
		let failed = 0;
		let writing = true;
		const writer = async (n: number) => {
			for (let i = 0; writing; i++) {
				const r = await fetch(`${app.url}/api/v1/groups/wiskitki/posts`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: JSON.stringify({
						body: `Komunikat próbny ${n}-${i} o zbiórce makulatury w szkole.`,
						category: 'official'
					})
				}).catch(() => null);
				if (r?.status === 201) created.push((await r.json()).id);
				else failed++;
			}
		};
		const writers = [1, 2, 3].map(writer);
		const states = new Set<string>();
		for (let round = 0; round < 10; round++) {
			// Let the writers get connections checked out, then cut every one of them.
			const before = created.length + failed;
			await expect.poll(() => created.length + failed, { timeout: 30_000 }).toBeGreaterThan(before + 2);
			const killed = await terminateAppBackends();
			expect(app.alive(), app.log()).toBe(true);
			expect(killed.length).toBeGreaterThan(0);
			const health = await fetch(`${app.url}/api/v1/health`).catch(() => null);
			if (health) states.add(((await health.json()) as { status: string }).status);
		}
		writing = false;
		await Promise.all(writers);
		expect(app.alive(), app.log()).toBe(true);

		// Recovered within 10 s of the last disconnect: healthy, jobs running again, writes work.
		const recovered = Date.now();
		await expect
			.poll(
				async () =>
					(await fetch(`${app.url}/api/v1/health`)
						.then((r) => r.json())
						.catch(() => ({}))) as { status?: string; jobs?: string },
				{ timeout: 10_000, interval: 200 }
			)
			.toMatchObject({ status: 'ok', jobs: 'ok' });
		expect(Date.now() - recovered).toBeLessThan(10_000);
		const r = await fetch(`${app.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ body: 'Komunikat po awarii bazy danych: wszystko działa.', category: 'official' })
		});
		expect(r.status).toBe(201);

		// Every write that was answered 201 is there, once.
		expect(created.length).toBeGreaterThan(10);
		const rows = await admin<{ n: string }>(
			`select count(*) as n from posts where id = any($1::bigint[])`,
			[created],
			appDbUrl
		);
		expect(Number(rows[0].n)).toBe(new Set(created).size);
		expect([...states].every((s) => s === 'ok' || s === 'degraded')).toBe(true);
	}, 180_000);

	it('says "degraded" while the database cannot be reached', async () => {
		// Refuse new connections to the app's database, cut the existing ones: health must answer, 503.
		await admin(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
		try {
			await terminateAppBackends();
			await expect.poll(async () => (await fetch(`${app.url}/api/v1/health`)).status, { timeout: 30_000 }).toBe(503);
			const body = await (await fetch(`${app.url}/api/v1/health`)).json();
			expect(body).toMatchObject({ status: 'degraded', database: 'unavailable' });
		} finally {
			await admin(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
		}
		await expect
			.poll(
				async () =>
					(await fetch(`${app.url}/api/v1/health`)
						.then((r) => r.json())
						.catch(() => ({}))) as { status?: string },
				{ timeout: 30_000, interval: 200 }
			)
			.toMatchObject({ status: 'ok' });
	}, 120_000);
});
