import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, postgresReachable, startServer, type Server } from './harness';

// Two processes share one PostgreSQL database: an event on one reaches readers of the other.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the two-instance test');

const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
let a: Server, b: Server;

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	await c.query(sql);
	await c.end();
}

describe.skipIf(!reachable)('several instances on one PostgreSQL', () => {
	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		a = await startServer({ databaseUrl: url.toString() });
		b = await startServer({ databaseUrl: url.toString() });
	});
	afterAll(async () => {
		await a?.stop();
		await b?.stop();
		if (reachable) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('streams a post written through instance A to a reader connected to instance B', async () => {
		const token = await apiToken(a.url, 'moderator@tablica.test');
		const abort = new AbortController();
		const stream = await fetch(`${b.url}/g/wiskitki/live`, { signal: abort.signal });
		expect(stream.headers.get('content-type')).toContain('text/event-stream');
		const reader = stream.body!.getReader();
		let received = '';
		const reading = (async () => {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				received += new TextDecoder().decode(value);
			}
		})().catch(() => {});
		await new Promise((r) => setTimeout(r, 300));

		const r = await fetch(`${a.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ body: 'Komunikat z instancji A', category: 'official' })
		});
		const { id } = await r.json();
		await expect.poll(() => received, { timeout: 5000 }).toContain(`"postId":"${id}"`);
		expect(received).toContain('"type":"post"');
		abort.abort();
		await reading;
		const feedOnB = await (await fetch(`${b.url}/api/v1/groups/wiskitki/posts?limit=3`)).json();
		expect(feedOnB.items.map((p: { id: string }) => p.id)).toContain(id);
	});
});
