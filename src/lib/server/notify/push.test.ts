import { createECDH, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { deliverDue } from './delivery';
import { isPublicAddress, pushAgent, pushTransport, subscribePush, vapidKeys } from './push';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let anna: Actor;
let server: https.Server;
let port: number;
/**
 * Push services speak HTTPS: ours uses a throwaway self-signed certificate, and this agent takes
 * every connection meant for a real push service's name to it instead.
 */
class LocalPushService extends https.Agent {
	createConnection(options: object, callback?: unknown) {
		// @ts-expect-error Node's Agent has this method; its type is not declared on https.Agent
		return super.createConnection({ ...options, host: '127.0.0.1', port }, callback);
	}
}
const agent = new LocalPushService({ rejectUnauthorized: false });
const base = 'https://fcm.googleapis.com/fcm/send';
const hits: { path: string; headers: import('node:http').IncomingHttpHeaders; bytes: number }[] = [];
const gone = new Set<string>();
const broken = new Set<string>();

const b64url = (b: Buffer) => b.toString('base64url');
/** A browser's subscription: its own P-256 key and auth secret, at a push service. */
const device = (path: string, at = base) => ({
	endpoint: `${at}${path}`,
	keys: { p256dh: b64url(createECDH('prime256v1').generateKeys()), auth: b64url(randomBytes(16)) }
});
const pushOutbox = async (user: Actor) =>
	(
		await ctx.db
			.insertInto('outbox')
			.values({
				channel: 'push',
				recipient: `user:${user.id}`,
				subject: 'Komunikat pilny',
				body_text: 'Awaria wody. https://tablica.test/g/wiskitki/p/1',
				created_at: clock.now(),
				sent_at: null,
				last_error: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
const outboxRow = (id: string) =>
	ctx.db
		.selectFrom('outbox')
		.select(['status', 'provider_id', 'last_error'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	anna = await makeUser(ctx, 'anna@t.pl', { name: 'Anna' });
	const dir = mkdtempSync(path.join(tmpdir(), 'push-'));
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			path.join(dir, 'key.pem'),
			'-out',
			path.join(dir, 'cert.pem'),
			'-days',
			'1',
			'-subj',
			'/CN=127.0.0.1'
		],
		{ stdio: 'ignore' }
	);
	server = https.createServer(
		{ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
		(req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const at = req.url!.replace(/^\/fcm\/send/, '');
				hits.push({ path: at, headers: req.headers, bytes: Buffer.concat(chunks).length });
				if (broken.has(at))
					res
						.writeHead(500, { 'content-type': 'text/plain' })
						.end('redis on 10.0.0.7:6379 answered: -ERR unknown command');
				else res.writeHead(gone.has(at) ? 410 : 201).end();
			});
		}
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
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
		await expect(subscribePush(ctx, anna, { endpoint: 'nie-url', keys: {} })).rejects.toMatchObject({
			code: 'validation'
		});
	});

	it('accepts only https endpoints of the browsers’ push services', async () => {
		for (const at of [
			'https://fcm.googleapis.com/fcm/send/abc',
			'https://updates.push.services.mozilla.com/wpush/v2/abc',
			'https://web.push.apple.com/QGx',
			'https://wns2-par02p.notify.windows.com/w/?token=abc'
		]) {
			await subscribePush(ctx, anna, device('', at));
		}
		const refused = [
			'https://127.0.0.1:8080/x',
			'http://127.0.0.1:5432/',
			'https://localhost/x',
			'https://[::1]/x',
			'https://10.0.0.7/x',
			'https://169.254.169.254/latest/meta-data/',
			'https://192.168.1.1/x',
			'http://fcm.googleapis.com/fcm/send/abc',
			'https://fcm.googleapis.com:8443/fcm/send/abc',
			'https://user:pass@fcm.googleapis.com/fcm/send/abc',
			'https://fcm.googleapis.com.evil.example/fcm/send/abc',
			'https://evil.example/fcm.googleapis.com/',
			'https://push.apple.com.evil.example/x',
			'ftp://updates.push.services.mozilla.com/x'
		];
		for (const at of refused) {
			const e = await subscribePush(ctx, anna, device('', at)).catch((err) => err);
			expect(e, at).toMatchObject({ code: 'validation', status: 400 });
			expect(e.fields, at).toHaveProperty('endpoint');
		}
		const stored = await ctx.db.selectFrom('push_subscriptions').select('endpoint').execute();
		expect(stored.every((s) => !refused.includes(s.endpoint))).toBe(true);
		await ctx.db.deleteFrom('push_subscriptions').execute();
	});

	it('knows a public address from loopback, private, link-local and unique-local ones', () => {
		for (const a of [
			'127.0.0.1',
			'10.1.2.3',
			'172.16.0.1',
			'192.168.0.10',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'::1',
			'::',
			'fe80::1',
			'fd12:3456::1',
			'fc00::1',
			'::ffff:127.0.0.1',
			'::ffff:10.0.0.1',
			'224.0.0.1'
		])
			expect(isPublicAddress(a), a).toBe(false);
		for (const a of ['142.250.186.42', '2a00:1450:401b:80e::200a', '::ffff:142.250.186.42'])
			expect(isPublicAddress(a), a).toBe(true);
	});

	it('sends an encrypted, VAPID-signed push to every device, and drops the ones the service says are gone', async () => {
		await subscribePush(ctx, anna, device('/phone'), 'Telefon');
		await subscribePush(ctx, anna, device('/laptop'), 'Laptop');
		gone.add('/laptop');
		const id = await pushOutbox(anna);
		const r = await deliverDue(ctx.db, clock, {
			push: pushTransport(ctx.db, 'mailto:pomoc@tablica.test', 'https://tablica.test', agent)
		});
		expect(r).toEqual({ sent: 1, failed: 0 });
		const phone = hits.find((h) => h.path === '/phone')!;
		expect(phone.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
		expect(phone.headers['content-encoding']).toBe('aes128gcm');
		expect(phone.headers.ttl).toBe('86400');
		expect(phone.headers.topic).toMatch(/^outbox\d+$/);
		expect(phone.bytes).toBeGreaterThan(100);
		expect((await ctx.db.selectFrom('push_subscriptions').select('endpoint').execute()).map((s) => s.endpoint)).toEqual(
			[`${base}/phone`]
		);
		expect(await outboxRow(id)).toEqual({ status: 'sent', provider_id: 'urządzenia: 1', last_error: null });
	});

	it('records a failed push as its HTTP status only, never what the remote server said', async () => {
		await ctx.db.deleteFrom('push_subscriptions').execute();
		await subscribePush(ctx, anna, device('/broken'));
		broken.add('/broken');
		const id = await pushOutbox(anna);
		expect(
			await deliverDue(ctx.db, clock, {
				push: pushTransport(ctx.db, 'mailto:pomoc@tablica.test', 'https://tablica.test', agent)
			})
		).toEqual({ sent: 0, failed: 1 });
		expect(hits.some((h) => h.path === '/broken')).toBe(true);
		expect(await outboxRow(id)).toMatchObject({ status: 'failed', last_error: 'Push nie doszedł: HTTP 500.' });
	});

	it('never connects to a push service name that resolves to an internal address, and says only "no connection"', async () => {
		await ctx.db.deleteFrom('push_subscriptions').execute();
		await subscribePush(ctx, anna, device('/rebound'));
		for (const internal of ['127.0.0.1', '10.0.0.7', '169.254.169.254', 'fd00::7']) {
			const resolvedTo: string[] = [];
			// DNS answering with an internal address (rebinding): the real lookup is replaced by one that does so.
			const lookup = ((
				hostname: string,
				options: { all?: boolean },
				callback: (err: null, address: unknown, family?: number) => void
			) => {
				resolvedTo.push(hostname);
				const family = internal.includes(':') ? 6 : 4;
				if (options.all) callback(null, [{ address: internal, family }]);
				else callback(null, internal, family);
			}) as never;
			const before = hits.length;
			const id = await pushOutbox(anna);
			const r = await deliverDue(ctx.db, clock, {
				push: pushTransport(
					ctx.db,
					'mailto:pomoc@tablica.test',
					'https://tablica.test',
					pushAgent({ lookup, rejectUnauthorized: false })
				)
			});
			expect(r, internal).toEqual({ sent: 0, failed: 1 });
			expect(resolvedTo).toContain('fcm.googleapis.com');
			expect(hits.length).toBe(before);
			expect(await outboxRow(id)).toMatchObject({ status: 'failed', last_error: 'Push nie doszedł: brak połączenia.' });
		}
	});

	it('drops a stored subscription that is not a push service’s without connecting to it', async () => {
		await ctx.db.deleteFrom('push_subscriptions').execute();
		// Stored before endpoints were checked: it points straight at the local server.
		await ctx.db
			.insertInto('push_subscriptions')
			.values({
				user_id: anna.id,
				endpoint: `https://127.0.0.1:${port}/legacy`,
				p256dh: device('').keys.p256dh,
				auth: b64url(randomBytes(16)),
				created_at: clock.now()
			})
			.execute();
		const id = await pushOutbox(anna);
		await deliverDue(ctx.db, clock, {
			push: pushTransport(
				ctx.db,
				'mailto:pomoc@tablica.test',
				'https://tablica.test',
				new https.Agent({ rejectUnauthorized: false })
			)
		});
		expect(hits.some((h) => h.path === '/legacy')).toBe(false);
		expect(await ctx.db.selectFrom('push_subscriptions').select('id').execute()).toEqual([]);
		expect(await outboxRow(id)).toMatchObject({ status: 'sent', provider_id: 'urządzenia: 0' });
	});
});
