import {
	constants,
	createCipheriv,
	createHash,
	publicEncrypt,
	randomBytes,
	X509Certificate,
	type KeyObject
} from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fa3Xml } from '../billing/fa3';
import type { Invoice } from '../billing/invoices';
import { warsawDay } from '../../dates';
import { ksefNumberChecksum, startKsefTestServer, type KsefTestServer } from './ksef-test-server';

// A client written here with node:crypto only, step by step as the KSeF docs describe it.

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const xmllint = !spawnSync('xmllint', ['--version']).error;
const upoXsd = path.join(referenceDir, 'ksef', 'api', 'faktury', 'upo', 'schemy', 'upo-v4-3.xsd');
const upoSchemaHere = xmllint && existsSync(upoXsd);
const fa3SchemaHere = xmllint && existsSync(path.join(referenceDir, 'ksef', 'schemat_FA3_v1-0E.xsd'));

interface Reply<T> {
	status: number;
	headers: Headers;
	text: string;
	body: T;
}
interface Status {
	code: number;
	description: string;
	details?: string[];
	extensions?: Record<string, string>;
}
interface Exception {
	exception: {
		exceptionDetailList: Array<{ exceptionCode: number; exceptionDescription: string; details?: string[] }>;
	};
}
interface Certificate {
	certificate: string;
	certificateId: string;
	publicKeyId: string;
	validFrom: string;
	validTo: string;
	usage: string[];
}
interface Challenge {
	challenge: string;
	timestamp: string;
	timestampMs: number;
	clientIp: string;
}
interface TokenInfo {
	token: string;
	validUntil: string;
}
interface AuthInit {
	referenceNumber: string;
	authenticationToken: TokenInfo;
}
interface InvoiceView {
	ordinalNumber: number;
	referenceNumber: string;
	invoiceHash: string;
	invoiceNumber?: string;
	ksefNumber?: string;
	acquisitionDate?: string;
	invoicingDate: string;
	invoicingMode?: string;
	upoDownloadUrl?: string;
	upoDownloadUrlExpirationDate?: string;
	status: Status;
}
interface SessionView {
	status: Status;
	invoiceCount?: number;
	successfulInvoiceCount?: number;
	failedInvoiceCount?: number;
	upo?: { pages: Array<{ referenceNumber: string; downloadUrl: string; downloadUrlExpirationDate: string }> };
}

const REFERENCE = /^\d{8}-[0-9A-Z]{2}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('base64');
const oaep = (key: KeyObject, data: Buffer) =>
	publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data).toString('base64');

async function call<T = Exception>(
	server: KsefTestServer,
	method: string,
	url: string,
	opts: { token?: string; json?: unknown; headers?: Record<string, string> } = {}
): Promise<Reply<T>> {
	const headers: Record<string, string> = { ...opts.headers };
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	const res = await fetch(url.startsWith('http') ? url : `${server.url}${url}`, {
		method,
		headers,
		body: opts.json === undefined ? undefined : JSON.stringify(opts.json)
	});
	const text = await res.text();
	let body: unknown = null;
	try {
		body = JSON.parse(text);
	} catch {
		body = null;
	}
	return { status: res.status, headers: res.headers, text, body: body as T };
}

const exceptionCode = (r: Reply<Exception>) => r.body.exception.exceptionDetailList[0].exceptionCode;

async function publicKeys(server: KsefTestServer) {
	const r = await call<Certificate[]>(server, 'GET', '/security/public-key-certificates');
	expect(r.status).toBe(200);
	const forUsage = (usage: string) => {
		const entry = r.body.find((c) => c.usage.includes(usage))!;
		const cert = new X509Certificate(Buffer.from(entry.certificate, 'base64'));
		return { entry, cert, key: cert.publicKey, publicKeyId: entry.publicKeyId };
	};
	return { all: r.body, token: forUsage('KsefTokenEncryption'), symmetric: forUsage('SymmetricKeyEncryption') };
}

type Keys = Awaited<ReturnType<typeof publicKeys>>;

/** POST /auth/ksef-token for a fresh challenge; `plain` replaces "token|timestampMs". */
async function startAuth(
	server: KsefTestServer,
	keys: Keys,
	opts: { plain?: (ch: Challenge) => string; publicKeyId?: string | null; nip?: string } = {}
) {
	const ch = (await call<Challenge>(server, 'POST', '/auth/challenge')).body;
	const plain = opts.plain ? opts.plain(ch) : `${server.token}|${ch.timestampMs}`;
	return call<AuthInit & Exception>(server, 'POST', '/auth/ksef-token', {
		json: {
			challenge: ch.challenge,
			contextIdentifier: { type: 'Nip', value: opts.nip ?? server.nip },
			encryptedToken: oaep(keys.token.key, Buffer.from(plain)),
			publicKeyId: opts.publicKeyId === undefined ? keys.token.publicKeyId : opts.publicKeyId
		}
	});
}

