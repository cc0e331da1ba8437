import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHaproxy, LiveReader, startHaproxy, type Haproxy } from '../../bench/haproxy';
import { apiToken, freePort, postgresReachable, startServer, type Server } from './harness';

// Three processes behind HAProxy (round robin, health checks) on one PostgreSQL database: every
// instance is reached, a write on one empties the anonymous cache of the others, and after kill -9
// of one the requests go to the others and its live reader reconnects to another instance.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the HAProxy test');
if (!hasHaproxy) console.warn('haproxy is not installed (apt-get install haproxy): the HAProxy test is skipped.');

const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
// A minute: a page read again while it holds comes from the cache unless a live event emptied it.
const env = { ANON_CACHE_MS: '60000' };
const servers: Server[] = [];
let proxy: Haproxy;
const readers: LiveReader[] = [];
let token: string;

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	await c.query(sql);
	await c.end();
}

const feed = '/api/v1/groups/wiskitki/posts?limit=5';
const feedIds = async (base: string): Promise<string[]> =>
	((await (await fetch(base + feed)).json()) as { items: { id: string }[] }).items.map((p) => p.id);

async function post(base: string, body: string): Promise<string> {
	const r = await fetch(`${base}/api/v1/groups/wiskitki/posts`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ body, category: 'official' })
	});
	expect(r.status).toBe(201);
	return ((await r.json()) as { id: string }).id;
}

describe.skipIf(!reachable || !hasHaproxy)('three instances behind HAProxy', () => {
	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		// One after another: the first migrates and seeds the demo.
		for (let i = 0; i < 3; i++) servers.push(await startServer({ databaseUrl: url.toString(), env }));
		proxy = await startHaproxy(
			await freePort(),
			servers.map((s, i) => ({ name: `a${i + 1}`, port: Number(new URL(s.url).port) }))
		);
		token = await apiToken(servers[0].url, 'moderator@tablica.test');
	});
	afterAll(async () => {
		for (const r of readers) r.close();
		await proxy?.stop();
		for (const s of servers) await s.stop();
		if (reachable) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('sends requests round robin to all three', async () => {
		const served = new Set<string | null>();
		for (let i = 0; i < 6; i++) served.add((await fetch(`${proxy.url}/api/v1/health`)).headers.get('x-served-by'));
		expect([...served].sort()).toEqual(['a1', 'a2', 'a3']);
	});

	it('empties the anonymous feed cache of the other instances when one of them writes', async () => {
		const [a, b, c] = servers.map((s) => s.url);
		for (const base of [b, c]) await feedIds(base);
		const id = await post(a, 'Komunikat przez instancję a1: czy b i c pokażą go od razu?');
		await expect.poll(() => feedIds(b)).toContain(id);
		await expect.poll(() => feedIds(c)).toContain(id);
	});

	it('after kill -9 of one: later requests succeed and its live reader reconnects to another', async () => {
		for (let i = 0; i < 9 && new Set(readers.map((r) => r.servedBy)).size < 3; i++) {
			const r = new LiveReader(`${proxy.url}/g/wiskitki/live`);
			readers.push(r);
			await expect.poll(() => r.servedBy).toBeTruthy();
		}
		const onA1 = readers.find((r) => r.servedBy === 'a1')!;
		expect(onA1).toBeDefined();
		const connections = onA1.connections.length;

		await servers[0].kill();
		await expect.poll(async () => (await proxy.states()).a1, { timeout: 20_000 }).toMatch(/^DOWN/);
		const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await fetch(proxy.url + feed)).status));
		expect(statuses.filter((s) => s !== 200)).toEqual([]);

		await expect.poll(() => onA1.connections.length, { timeout: 20_000 }).toBeGreaterThan(connections);
		expect(['a2', 'a3']).toContain(onA1.servedBy);
		const id = await post(servers[1].url, 'Komunikat po awarii instancji a1');
		await expect
			.poll(() => onA1.events.some((e) => e.data.includes(`"postId":"${id}"`)), { timeout: 20_000 })
			.toBe(true);
	});
});
