import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import type { Actor, Ctx } from '../../core/context';
import { createGroup, getGroup } from '../../groups/groups';
import {
	activatePackage,
	loadDemoMunicipalities,
	makeUser,
	openTestDatabase,
	refusal,
	testCtx
} from '../../testing/fixtures';
import { startKsefTestServer, ksefNumberChecksum, type KsefTestServer } from '../../testing/ksef-test-server';
import { buyerOf, insertInvoice, type Invoice } from '../invoices';
import { setDemoSeller } from '../seller';
import { validateUpo } from '../fa3-validate';
import { KsefClient, type OnlineSession } from './client';
import { resendRejected, sendToKsef, sendToKsefNow, KSEF_LEASE_MS, type KsefSendOptions } from './send';
import { billingOverview } from '../admin-views';
import { ksefConnection, ksefSettings, setKsefOfflineCertificate, setKsefSettings } from './settings';
import { sha256Base64 } from './crypto';
import { KSEF_QR_HOSTS, invoiceVerificationUrl } from './qr';
import { invoiceFile } from '../invoice-files';
import { layoutText } from '../../testing/pdf-text';

const referenceDataDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const poll = { intervalMs: 20, attempts: 10 };

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let resident: Actor;
let customerId: string;
let server: KsefTestServer;
let today: string;

const run = (opts: KsefSendOptions = {}) => sendToKsef(ctx, { referenceDataDir, poll, timeoutMs: 5_000, ...opts });
const state = (id: string) => ctx.db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** KSeF's requests so far, as "METHOD /path STATUS", from index `from`. */
const log = (from = 0) =>
	server.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')} ${r.status}`);
const received = (xml: string) => server.invoices.filter((i) => i.xml === xml);

async function issue(description = 'Pakiet 1 – publikacje jednostek gminy'): Promise<Invoice> {
	const { buyer } = await buyerOf(ctx.db, customerId);
	return insertInvoice(ctx.db, ctx, {
		kind: 'VAT',
		customerId,
		issueDate: today,
		saleDate: today,
		buyer,
		lines: [{ description, quantity: 1, unit: 'usł.', gross: 385_000, ratePercent: 23 }]
	});
}

/** Leaves nothing waiting from an earlier test. */
async function settleAll() {
	await ctx.db.updateTable('invoices').set({ ksef_status: 'accepted', ksef_next_attempt_at: null }).execute();
}