/** Polls GET /auth/{ref} until the operation leaves 100. */
async function authResult(server: KsefTestServer, init: AuthInit) {
	const seen: number[] = [];
	for (let i = 0; i < 10; i++) {
		const r = await call<{ status: Status }>(server, 'GET', `/auth/${init.referenceNumber}`, {
			token: init.authenticationToken.token
		});
		expect(r.status).toBe(200);
		seen.push(r.body.status.code);
		if (r.body.status.code !== 100) return { status: r.body.status, seen };
	}
	throw new Error('authentication still pending');
}

async function authenticate(server: KsefTestServer, keys: Keys) {
	const init = await startAuth(server, keys);
	expect(init.status).toBe(202);
	expect((await authResult(server, init.body)).status.code).toBe(200);
	const r = await call<{ accessToken: TokenInfo; refreshToken: TokenInfo }>(server, 'POST', '/auth/token/redeem', {
		token: init.body.authenticationToken.token
	});
	expect(r.status).toBe(200);
	return r.body;
}

async function openSession(server: KsefTestServer, keys: Keys, accessToken: string) {
	const key = randomBytes(32);
	const iv = randomBytes(16);
	const r = await call<{ referenceNumber: string; validUntil: string }>(server, 'POST', '/sessions/online', {
		token: accessToken,
		json: {
			formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
			encryption: {
				encryptedSymmetricKey: oaep(keys.symmetric.key, key),
				initializationVector: iv.toString('base64'),
				publicKeyId: keys.symmetric.publicKeyId
			}
		}
	});
	expect(r.status).toBe(201);
	return { ref: r.body.referenceNumber, key, iv };
}

type Session = Awaited<ReturnType<typeof openSession>>;

/** SendInvoiceRequest: the session's IV, then AES-256-CBC (PKCS#7) of the XML. */
function invoiceRequest(session: Session, xml: string, opts: { ivPrefix?: boolean; offlineMode?: boolean } = {}) {
	const plain = Buffer.from(xml, 'utf8');
	const cipher = createCipheriv('aes-256-cbc', session.key, session.iv);
	const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
	const encrypted = opts.ivPrefix === false ? ciphertext : Buffer.concat([session.iv, ciphertext]);
	return {
		invoiceHash: sha256(plain),
		invoiceSize: plain.length,
		encryptedInvoiceHash: sha256(encrypted),
		encryptedInvoiceSize: encrypted.length,
		encryptedInvoiceContent: encrypted.toString('base64'),
		offlineMode: opts.offlineMode ?? false
	};
}

async function sendInvoice(server: KsefTestServer, token: string, session: Session, xml: string) {
	const r = await call<{ referenceNumber: string }>(server, 'POST', `/sessions/online/${session.ref}/invoices`, {
		token,
		json: invoiceRequest(session, xml)
	});
	expect(r.status, r.text).toBe(202);
	return r.body.referenceNumber;
}

/** Polls the invoice's status until it leaves 150. */
async function invoiceResult(server: KsefTestServer, token: string, session: Session, invoiceRef: string) {
	const seen: number[] = [];
	for (let i = 0; i < 10; i++) {
		const r = await call<InvoiceView>(server, 'GET', `/sessions/${session.ref}/invoices/${invoiceRef}`, { token });
		expect(r.status).toBe(200);
		seen.push(r.body.status.code);
		if (r.body.status.code !== 150) return { view: r.body, seen };
	}
	throw new Error('invoice still processing');
}

/** Polls the session's status after close until it leaves 170. */
async function sessionResult(server: KsefTestServer, token: string, session: Session) {
	const seen: number[] = [];
	for (let i = 0; i < 10; i++) {
		const r = await call<SessionView>(server, 'GET', `/sessions/${session.ref}`, { token });
		expect(r.status).toBe(200);
		seen.push(r.body.status.code);
		if (r.body.status.code !== 170) return { view: r.body, seen };
	}
	throw new Error('session still processing');
}

