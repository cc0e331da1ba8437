import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { openTestDatabase, testCtx } from '../testing/fixtures';
import {
	backoffMs,
	deliverDue,
	emailTransport,
	MAX_ATTEMPTS,
	retryMessage,
	smsTransport,
	type Transport
} from './delivery';
import { enqueueEmail } from './outbox';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let smtp: SMTPServer;
let smtpPort: number;
const received: ParsedMail[] = [];
let rejectNext = 0;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	smtp = new SMTPServer({
		authOptional: true,
		closeTimeout: 200,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, cb) {
			if (rejectNext > 0) {
				rejectNext--;
				return cb(Object.assign(new Error('Skrzynka chwilowo niedostępna'), { responseCode: 450 }));
			}
			cb();
		},
		onData(stream, _session, cb) {
			simpleParser(stream).then((mail) => {
				received.push(mail);
				cb();
			}, cb);
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise<void>((resolve) => smtp?.close(() => resolve()));
	await database?.close();
});

const outbox = (id: string) => ctx.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastId = async () =>
	(await ctx.db.selectFrom('outbox').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

describe('e-mail over SMTP (a real server on loopback)', () => {
	const config = () => ({
		smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
		mailFrom: 'Tablica <powiadomienia@tablica.test>',
		mailReplyTo: 'pomoc@tablica.test'
	});

	it('delivers each message once, with From, Reply-To, both parts, its key and List-Unsubscribe', async () => {
		await enqueueEmail(ctx.db, clock, {
			to: 'anna@example.pl',
			subject: 'Zaproszenie do zespołu „SP Wiskitki”',
			text: 'Dzień dobry,\n\nprzyjmij zaproszenie: https://tablica.test/zaproszenie/abc\n\nZespół Tablicy'
		});
		const first = await lastId();
		await ctx.db
			.updateTable('outbox')
			.set({ unsubscribe_url: 'https://tablica.test/g/wiskitki/komunikaty' })
			.where('id', '=', first)
			.execute();
		await enqueueEmail(ctx.db, clock, {
			to: 'jan@example.pl',
			subject: 'Drugi',
			text: 'Treść <b>nie</b> jest HTML-em'
		});
		const result = await deliverDue(ctx.db, clock, { email: emailTransport(config()) });
		expect(result).toEqual({ sent: 2, failed: 0 });
		expect(received).toHaveLength(2);
		// Sent at once over two connections, so they may arrive in either order.
		const a = received.find((m) => m.subject !== 'Drugi')!;
		const b = received.find((m) => m.subject === 'Drugi')!;
		expect(a.from?.value[0]).toMatchObject({ name: 'Tablica', address: 'powiadomienia@tablica.test' });
		expect(a.replyTo?.text).toBe('pomoc@tablica.test');
		expect(a.subject).toBe('Zaproszenie do zespołu „SP Wiskitki”');
		expect(a.text).toContain('przyjmij zaproszenie');
		expect(a.html).toContain('<a href="https://tablica.test/zaproszenie/abc">');
		expect(a.messageId).toContain(`outbox-${first}.`);
		expect(a.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(
			'<https://tablica.test/g/wiskitki/komunikaty>'
		);
		expect(b.html).toContain('Treść &lt;b&gt;nie&lt;/b&gt;');
		expect(await outbox(first)).toMatchObject({
			status: 'sent',
			attempts: 1,
			provider_id: expect.stringContaining('outbox-')
		});
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 0, failed: 0 });
		expect(received).toHaveLength(2);
	});

	it("carries the digest's own List-Unsubscribe (https and mailto) and List-Unsubscribe-Post (RFC 8058)", async () => {
		received.length = 0;
		await enqueueEmail(ctx.db, clock, {
			to: 'ewa@example.pl',
			subject: 'Tydzień w gminie Wiskitki',
			text: 'Najczęściej czytane',
			html: '<!doctype html><html lang="pl"><body><h1>Tydzień w gminie Wiskitki</h1></body></html>',
			unsubscribeUrl: 'https://tablica.test/wypisz/1.2.abc',
			headers: {
				'List-Unsubscribe':
					'<https://tablica.test/wypisz/1.2.abc>, <mailto:pomoc@tablica.test?subject=Wypisz%201.2.abc>',
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
			}
		});
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 1, failed: 0 });
		const [m] = received;
		// Long headers arrive folded (RFC 5322); unfolded, each is there once.
		const header = (key: string) =>
			m.headerLines.filter((h) => h.key === key).map((h) => h.line.replace(/\r?\n\s+/g, ' '));
		expect(header('list-unsubscribe')).toEqual([
			'List-Unsubscribe: <https://tablica.test/wypisz/1.2.abc>, <mailto:pomoc@tablica.test?subject=Wypisz%201.2.abc>'
		]);
		expect(header('list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
		expect(m.html).toContain('<h1>Tydzień w gminie Wiskitki</h1>');
		expect(m.text).toBe('Najczęściej czytane');
	});

	it('carries the attachments kept in the outbox row byte for byte (an invoice’s PDF and XML)', async () => {
		received.length = 0;
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]);
		const xml = Buffer.from('<Faktura>zażółć</Faktura>', 'utf8');
		await enqueueEmail(ctx.db, clock, {
			to: 'gmina@example.pl',
			subject: 'Faktura FV/2026/12/0001 (KSeF 1181610440-20261201-0100A1B2C3D4-DA)',
			text: 'W załącznikach: faktura w PDF i plik FA(3).',
			attachments: [
				{ filename: 'FV_2026_12_0001.pdf', contentType: 'application/pdf', content: pdf },
				{ filename: 'FV_2026_12_0001.xml', contentType: 'application/xml', content: xml }
			]
		});
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 1, failed: 0 });
		const [m] = received;
		expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([
			['FV_2026_12_0001.pdf', 'application/pdf'],
			['FV_2026_12_0001.xml', 'application/xml']
		]);
		expect(Buffer.compare(m.attachments[0].content, pdf)).toBe(0);
		expect(m.attachments[1].content.toString('utf8')).toBe('<Faktura>zażółć</Faktura>');
	});

	it('retries with back-off after a temporary refusal, then gives up and lets the operator retry', async () => {
		received.length = 0;
		await enqueueEmail(ctx.db, clock, { to: 'ewa@example.pl', subject: 'Ponów', text: 'x' });
		const id = await lastId();
		rejectNext = 1;
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 0, failed: 1 });
		const failed = await outbox(id);
		expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('450') });
		expect(failed.next_attempt_at!.getTime() - clock.now().getTime()).toBe(backoffMs(1));
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 0, failed: 0 });
		clock.advance(backoffMs(1));
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 1, failed: 0 });
		expect(received.map((m) => m.subject)).toEqual(['Ponów']);

		await enqueueEmail(ctx.db, clock, { to: 'zly@example.pl', subject: 'Martwa', text: 'x' });
		const dead = await lastId();
		await ctx.db
			.updateTable('outbox')
			.set({ attempts: MAX_ATTEMPTS - 1 })
			.where('id', '=', dead)
			.execute();
		rejectNext = 1;
		await deliverDue(ctx.db, clock, { email: emailTransport(config()) });
		expect(await outbox(dead)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, next_attempt_at: null });
		expect(await retryMessage(ctx.db, dead)).toBe(true);
		expect(await deliverDue(ctx.db, clock, { email: emailTransport(config()) })).toEqual({ sent: 1, failed: 0 });
		expect(await retryMessage(ctx.db, dead)).toBe(false);
	});
});