beforeAll(async () => {
	database = await openTestDatabase();
	// KSeF refuses an invoice dated after the day it arrives: the test's clock is the real one.
	({ ctx, clock } = testCtx(database, new Date().toISOString()));
	ctx.ksefSecretKey = 'sekret-testowy-ksef';
	today = new Date().toISOString().slice(0, 10);
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	resident = await makeUser(ctx, 'jan@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await activatePackage(ctx, operator, await getGroup(ctx.db, 'wiskitki'));
	await setDemoSeller(ctx.db);
	customerId = (await ctx.db.selectFrom('customers').select('id').executeTakeFirstOrThrow()).id;
	server = await startKsefTestServer({ referenceDataDir });
}, 120_000);
afterAll(async () => {
	await server?.close();
	await database?.close();
});
beforeEach(async () => {
	await settleAll();
	clock.set(new Date().toISOString());
});

describe('the operator’s KSeF settings', () => {
	it('nothing is sent until a token is set; bad input and a missing key change nothing; the token is never shown', async () => {
		const inv = await issue();
		expect((await run()).notConfigured).toContain('/admin/faktury');
		expect((await state(inv.id)).ksef_status).toBe('to_send');

		expect((await refusal(setKsefSettings(ctx, resident, { environment: 'TE', token: server.token }))).code).toBe(
			'forbidden'
		);
		expect((await refusal(setKsefSettings(ctx, operator, { environment: 'XX', token: server.token }))).code).toBe(
			'validation'
		);
		expect(
			(await refusal(setKsefSettings(ctx, operator, { environment: 'TE', token: 'krótki' }))).fields
		).toHaveProperty('token');
		expect(
			(await refusal(setKsefSettings(ctx, operator, { environment: 'TE', baseUrl: 'ftp://x', token: server.token })))
				.fields
		).toHaveProperty('baseUrl');
		const secret = ctx.ksefSecretKey;
		ctx.ksefSecretKey = undefined;
		expect(
			(await refusal(setKsefSettings(ctx, operator, { environment: 'TE', token: server.token }))).message
		).toContain('KSEF_SECRET_KEY');
		ctx.ksefSecretKey = secret;
		expect(await ctx.db.selectFrom('ksef_settings').selectAll().execute()).toEqual([]);

		const view = await setKsefSettings(ctx, operator, { environment: 'TE', baseUrl: server.url, token: server.token });
		expect(view).toMatchObject({
			environment: 'TE',
			apiUrl: server.url,
			nip: server.nip,
			tokenLast4: server.token.slice(-4)
		});
		expect(JSON.stringify(view)).not.toContain(server.token);
		const row = await ctx.db.selectFrom('ksef_settings').selectAll().executeTakeFirstOrThrow();
		expect(row.token_encrypted).not.toContain(server.token.slice(0, 20));
		// Saved again without a token: the stored one stays; another key cannot read it.
		await setKsefSettings(ctx, operator, { environment: 'TE', baseUrl: server.url, token: '' });
		expect(await ksefConnection(ctx.db, ctx.ksefSecretKey)).toMatchObject({ token: server.token, apiUrl: server.url });
		expect(await ksefConnection(ctx.db, 'inny-klucz')).toMatchObject({
			missing: expect.stringContaining('KSEF_SECRET_KEY')
		});
		// Without an override the environment's address is used.
		expect((await ksefSettings(ctx, operator))!.apiUrl).toBe(server.url);
	});
});

describe('sending invoices to KSeF', () => {
	it('sends waiting invoices in one session, stores each KSeF number and its valid UPO, closes the session', async () => {
		const a = await issue();
		const b = await issue('Pakiet 1 – okres drugi');
		const from = server.requests.length;
		const r = await run();
		expect(r).toMatchObject({ sent: 2, rejected: [], processing: 0, deferred: 0 });
		expect(r.accepted.sort()).toEqual([a.number, b.number].sort());
		for (const inv of [a, b]) {
			const s = await state(inv.id);
			expect(s.ksef_status).toBe('accepted');
			expect(s.ksef_number).toMatch(new RegExp(`^${server.nip}-\\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$`));
			expect(s.ksef_number!.slice(-2)).toBe(ksefNumberChecksum(s.ksef_number!.slice(0, 32)));
			// KSeF got exactly the XML we kept (and its hash), once.
			expect(received(s.ksef_xml!)).toHaveLength(1);
			expect(s.ksef_invoice_hash).toBe(sha256Base64(Buffer.from(s.ksef_xml!, 'utf8')));
			expect(s.ksef_upo).toContain(s.ksef_number);
			const check = validateUpo(s.ksef_upo!, referenceDataDir);
			if (check) expect(check.output).toContain('validates');
		}
		const session = await ctx.db
			.selectFrom('ksef_sessions')
			.selectAll()
			.orderBy('opened_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(session.closed_at).not.toBeNull();
		// The session's collective UPO lists both invoices' KSeF numbers.
		expect(session.upo).toContain((await state(a.id)).ksef_number!);
		expect(session.upo).toContain((await state(b.id)).ksef_number!);
		const sessionCheck = validateUpo(session.upo!, referenceDataDir);
		if (sessionCheck) expect(sessionCheck.output).toContain('validates');
		expect(log(from).filter((l) => l.startsWith('POST /sessions/online '))).toHaveLength(1);
		expect(log(from)).toContain(`POST /sessions/online/${session.reference}/close 204`);
		// The municipality gets each accepted invoice with its PDF (KOD I, the KSeF number) and the XML sent.
		const contact = (await ctx.db.selectFrom('customers').select('contact_email').executeTakeFirstOrThrow())
			.contact_email;
		const s = await state(a.id);
		const mail = await ctx.db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', contact)
			.where('subject', 'like', `Faktura ${a.number} %`)
			.executeTakeFirstOrThrow();
		expect(mail.body_text).toContain(s.ksef_number!);
		const [pdf, xml] = mail.attachments!;
		expect(Buffer.from(xml.contentBase64, 'base64').toString('utf8')).toBe(s.ksef_xml);
		const text = layoutText(Buffer.from(pdf.contentBase64, 'base64'));
		if (text) {
			expect(text).toContain('KOD I');
			expect(text).toContain(s.ksef_number!);
			expect(text.replace(/\s+/g, '')).toContain(
				invoiceVerificationUrl(KSEF_QR_HOSTS.TE, s.seller.nip, s.issue_date, s.ksef_xml!)
			);
		}
		// The coordinator downloads the very XML KSeF got.
		expect((await invoiceFile(ctx, operator, a.id, 'xml')).body).toBe(s.ksef_xml);
		// A run with nothing to send sends nothing.
		expect(await run()).toMatchObject({ sent: 0, accepted: [] });
	});

	it('waits out a 429 as Retry-After asks and sends the invoice once', async () => {
		const inv = await issue();
		server.inject({
			method: 'POST',
			path: /^\/sessions\/online\/[^/]+\/invoices$/,
			respond: 429,
			retryAfterSeconds: 1
		});
		const from = server.requests.length;
		expect((await run()).accepted).toEqual([inv.number]);
		const sends = log(from).filter((l) => /^POST \/sessions\/online\/[^/]+\/invoices /.test(l));
		expect(sends).toEqual([expect.stringMatching(/ 429$/), expect.stringMatching(/ 202$/)]);
		expect(received((await state(inv.id)).ksef_xml!)).toHaveLength(1);
	});

	it('a 429 asking for longer than it waits defers the invoices to that time, not sooner', async () => {
		const inv = await issue();
		server.inject({ method: 'POST', path: /^\/sessions\/online$/, respond: 429, retryAfterSeconds: 600 });
		const r = await run();
		expect(r).toMatchObject({ deferred: 1, error: expect.stringContaining('600 s') });
		const s = await state(inv.id);
		expect(s).toMatchObject({ ksef_status: 'to_resend', ksef_offline: false });
		expect(s.ksef_next_attempt_at!.getTime()).toBe(clock.now().getTime() + 600_000);
		expect((await run()).sent).toBe(0);
		clock.set(new Date(clock.now().getTime() + 600_000).toISOString());
		expect((await run()).accepted).toEqual([inv.number]);
	});

	it('a send that times out is looked up in its session by hash and sent again only because KSeF does not have it', async () => {
		const inv = await issue();
		server.inject({ method: 'POST', path: /^\/sessions\/online\/[^/]+\/invoices$/, respond: 'timeout' });
		const first = await run();
		expect(first.error).toContain('nie odpowiedział');
		const s = await state(inv.id);
		expect(s).toMatchObject({ ksef_status: 'sending', ksef_invoice_ref: null });
		expect(s.ksef_session_ref).not.toBeNull();
		const from = server.requests.length;
		const second = await run();
		expect(log(from)).toContain(`GET /sessions/${s.ksef_session_ref}/invoices 200`);
		expect(second.accepted).toEqual([inv.number]);
		expect(received(s.ksef_xml!)).toHaveLength(1);
	});

	it('after a crash mid-session no invoice is sent twice and none is lost', async () => {
		const invoices = [await issue('Okres A'), await issue('Okres B'), await issue('Okres C')];
		// A process that dies right after KSeF took the second invoice, before it wrote its reference.
		const conn = await ksefConnection(ctx.db, ctx.ksefSecretKey);
		if ('missing' in conn) throw new Error(conn.missing);
		class Dying extends KsefClient {
			sentCount = 0;
			override async sendInvoice(session: OnlineSession, xml: Buffer, offline: boolean) {
				const ref = await super.sendInvoice(session, xml, offline);
				if (++this.sentCount === 2) throw new Error('SIGKILL');
				return ref;
			}
		}
		const dying = new Dying({ baseUrl: conn.apiUrl, timeoutMs: 5_000 }, conn, clock, poll);
		await expect(run({ client: dying })).rejects.toThrow('SIGKILL');
		const states = await Promise.all(invoices.map((i) => state(i.id)));
		expect(states.map((s) => s.ksef_status)).toEqual(['sending', 'sending', 'sending']);
		expect(states.map((s) => Boolean(s.ksef_invoice_ref))).toEqual([true, false, false]);
		// Another instance before the lease ends sends none of them; it follows up the one with a reference …
		expect(await run()).toMatchObject({ sent: 0, accepted: [invoices[0].number] });
		expect(server.invoices.filter((i) => invoices.some((inv) => i.xml.includes(inv.number)))).toHaveLength(2);
		// … and after it, finishes: the second found in the session by hash, the third sent.
		clock.set(new Date(clock.now().getTime() + KSEF_LEASE_MS).toISOString());
		const r = await run();
		expect(r.sent).toBe(1);
		expect(r.accepted.sort()).toEqual([invoices[1].number, invoices[2].number].sort());
		for (const inv of invoices) expect(received((await state(inv.id)).ksef_xml!)).toHaveLength(1);
	});

	it('a rejection keeps KSeF’s code and text for the operator and is not retried', async () => {
		const inv = await issue('Usługa odrzucana');
		server.rejectInvoices((xml) => xml.includes('Usługa odrzucana'), {
			code: 450,
			description: 'Błąd weryfikacji semantyki dokumentu faktury',
			details: ['Nieprawidłowa stawka podatku.']
		});
		const r = await run();
		expect(r.rejected).toEqual([inv.number]);
		const s = await state(inv.id);
		expect(s.ksef_status).toBe('rejected');
		expect(s.ksef_error).toBe(
			'KSeF odrzucił fakturę (kod 450): Błąd weryfikacji semantyki dokumentu faktury Nieprawidłowa stawka podatku.'
		);
		expect((await billingOverview(ctx, operator)).invoices).toContainEqual(
			expect.objectContaining({ number: inv.number, ksef: 'odrzucona', ksefError: s.ksef_error })
		);
		expect((await run()).sent).toBe(0);
		// Only the operator sends it again, and only a rejected one; its XML is made anew.
		expect((await refusal(resendRejected(ctx, resident, inv.id))).code).toBe('forbidden');
		expect((await refusal(sendToKsefNow(ctx, resident))).code).toBe('forbidden');
		await resendRejected(ctx, operator, inv.id);
		expect(await state(inv.id)).toMatchObject({ ksef_status: 'to_send', ksef_xml: null, ksef_attempts: 0 });
		expect((await refusal(resendRejected(ctx, operator, inv.id))).code).toBe('conflict');
		expect((await sendToKsefNow(ctx, operator)).rejected).toEqual([inv.number]);
	});

	it('refreshes the access token it lost instead of authenticating again', async () => {
		await issue();
		await run();
		server.expireAccessTokens();
		await issue();
		const from = server.requests.length;
		expect((await run()).accepted).toHaveLength(1);
		expect(log(from)).toContain('POST /auth/token/refresh 200');
		expect(log(from).some((l) => l.startsWith('POST /auth/challenge'))).toBe(false);
	});

	it('reads the public keys again when KSeF rotated them', async () => {
		await run();
		server.rotateKeys();
		const inv = await issue();
		const from = server.requests.length;
		expect((await run()).accepted).toEqual([inv.number]);
		expect(log(from).filter((l) => l.startsWith('GET /security/public-key-certificates'))).toHaveLength(1);
	});

	it('while KSeF is unavailable invoices become offline ones and go, marked offline, when it is back', async () => {
		const inv = await issue();
		server.setUnavailable(true);
		const r = await run();
		expect(r).toMatchObject({ deferred: 1, error: expect.stringContaining('niedostępny') });
		expect(await state(inv.id)).toMatchObject({ ksef_status: 'to_resend', ksef_offline: true });
		// Its printout: KOD I labelled OFFLINE, and KOD II once the seller's offline certificate is stored.
		const offlineText = async () => layoutText(Buffer.from((await invoiceFile(ctx, operator, inv.id, 'pdf')).body));
		const before = await offlineText();
		if (before) {
			expect(before).toContain('OFFLINE');
			expect(before).not.toContain('CERTYFIKAT');
		}
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
			type: 'pkcs8',
			format: 'pem'
		});
		expect(
			(await refusal(setKsefOfflineCertificate(ctx, resident, { serial: '01F20A5D352AE590', privateKey: pem }))).code
		).toBe('forbidden');
		expect(
			(await refusal(setKsefOfflineCertificate(ctx, operator, { serial: 'zły numer', privateKey: pem }))).fields
		).toHaveProperty('serial');
		expect(
			(
				await refusal(
					setKsefOfflineCertificate(ctx, operator, { serial: '01F20A5D352AE590', privateKey: weak.toString() })
				)
			).fields.privateKey
		).toContain('2048');
		expect((await ksefSettings(ctx, operator))!.offlineCertificateSerial).toBeNull();
		await setKsefOfflineCertificate(ctx, operator, { serial: '01f20a5d352ae590', privateKey: pem });
		expect((await ksefSettings(ctx, operator))!.offlineCertificateSerial).toBe('01F20A5D352AE590');
		const after = await offlineText();
		if (after) {
			expect(after).toContain('OFFLINE');
			expect(after).toContain('CERTYFIKAT');
		}
		server.setUnavailable(false);
		clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString());
		expect((await run()).accepted).toEqual([inv.number]);
		const sent = received((await state(inv.id)).ksef_xml!);
		expect(sent).toHaveLength(1);
		expect(sent[0].offlineMode).toBe(true);
	});

	it('a correction waits until the invoice it corrects has its KSeF number', async () => {
		const original = await issue('Do korekty');
		const { buyer } = await buyerOf(ctx.db, customerId);
		const kor = await insertInvoice(ctx.db, ctx, {
			kind: 'KOR',
			customerId,
			correctsId: original.id,
			issueDate: today,
			saleDate: today,
			buyer,
			reason: 'Zmiana ceny',
			lines: [
				{ description: 'Do korekty', quantity: 1, unit: 'usł.', gross: 385_000, ratePercent: 23, before: true },
				{ description: 'Do korekty', quantity: 1, unit: 'usł.', gross: 350_000, ratePercent: 23 }
			]
		});
		server.inject({ method: 'POST', path: /^\/sessions\/online$/, respond: 503 });
		await run();
		expect((await state(kor.id)).ksef_status).toBe('to_send');
		clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString());
		const r = await run();
		expect(r.accepted).toEqual([original.number]);
		expect((await state(kor.id)).ksef_status).toBe('to_send');
		const r2 = await run();
		expect(r2.accepted).toEqual([kor.number]);
		expect((await state(kor.id)).ksef_xml).toContain((await state(original.id)).ksef_number!);
	});
});