/** An FA(3) invoice of the project's generator, issued yesterday (P_1 may not be later than the day KSeF receives it). */
function invoiceXml(sellerNip: string, number: string): string {
	const issueDate = warsawDay(new Date(Date.now() - 24 * 3600_000));
	const inv = {
		kind: 'VAT',
		number,
		issue_date: issueDate,
		sale_date: issueDate,
		due_date: issueDate,
		period_start: null,
		period_end: null,
		gross: 12_300,
		reason: null,
		paid_at: null,
		created_at: new Date(`${issueDate}T09:00:00Z`),
		seller: { name: 'PL-MEDIA', nip: sellerNip, street: 'Laski', postalCode: '05-080', city: 'Izabelin' },
		buyer: {
			name: 'Gmina Wiskitki',
			nip: '8381574008',
			street: 'ul. Kościuszki 1',
			postalCode: '96-315',
			city: 'Wiskitki'
		},
		receiver: null,
		lines: [
			{
				description: 'Pakiet Tablica',
				quantity: 1,
				unit: 'usł.',
				gross: 12_300,
				net: 10_000,
				vat: 2_300,
				ratePercent: 23
			}
		]
	} satisfies Partial<Invoice>;
	return fa3Xml(inv as Invoice);
}

function validateUpo(xml: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'upo-'));
	try {
		writeFileSync(path.join(dir, 'upo.xml'), xml);
		const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', upoXsd, path.join(dir, 'upo.xml')], {
			encoding: 'utf8'
		});
		return r.status === 0 ? 'ok' : `invalid: ${r.stdout}${r.stderr}`;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('KSeF number checksum', () => {
	it('reproduces the numbers in the KSeF docs (CRC-8, polynomial 0x07, initial 0x00, over the first 32 characters)', () => {
		for (const n of [
			'5265877635-20250826-0100001AF629-AF',
			'5265877635-20250626-010080DD2B5E-26',
			'5265877635-20250916-010040741B3E-46',
			'5265877635-20250916-0200A0D6723E-C2',
			'5555555555-20250828-010080615740-E4'
		]) {
			expect(ksefNumberChecksum(n.slice(0, 32)), n).toBe(n.slice(33));
		}
	});
});