describe('throughput', () => {
	it('sends a few at once, each message once even with two deliveries running, within limit and time', async () => {
		await ctx.db.updateTable('outbox').set({ status: 'sent' }).where('status', '!=', 'sent').execute();
		for (let i = 0; i < 30; i++)
			await enqueueEmail(ctx.db, clock, { to: `osoba${i}@example.pl`, subject: `Nr ${i}`, text: 'x' });
		const sent: string[] = [];
		let inFlight = 0;
		let most = 0;
		let sendMs = 20;
		const slow: Transport = async (m) => {
			most = Math.max(most, ++inFlight);
			await new Promise((r) => setTimeout(r, sendMs));
			inFlight--;
			sent.push(m.subject);
			return `id-${m.id}`;
		};
		expect(await deliverDue(ctx.db, clock, { email: slow }, { limit: 6, concurrency: 4 })).toEqual({
			sent: 6,
			failed: 0
		});
		expect(most).toBe(4);
		// Claimed oldest first (one instant here, so by id).
		expect(sent.toSorted()).toEqual(['Nr 0', 'Nr 1', 'Nr 2', 'Nr 3', 'Nr 4', 'Nr 5']);

		const [one, two] = await Promise.all([
			deliverDue(ctx.db, clock, { email: slow }, { limit: Infinity, concurrency: 4 }),
			deliverDue(ctx.db, clock, { email: slow }, { limit: Infinity, concurrency: 4 })
		]);
		expect(one.sent + two.sent).toBe(24);
		expect(sent).toHaveLength(30);
		expect(new Set(sent).size).toBe(30);
		expect(await ctx.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).toEqual([]);

		for (let i = 0; i < 10; i++)
			await enqueueEmail(ctx.db, clock, { to: `ktos${i}@example.pl`, subject: `Po ${i}`, text: 'x' });
		sendMs = 100;
		const r = await deliverDue(ctx.db, clock, { email: slow }, { limit: Infinity, concurrency: 2, forMs: 50 });
		// The time runs out during the first sends: what was claimed is sent, nothing more is claimed.
		expect(r.sent).toBe(2);
		expect(await ctx.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute()).toHaveLength(8);
	});
});

