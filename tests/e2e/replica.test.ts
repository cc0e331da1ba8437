import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, freePort, startServer, type Server } from './harness';

// DATABASE_READ_URL against a real streaming replica: the test makes its own small PostgreSQL
// cluster (initdb), copies it with pg_basebackup and starts the copy as a hot standby. Replay on
// the replica is paused to prove which database a page was read from.
const bin = ['/usr/lib/postgresql']
	.filter(existsSync)
	.flatMap((root) => readdirSync(root).map((v) => path.join(root, v, 'bin')))
	.sort()
	.reverse()
	.find((dir) => existsSync(path.join(dir, 'pg_basebackup')));
if (!bin)
	console.warn('PostgreSQL server binaries (initdb, pg_basebackup) are not installed: the replica test is skipped.');

const asRoot = process.getuid?.() === 0;
/** PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user then. */
function run(tool: string, args: string[]) {
	const command = path.join(bin!, tool);
	return asRoot
		? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
		: execFileSync(command, args, { stdio: 'pipe' });
}

let dir: string;
let server: Server;
let primaryUrl: string;
let replicaUrl: string;

async function query<T>(url: string, text: string): Promise<T[]> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		return (await c.query(text)).rows as T[];
	} finally {
		await c.end();
	}
}

describe.skipIf(!bin)('public pages read from a streaming replica', () => {
	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'tablica-replica-'));
		if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
		const [primaryPort, replicaPort] = [await freePort(), await freePort()];
		const primary = path.join(dir, 'primary');
		const replica = path.join(dir, 'replica');
		run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
		const options = (port: number) =>
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
		run('pg_ctl', ['-D', primary, '-o', options(primaryPort), '-l', path.join(dir, 'primary.log'), '-w', 'start']);
		primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/tablica`;
		await query(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, 'create database tablica');
		run('pg_basebackup', [
			'-h',
			'127.0.0.1',
			'-p',
			String(primaryPort),
			'-U',
			'postgres',
			'-D',
			replica,
			'-R',
			'-c',
			'fast'
		]);
		run('pg_ctl', ['-D', replica, '-o', options(replicaPort), '-l', path.join(dir, 'replica.log'), '-w', 'start']);
		replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/tablica`;
		expect((await query<{ r: boolean }>(replicaUrl, 'select pg_is_in_recovery() as r'))[0].r).toBe(true);
		server = await startServer({
			databaseUrl: primaryUrl,
			env: { DATABASE_READ_URL: replicaUrl, ANON_CACHE_MS: '0', FEED_CACHE_MS: '0' }
		});
	}, 240_000);

	afterAll(async () => {
		await server?.stop();
		for (const cluster of ['replica', 'primary'])
			if (existsSync(path.join(dir, cluster, 'postmaster.pid')))
				run('pg_ctl', ['-D', path.join(dir, cluster), '-m', 'immediate', 'stop']);
		rmSync(dir, { recursive: true, force: true });
	});

	it('anonymous pages come from the replica, and an author reads their own post at once from the primary', async () => {
		const count = async (url: string) =>
			Number((await query<{ n: string }>(url, "select count(*) as n from posts where status = 'published'"))[0].n);
		// The demo seed went to the primary; the replica has all of it before the replay is paused.
		const seeded = await count(primaryUrl);
		await expect.poll(() => count(replicaUrl), { timeout: 30_000 }).toBe(seeded);
		const token = await apiToken(server.url, 'moderator@tablica.test');
		await query(replicaUrl, 'select pg_wal_replay_pause()');

		const created = await fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ body: 'Komunikat zapisany na serwerze głównym', category: 'official' })
		});
		expect(created.status).toBe(201);
		const { id } = await created.json();
		const feed = async (headers: Record<string, string> = {}) =>
			(
				(await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=10`, { headers })).json()).items as {
					id: string;
				}[]
			).map((p) => p.id);
		expect(await feed({ authorization: `Bearer ${token}` })).toContain(id);
		expect(await feed()).not.toContain(id);
		const page = await fetch(`${server.url}/g/wiskitki`);
		expect(page.status).toBe(200);
		expect(await page.text()).not.toContain('Komunikat zapisany na serwerze głównym');
		// Public statistics and documents read the replica too, and work there (nothing written).
		expect((await fetch(`${server.url}/grupy/wiskitki`)).status).toBe(200);
		expect((await fetch(`${server.url}/przejrzystosc`)).status).toBe(200);

		await query(replicaUrl, 'select pg_wal_replay_resume()');
		await expect.poll(feed, { timeout: 30_000 }).toContain(id);
	});
});