describe('KSeF test server', () => {
	let server: KsefTestServer;
	let keys: Keys;
	let access: string;
	const upos: string[] = [];

	beforeAll(async () => {
		server = await startKsefTestServer({ referenceDataDir: referenceDir, invoiceIvPrefix: true });
		keys = await publicKeys(server);
		access = (await authenticate(server, keys)).accessToken.token;
	});
	afterAll(() => server?.close());

	it('the whole way: certificates, KSeF token, session, invoice, KSeF number, close, UPO', async () => {
		// Certificates: DER X.509 in Base64, certificateId and publicKeyId as SHA-256 in Base64.
		expect(keys.all.map((c) => c.usage)).toEqual([['KsefTokenEncryption'], ['SymmetricKeyEncryption']]);
		for (const k of [keys.token, keys.symmetric]) {
			expect(k.entry.certificateId).toBe(sha256(k.cert.raw));
			expect(k.publicKeyId).toBe(sha256(k.key.export({ type: 'spki', format: 'der' })));
			expect(k.cert.subject).toContain('CN=Ministerstwo Finansów');
			expect(k.cert.verify(k.key)).toBe(true);
			expect(Date.parse(k.entry.validFrom)).toBeLessThan(Date.now());
			expect(Date.parse(k.entry.validTo)).toBeGreaterThan(Date.now());
		}
		expect(keys.token.publicKeyId).not.toBe(keys.symmetric.publicKeyId);

		// Challenge → token encrypted with RSA-OAEP → 100 once → 200 → tokens, once.
		const ch = await call<Challenge>(server, 'POST', '/auth/challenge');
		expect(ch.status).toBe(200);
		expect(ch.body.challenge).toMatch(/^\d{8}-CR-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
		expect(Date.parse(ch.body.timestamp)).toBe(ch.body.timestampMs);
		expect(ch.body.clientIp).toBe('127.0.0.1');
		const init = await call<AuthInit>(server, 'POST', '/auth/ksef-token', {
			json: {
				challenge: ch.body.challenge,
				contextIdentifier: { type: 'Nip', value: server.nip },
				encryptedToken: oaep(keys.token.key, Buffer.from(`${server.token}|${ch.body.timestampMs}`)),
				publicKeyId: keys.token.publicKeyId
			}
		});
		expect(init.status).toBe(202);
		expect(init.body.referenceNumber).toMatch(REFERENCE);
		expect(init.body.authenticationToken.token.split('.')).toHaveLength(3);
		const early = await call(server, 'POST', '/auth/token/redeem', { token: init.body.authenticationToken.token });
		expect(early.status).toBe(400);
		expect(exceptionCode(early)).toBe(21301);
		expect(await authResult(server, init.body)).toMatchObject({ seen: [100, 200] });
		const tokens = await call<{ accessToken: TokenInfo; refreshToken: TokenInfo }>(
			server,
			'POST',
			'/auth/token/redeem',
			{
				token: init.body.authenticationToken.token
			}
		);
		expect(tokens.status).toBe(200);
		expect(Date.parse(tokens.body.accessToken.validUntil) - Date.now()).toBeGreaterThan(800_000);
		const again = await call(server, 'POST', '/auth/token/redeem', { token: init.body.authenticationToken.token });
		expect(again.status).toBe(400);
		expect(exceptionCode(again)).toBe(21301);
		expect(again.body.exception.exceptionDetailList[0].details?.[0]).toContain('zostały już pobrane');
		const token = tokens.body.accessToken.token;

		// Session, invoice → 150 once → 200 with a KSeF number whose checksum holds.
		const session = await openSession(server, keys, token);
		expect(session.ref).toMatch(/^\d{8}-SO-/);
		const xml = invoiceXml(server.nip, 'FV/2026/12/0001');
		const invoiceRef = await sendInvoice(server, token, session, xml);
		expect(invoiceRef).toMatch(/^\d{8}-EE-/);
		const { view, seen } = await invoiceResult(server, token, session, invoiceRef);
		expect(seen).toEqual([150, 200]);
		expect(view).toMatchObject({
			ordinalNumber: 1,
			invoiceNumber: 'FV/2026/12/0001',
			invoiceHash: sha256(xml),
			invoicingMode: 'Online',
			status: { code: 200, description: 'Sukces' }
		});
		const ksefNumber = view.ksefNumber!;
		const received = warsawDay(new Date(view.invoicingDate)).replace(/-/g, '');
		expect(ksefNumber).toMatch(new RegExp(`^${server.nip}-${received}-[0-9A-F]{12}-[0-9A-F]{2}$`));
		expect(ksefNumber.slice(33)).toBe(ksefNumberChecksum(ksefNumber.slice(0, 32)));
		expect(server.invoices.at(-1)).toMatchObject({
			sessionReference: session.ref,
			referenceNumber: invoiceRef,
			xml,
			invoiceHash: sha256(xml),
			offlineMode: false,
			status: { code: 200 },
			ksefNumber
		});

		// The list finds the invoice by its hash (what a client does after a crash).
		const list = await call<{ invoices: InvoiceView[]; continuationToken?: string | null }>(
			server,
			'GET',
			`/sessions/${session.ref}/invoices`,
			{ token }
		);
		expect(list.body.invoices.find((i) => i.invoiceHash === sha256(xml))?.ksefNumber).toBe(ksefNumber);
		expect(list.body.continuationToken ?? null).toBeNull();

		// The invoice's UPO: through the API (with the token) and the link (without it).
		const invoiceUpo = await call(server, 'GET', `/sessions/${session.ref}/invoices/${invoiceRef}/upo`, { token });
		expect(invoiceUpo.status).toBe(200);
		expect(invoiceUpo.headers.get('content-type')).toContain('application/xml');
		expect(invoiceUpo.headers.get('x-ms-meta-hash')).toBe(sha256(invoiceUpo.text));
		expect(invoiceUpo.text).toContain(`<NumerKSeFDokumentu>${ksefNumber}</NumerKSeFDokumentu>`);
		expect(invoiceUpo.text).toContain(`<SkrotDokumentu>${sha256(xml)}</SkrotDokumentu>`);
		const byLink = await fetch(view.upoDownloadUrl!);
		expect(byLink.status).toBe(200);
		expect(await byLink.text()).toBe(invoiceUpo.text);
		expect((await fetch(view.upoDownloadUrl!, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
		expect((await fetch(view.upoDownloadUrl!.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(403);

		// Close: 204, no more invoices (21180), 170 once, then 200 with the session's UPO.
		const open = await call<SessionView>(server, 'GET', `/sessions/${session.ref}`, { token });
		expect(open.body).toMatchObject({ status: { code: 100 }, invoiceCount: 1, successfulInvoiceCount: 1 });
		const close = await call(server, 'POST', `/sessions/online/${session.ref}/close`, { token });
		expect(close.status).toBe(204);
		const late = await call(server, 'POST', `/sessions/online/${session.ref}/invoices`, {
			token,
			json: invoiceRequest(session, invoiceXml(server.nip, 'FV/2026/12/0002'))
		});
		expect(late.status).toBe(400);
		expect(exceptionCode(late)).toBe(21180);
		const closed = await sessionResult(server, token, session);
		expect(closed.seen).toEqual([170, 200]);
		expect(closed.view).toMatchObject({
			status: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
			invoiceCount: 1,
			successfulInvoiceCount: 1
		});
		expect(closed.view.failedInvoiceCount).toBeUndefined();
		const page = closed.view.upo!.pages[0];
		expect(page.referenceNumber).toMatch(/^\d{8}-EU-/);
		expect(page.downloadUrl.startsWith(server.url.replace(/\/v2$/, '/storage/'))).toBe(true);
		expect(Date.parse(page.downloadUrlExpirationDate)).toBeGreaterThan(Date.now());
		const sessionUpo = await fetch(page.downloadUrl);
		expect(sessionUpo.status).toBe(200);
		const sessionUpoXml = await sessionUpo.text();
		expect(sessionUpo.headers.get('x-ms-meta-hash')).toBe(sha256(sessionUpoXml));
		expect(sessionUpoXml).toContain(`<NumerReferencyjnySesji>${session.ref}</NumerReferencyjnySesji>`);
		expect(sessionUpoXml).toContain('<CalkowitaLiczbaDokumentow>1</CalkowitaLiczbaDokumentow>');
		const viaApi = await call(server, 'GET', `/sessions/${session.ref}/upo/${page.referenceNumber}`, { token });
		expect(viaApi.text).toBe(sessionUpoXml);
		upos.push(invoiceUpo.text, sessionUpoXml);
	});

	it.skipIf(!upoSchemaHere)('the invoice and session UPOs validate against upo-v4-3.xsd (xmllint)', () => {
		expect(upos).toHaveLength(2);
		for (const upo of upos) expect(validateUpo(upo)).toBe('ok');
		// The check can fail: a UPO without its session reference number is refused.
		expect(validateUpo(upos[1].replace(/<NumerReferencyjnySesji>[^<]*<\/NumerReferencyjnySesji>/, ''))).toMatch(
			/^invalid: .*NumerReferencyjnySesji/s
		);
	});

	it('refuses a stale or reused challenge (21111) and ends a wrong token or timestamp in 450', async () => {
		const ch = (await call<Challenge>(server, 'POST', '/auth/challenge')).body;
		const request = (challenge: string) => ({
			challenge,
			contextIdentifier: { type: 'Nip', value: server.nip },
			encryptedToken: oaep(keys.token.key, Buffer.from(`${server.token}|${ch.timestampMs}`))
		});
		// The docs' example challenge: well-formed, never issued here.
		const unknown = await call(server, 'POST', '/auth/ksef-token', {
			json: request('20250514-CR-226FB7B000-3ACF9BE4C0-10')
		});
		expect(unknown.status).toBe(400);
		expect(exceptionCode(unknown)).toBe(21111);
		expect((await call(server, 'POST', '/auth/ksef-token', { json: request(ch.challenge) })).status).toBe(202);
		const reused = await call(server, 'POST', '/auth/ksef-token', { json: request(ch.challenge) });
		expect(exceptionCode(reused)).toBe(21111);

		const wrongToken = await startAuth(server, keys, { plain: (c) => `${server.token}x|${c.timestampMs}` });
		expect(wrongToken.status).toBe(202);
		expect((await authResult(server, wrongToken.body)).status).toEqual({
			code: 450,
			description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu',
			details: ['Nieprawidłowy token']
		});
		const redeem = await call(server, 'POST', '/auth/token/redeem', {
			token: wrongToken.body.authenticationToken.token
		});
		expect(exceptionCode(redeem)).toBe(21301);

		const wrongTime = await startAuth(server, keys, { plain: (c) => `${server.token}|${c.timestampMs - 1}` });
		expect((await authResult(server, wrongTime.body)).status.details).toEqual(['Nieprawidłowy czas tokena']);
		const otherContext = await startAuth(server, keys, { nip: '5265877635' });
		expect((await authResult(server, otherContext.body)).status.code).toBe(415);

		// The token is for the token key only: encrypted with the symmetric key's certificate it fails.
		const wrongKey = await startAuth(server, { ...keys, token: keys.symmetric }, { publicKeyId: null });
		expect((await authResult(server, wrongKey.body)).status.code).toBe(450);

		const notJson = await call(server, 'POST', '/auth/ksef-token', {
			headers: { 'content-type': 'text/plain' }
		});
		expect(notJson.status).toBe(415);
		const missing = await call(server, 'POST', '/auth/ksef-token', { json: { challenge: ch.challenge } });
		expect(exceptionCode(missing)).toBe(21405);
	});

	it('refuses an invoice with a wrong hash, size or missing IV prefix (400) and stores none of them', async () => {
		const session = await openSession(server, keys, access);
		const xml = invoiceXml(server.nip, 'FV/2026/12/0100');
		const before = server.invoices.length;
		const send = (json: unknown, headers?: Record<string, string>) =>
			call(server, 'POST', `/sessions/online/${session.ref}/invoices`, { token: access, json, headers });

		const good = invoiceRequest(session, xml);
		const wrongHash = await send({ ...good, invoiceHash: sha256('something else') });
		expect(wrongHash.status).toBe(400);
		expect(exceptionCode(wrongHash)).toBe(21403);
		expect(exceptionCode(await send({ ...good, invoiceSize: good.invoiceSize + 1 }))).toBe(21402);
		expect(exceptionCode(await send({ ...good, encryptedInvoiceHash: sha256('x') }))).toBe(21403);
		expect(exceptionCode(await send({ ...good, encryptedInvoiceSize: good.encryptedInvoiceSize - 1 }))).toBe(21402);
		const noPrefix = await send(invoiceRequest(session, xml, { ivPrefix: false }));
		expect(noPrefix.status).toBe(400);
		expect(exceptionCode(noPrefix)).toBe(21405);
		expect(noPrefix.body.exception.exceptionDetailList[0].details?.[0]).toContain('wektora inicjującego');
		expect(exceptionCode(await send({ ...good, invoiceHash: 'abc' }))).toBe(21405);
		const problem = await send({ ...good, invoiceHash: sha256('x') }, { 'x-error-format': 'problem-details' });
		expect(problem.headers.get('content-type')).toContain('application/problem+json');
		expect(problem.body).toMatchObject({ status: 400, errors: [{ code: 21403 }] });
		expect(server.invoices.length).toBe(before);

		expect((await send(good)).status).toBe(202);
		expect(server.invoices.length).toBe(before + 1);
	});

	it('by default takes the ciphertext without the IV (as the official clients send it) and refuses one with it', async () => {
		const plainServer = await startKsefTestServer({ referenceDataDir: referenceDir });
		try {
			const k = await publicKeys(plainServer);
			const t = (await authenticate(plainServer, k)).accessToken.token;
			const session = await openSession(plainServer, k, t);
			const xml = invoiceXml(plainServer.nip, 'FV/2026/12/0150');
			const send = (ivPrefix: boolean) =>
				call(plainServer, 'POST', `/sessions/online/${session.ref}/invoices`, {
					token: t,
					json: invoiceRequest(session, xml, { ivPrefix })
				});
			// Decrypted with the session's IV, the prefix becomes 16 bytes of noise before the XML.
			expect(exceptionCode(await send(true))).toBe(21402);
			expect((await send(false)).status).toBe(202);
		} finally {
			await plainServer.close();
		}
	});

	it('a duplicate (same seller, kind and number) ends in 440 naming the original KSeF number and session', async () => {
		const first = await openSession(server, keys, access);
		const xml = invoiceXml(server.nip, 'FV/2026/12/0200');
		const original = (await invoiceResult(server, access, first, await sendInvoice(server, access, first, xml))).view;
		expect(original.status.code).toBe(200);
		const second = await openSession(server, keys, access);
		const dup = (await invoiceResult(server, access, second, await sendInvoice(server, access, second, xml))).view;
		expect(dup.status).toMatchObject({
			code: 440,
			description: 'Duplikat faktury',
			extensions: { originalKsefNumber: original.ksefNumber, originalSessionReferenceNumber: first.ref }
		});
		expect(dup.status.details?.[0]).toContain(original.ksefNumber);
		expect(dup.ksefNumber).toBeUndefined();
		expect(server.invoices.at(-1)).toMatchObject({ status: { code: 440 } });
		expect(server.invoices.at(-1)!.ksefNumber).toBeUndefined();
	});

	it('a rejected invoice ends with the given status; a session with no valid invoice ends in 445 without UPO', async () => {
		server.rejectInvoices((xml) => xml.includes('<P_2>FV/2026/12/0300</P_2>'), {
			code: 450,
			description: 'Błąd weryfikacji semantyki dokumentu faktury',
			details: ['Nieprawidłowa stawka podatku']
		});
		const session = await openSession(server, keys, access);
		const rejected = await sendInvoice(server, access, session, invoiceXml(server.nip, 'FV/2026/12/0300'));
		const foreign = await sendInvoice(server, access, session, invoiceXml('5265877635', 'FV/2026/12/0301'));
		const { view } = await invoiceResult(server, access, session, rejected);
		expect(view.status).toEqual({
			code: 450,
			description: 'Błąd weryfikacji semantyki dokumentu faktury',
			details: ['Nieprawidłowa stawka podatku']
		});
		expect(view.ksefNumber).toBeUndefined();
		expect((await invoiceResult(server, access, session, foreign)).view.status.code).toBe(410);
		const failed = await call<{ invoices: InvoiceView[] }>(server, 'GET', `/sessions/${session.ref}/invoices/failed`, {
			token: access
		});
		expect(failed.body.invoices.map((i) => i.referenceNumber)).toEqual([rejected, foreign]);
		const upo = await call(server, 'GET', `/sessions/${session.ref}/invoices/${rejected}/upo`, { token: access });
		expect(exceptionCode(upo)).toBe(21178);
		expect((await call(server, 'POST', `/sessions/online/${session.ref}/close`, { token: access })).status).toBe(204);
		const { view: closed } = await sessionResult(server, access, session);
		expect(closed).toMatchObject({ status: { code: 445 }, invoiceCount: 2, failedInvoiceCount: 2 });
		expect(closed.upo).toBeUndefined();
	});

	it.skipIf(!fa3SchemaHere)('an invoice against the FA(3) schema ends in 450 with the schema errors', async () => {
		const session = await openSession(server, keys, access);
		const broken = invoiceXml(server.nip, 'FV/2026/12/0400').replace(/<P_15>[^<]*<\/P_15>/, '');
		const { view } = await invoiceResult(server, access, session, await sendInvoice(server, access, session, broken));
		expect(view.status.code).toBe(450);
		expect(view.status.details?.join('\n')).toMatch(/P_15|Adnotacje/);
	});

	it('pages the session invoices with x-continuation-token', async () => {
		const session = await openSession(server, keys, access);
		for (let i = 0; i < 11; i++) await sendInvoice(server, access, session, invoiceXml(server.nip, `FV/2026/12/1${i}`));
		const first = await call<{ invoices: InvoiceView[]; continuationToken: string | null }>(
			server,
			'GET',
			`/sessions/${session.ref}/invoices?pageSize=10`,
			{ token: access }
		);
		expect(first.body.invoices.map((i) => i.ordinalNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const second = await call<{ invoices: InvoiceView[]; continuationToken: string | null }>(
			server,
			'GET',
			`/sessions/${session.ref}/invoices?pageSize=10`,
			{ token: access, headers: { 'x-continuation-token': first.body.continuationToken! } }
		);
		expect(second.body.invoices.map((i) => i.ordinalNumber)).toEqual([11]);
		expect(second.body.continuationToken).toBeNull();
		const bad = await call(server, 'GET', `/sessions/${session.ref}/invoices`, {
			token: access,
			headers: { 'x-continuation-token': 'nonsense' }
		});
		expect(exceptionCode(bad)).toBe(21418);
		expect(
			exceptionCode(await call(server, 'GET', `/sessions/${session.ref}/invoices?pageSize=5`, { token: access }))
		).toBe(21405);
	});

	it('answers 429 with Retry-After, 503 and nothing at all when told to, then goes on', async () => {
		const session = await openSession(server, keys, access);
		const path = new RegExp(`^/sessions/online/${session.ref}/invoices$`);
		server.inject({ method: 'POST', path, respond: 429, retryAfterSeconds: 7 });
		const json = invoiceRequest(session, invoiceXml(server.nip, 'FV/2026/12/0500'));
		const limited = await call<{ status: Status }>(server, 'POST', `/sessions/online/${session.ref}/invoices`, {
			token: access,
			json
		});
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.body.status).toMatchObject({ code: 429, description: 'Too Many Requests' });
		expect(limited.body.status.details?.length).toBe(1);
		expect(server.invoices.some((i) => i.invoiceHash === json.invoiceHash)).toBe(false);
		expect(
			(await call(server, 'POST', `/sessions/online/${session.ref}/invoices`, { token: access, json })).status
		).toBe(202);

		server.inject({ path: /^\/sessions\//, respond: 503, times: 2 });
		expect((await call(server, 'GET', `/sessions/${session.ref}`, { token: access })).status).toBe(503);
		expect((await call(server, 'GET', `/sessions/${session.ref}`, { token: access })).status).toBe(503);
		expect((await call(server, 'GET', `/sessions/${session.ref}`, { token: access })).status).toBe(200);

		server.setUnavailable(true);
		expect((await call(server, 'POST', '/auth/challenge')).status).toBe(503);
		server.setUnavailable(false);
		expect((await call(server, 'POST', '/auth/challenge')).status).toBe(200);

		server.inject({ method: 'GET', path: /^\/security\//, respond: 'timeout' });
		const hanging = new AbortController();
		const pending = fetch(`${server.url}/security/public-key-certificates`, { signal: hanging.signal }).catch(
			(e: Error) => e.name
		);
		await vi.waitFor(
			() =>
				expect(server.requests.at(-1)).toMatchObject({ path: '/security/public-key-certificates', status: 'timeout' }),
			{ timeout: 20_000 }
		);
		hanging.abort();
		expect(await pending).toBe('AbortError');

		const logged = server.requests.filter((r) => r.path === `/sessions/online/${session.ref}/invoices`);
		expect(logged.map((r) => r.status)).toEqual([429, 202]);
	});

	it('answers 404 to an unknown path and 405 to a wrong method', async () => {
		expect((await call(server, 'GET', '/nothing/here')).status).toBe(404);
		expect((await fetch(server.url.replace(/\/v2$/, '/v1/auth/challenge'), { method: 'POST' })).status).toBe(404);
		const wrong = await call(server, 'GET', '/auth/challenge/extra');
		expect(wrong.status).toBe(404);
		const method = await call(server, 'DELETE', '/sessions/online');
		expect(method.status).toBe(405);
		expect(server.requests.at(-1)).toEqual({ method: 'DELETE', path: '/sessions/online', status: 405 });
	});
});

describe('KSeF test server: tokens and keys', () => {
	let server: KsefTestServer;
	beforeAll(async () => {
		server = await startKsefTestServer({ referenceDataDir: referenceDir, authPendingPolls: 2, invoiceIvPrefix: true });
	});
	afterAll(() => server?.close());

	it('refuses expired access tokens with 401 and gives a new one for the refresh token', async () => {
		const keys = await publicKeys(server);
		const init = (await startAuth(server, keys)).body;
		expect((await authResult(server, init)).seen).toEqual([100, 100, 200]);
		const tokens = (
			await call<{ accessToken: TokenInfo; refreshToken: TokenInfo }>(server, 'POST', '/auth/token/redeem', {
				token: init.authenticationToken.token
			})
		).body;
		expect(
			(await call(server, 'GET', '/sessions/20250625-SO-2C3E6C8000-B675CF5D68-07', { token: tokens.accessToken.token }))
				.status
		).toBe(400);
		expect((await call(server, 'POST', '/sessions/online', { json: {} })).status).toBe(401);
		expect(
			(await call(server, 'POST', '/sessions/online', { token: tokens.refreshToken.token, json: {} })).status
		).toBe(401);

		server.expireAccessTokens();
		const expired = await call<{ title: string; status: number; detail: string; timestamp: string }>(
			server,
			'POST',
			'/sessions/online',
			{ token: tokens.accessToken.token, json: {} }
		);
		expect(expired.status).toBe(401);
		expect(expired.headers.get('content-type')).toContain('application/problem+json');
		expect(expired.body).toMatchObject({ title: 'Unauthorized', status: 401 });
		expect(typeof expired.body.detail).toBe('string');

		expect((await call(server, 'POST', '/auth/token/refresh', { token: tokens.accessToken.token })).status).toBe(401);
		const refreshed = await call<{ accessToken: TokenInfo }>(server, 'POST', '/auth/token/refresh', {
			token: tokens.refreshToken.token
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.accessToken.token).not.toBe(tokens.accessToken.token);
		const session = await openSession(server, keys, refreshed.body.accessToken.token);
		expect(session.ref).toMatch(REFERENCE);
	});

	it('after rotateKeys refuses the old publicKeyId (21470) and what the old keys encrypted', async () => {
		const old = await publicKeys(server);
		const access = (await authenticate(server, old)).accessToken.token;
		server.rotateKeys();
		const fresh = await publicKeys(server);
		expect(fresh.token.publicKeyId).not.toBe(old.token.publicKeyId);
		expect(fresh.symmetric.publicKeyId).not.toBe(old.symmetric.publicKeyId);
		expect(fresh.symmetric.entry.certificateId).not.toBe(old.symmetric.entry.certificateId);

		const named = await startAuth(server, old);
		expect(named.status).toBe(400);
		expect(exceptionCode(named)).toBe(21470);
		const unnamed = await startAuth(server, old, { publicKeyId: null });
		expect((await authResult(server, unnamed.body)).status.code).toBe(450);

		const sessionWith = (k: Keys, publicKeyId: string | null) =>
			call<{ referenceNumber: string } & Exception>(server, 'POST', '/sessions/online', {
				token: access,
				json: {
					formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
					encryption: {
						encryptedSymmetricKey: oaep(k.symmetric.key, randomBytes(32)),
						initializationVector: randomBytes(16).toString('base64'),
						publicKeyId
					}
				}
			});
		const namedSession = await sessionWith(old, old.symmetric.publicKeyId);
		expect(namedSession.status).toBe(400);
		expect(exceptionCode(namedSession)).toBe(21470);
		// Without publicKeyId the session opens in status 415 and takes no invoice.
		const unnamedSession = await sessionWith(old, null);
		expect(unnamedSession.status).toBe(201);
		const ref = unnamedSession.body.referenceNumber;
		const status = await call<SessionView>(server, 'GET', `/sessions/${ref}`, { token: access });
		expect(status.body.status).toEqual({ code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' });
		const send = await call(server, 'POST', `/sessions/online/${ref}/invoices`, {
			token: access,
			json: invoiceRequest({ ref, key: randomBytes(32), iv: randomBytes(16) }, invoiceXml(server.nip, 'FV/1'))
		});
		expect(exceptionCode(send)).toBe(21180);

		// With the new certificates all works again.
		const access2 = (await authenticate(server, fresh)).accessToken.token;
		expect((await openSession(server, fresh, access2)).ref).toMatch(REFERENCE);
	});
});