describe('SMS through the SMSAPI client (a local server that checks the documented contract)', () => {
	let server: http.Server;
	let url: string;
	let respond: (res: http.ServerResponse) => void;
	const requests: { method: string; path: string; auth: string; type: string; body: Record<string, unknown> }[] = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				requests.push({
					method: req.method!,
					path: req.url!,
					auth: req.headers.authorization ?? '',
					type: req.headers['content-type'] ?? '',
					body: raw ? JSON.parse(raw) : {}
				});
				respond(res);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => {
		server.closeAllConnections();
		return new Promise<void>((resolve) => server.close(() => resolve()));
	});

	const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	const sms = async (to: string, text: string) => {
		await ctx.db
			.insertInto('outbox')
			.values({
				channel: 'sms',
				recipient: to,
				subject: '',
				body_text: text,
				created_at: clock.now(),
				sent_at: null,
				last_error: null
			})
			.execute();
		return lastId();
	};
	const transport = (timeoutMs = 2000) =>
		smsTransport({ smsapiToken: 'token-testowy', smsapiUrl: url, smsSender: 'Tablica' }, timeoutMs);

	it('posts to /sms.do with the Bearer token, recipient, Polish text, sender, json and utf-8, and keeps the id', async () => {
		respond = json(200, {
			count: 1,
			list: [
				{
					id: '5F8E4B0A3335334F2E4C1A3D',
					points: 0.16,
					number: '48600700800',
					date_sent: 1795000000,
					submitted_number: '+48600700800',
					status: 'QUEUE',
					error: null,
					idx: null,
					parts: 1
				}
			]
		});
		const id = await sms('+48600700800', 'PILNE: awaria wodociągu — woda niezdatna do picia. Zażółć gęślą jaźń.');
		expect(await deliverDue(ctx.db, clock, { sms: transport() })).toEqual({ sent: 1, failed: 0 });
		const r = requests.at(-1)!;
		expect(r).toMatchObject({
			method: 'POST',
			path: '/sms.do',
			auth: 'Bearer token-testowy',
			type: 'application/json'
		});
		expect(r.body).toMatchObject({
			to: '+48600700800',
			message: 'PILNE: awaria wodociągu — woda niezdatna do picia. Zażółć gęślą jaźń.',
			from: 'Tablica',
			format: 'json',
			encoding: 'utf-8',
			idx: `outbox-${id}`,
			check_idx: true
		});
		expect(await outbox(id)).toMatchObject({ status: 'sent', provider_id: '5F8E4B0A3335334F2E4C1A3D' });
	});

	it('keeps SMSAPI error bodies, HTTP errors and time-outs as failures to retry', async () => {
		respond = json(200, { error: 13, message: 'No correct phone numbers' });
		const bad = await sms('+48000', 'x');
		expect(await deliverDue(ctx.db, clock, { sms: transport() })).toEqual({ sent: 0, failed: 1 });
		expect(await outbox(bad)).toMatchObject({
			status: 'failed',
			last_error: 'SMSAPI: błąd 13: No correct phone numbers'
		});

		clock.advance(backoffMs(1));
		respond = json(401, { error: 101, message: 'Authorization failed' });
		await deliverDue(ctx.db, clock, { sms: transport() });
		expect(await outbox(bad)).toMatchObject({
			status: 'failed',
			attempts: 2,
			last_error: expect.stringContaining('HTTP 401')
		});

		respond = () => {}; // never answers
		const slow = await sms('+48600700801', 'Odpowiedz');
		clock.advance(backoffMs(2));
		await ctx.db.updateTable('outbox').set({ next_attempt_at: clock.now() }).where('id', '=', bad).execute();
		const r = await deliverDue(ctx.db, clock, { sms: transport(200) }, { limit: 5 });
		expect(r.failed).toBeGreaterThanOrEqual(1);
		expect(await outbox(slow)).toMatchObject({
			status: 'failed',
			last_error: expect.stringContaining('nie odpowiedziało')
		});
	});
});
