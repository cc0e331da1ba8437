import { createECDH, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../context';
import { makeUser, openTestDatabase, testCtx } from '../testing';
import { deliverDue } from './delivery';
import { pushTransport, subscribePush, vapidKeys } from './push';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let anna: Actor;
let server: https.Server;
// Push services speak HTTPS: ours uses a throwaway self-signed certificate.
const agent = new https.Agent({ rejectUnauthorized: false });
let base: string;
const hits: { path: string; headers: import('node:http').IncomingHttpHeaders; bytes: number }[] = [];
const gone = new Set<string>();

const b64url = (b: Buffer) => b.toString('base64url');
/** A browser's subscription: its own P-256 key and auth secret, at our local "push service". */
const device = (path: string) => ({ endpoint: `${base}${path}`, keys: { p256dh: b64url(createECDH('prime256v1').generateKeys()), auth: b64url(randomBytes(16)) } });

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	anna = await makeUser(ctx, 'anna@t.pl', { name: 'Anna' });
	const dir = mkdtempSync(path.join(tmpdir(), 'push-'));
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
	server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			hits.push({ path: req.url!, headers: req.headers, bytes: Buffer.concat(chunks).length });
			res.writeHead(gone.has(req.url!) ? 410 : 201).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await database?.close();
});

describe('web push', () => {
	it('makes the VAPID keys once and keeps them', async () => {
		const first = await vapidKeys(ctx.db);
		expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
		expect(await vapidKeys(ctx.db)).toEqual(first);
	});

	it('refuses a malformed subscription and anonymous callers', async () => {
		await expect(subscribePush(ctx, null, device('/a'))).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(subscribePush(ctx, anna, { endpoint: 'nie-url', keys: {} })).rejects.toMatchObject({ code: 'validation' });
	});

	it('sends an encrypted, VAPID-signed push to every device, and drops the ones the service says are gone', async () => {
		await subscribePush(ctx, anna, device('/phone'), 'Telefon');
		await subscribePush(ctx, anna, device('/laptop'), 'Laptop');
		gone.add('/laptop');
		await ctx.db.insertInto('outbox').values({ channel: 'push', recipient: `user:${anna.id}`, subject: 'Komunikat pilny', body_text: 'Awaria wody. https://tablica.test/g/wiskitki/p/1', created_at: clock.now(), sent_at: null, last_error: null }).execute();
		const r = await deliverDue(ctx.db, clock, { push: pushTransport(ctx.db, 'mailto:pomoc@tablica.test', 'https://tablica.test', agent) });
		expect(r).toEqual({ sent: 1, failed: 0 });
		const phone = hits.find((h) => h.path === '/phone')!;
		expect(phone.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
		expect(phone.headers['content-encoding']).toBe('aes128gcm');
		expect(phone.headers.ttl).toBe('86400');
		expect(phone.headers.topic).toMatch(/^outbox\d+$/);
		expect(phone.bytes).toBeGreaterThan(100);
		expect((await ctx.db.selectFrom('push_subscriptions').select('endpoint').execute()).map((s) => s.endpoint)).toEqual([`${base}/phone`]);
		const row = await ctx.db.selectFrom('outbox').select(['status', 'provider_id']).where('channel', '=', 'push').executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'sent', provider_id: 'urządzenia: 1' });
	});
});
