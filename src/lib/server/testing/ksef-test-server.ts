import {
	constants,
	createDecipheriv,
	createHash,
	createHmac,
	generateKeyPair,
	generateKeyPairSync,
	privateDecrypt,
	randomBytes,
	sign,
	timingSafeEqual,
	type KeyObject
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { validateFa3 } from '../billing/fa3-validate';
import { defaultSeller } from '../billing/seller';
import { warsawDay } from '../../dates';
import { crc8, ksefNumberChecksum } from '../billing/ksef/number';

export { ksefNumberChecksum } from '../billing/ksef/number';

/*
 * A local fake of the KSeF 2.0 API (https://api-test.ksef.mf.gov.pl/v2) for testing our client:
 * authentication with a KSeF token, an interactive (online) session, invoice statuses, UPO. It
 * follows the official contract (open-api.json and the ksef-docs pages) and checks what arrives,
 * so a client that gets the contract wrong fails here as it would against the Ministry.
 * Everything that takes time in KSeF advances by polls, never by the clock.
 */

export interface KsefInvoiceStatus {
	code: number;
	description: string;
	details?: string[];
	extensions?: Record<string, string>;
}

export interface KsefReceivedInvoice {
	sessionReference: string;
	referenceNumber: string;
	/** The decrypted invoice ('' when it could not be decrypted). */
	xml: string;
	invoiceHash: string;
	offlineMode: boolean;
	/** What a status poll shows now: 150 until the invoice's pending polls are used up. */
	status: KsefInvoiceStatus;
	ksefNumber?: string;
}

export interface KsefFault {
	method?: string;
	/** Tested against the path without /v2 and without the query. */
	path: RegExp;
	respond: 429 | 503 | 'timeout';
	retryAfterSeconds?: number;
	times?: number;
	/** Matching requests answered normally before the fault begins (default 0). */
	skip?: number;
}

export interface KsefTestServer {
	/** e.g. http://127.0.0.1:41234/v2 */
	url: string;
	/** The seller NIP and the KSeF token it accepts (POST /auth/ksef-token for context {type:'Nip', value: nip}). */
	nip: string;
	token: string;
	/** Every invoice received, decrypted, in order. */
	invoices: KsefReceivedInvoice[];
	/** Every request: method, path (without /v2), status sent back (or 'timeout'). */
	requests: Array<{ method: string; path: string; status: number | 'timeout' }>;
	/** The next `times` (default 1) requests matching method+path answer 429 (with Retry-After, default 1 s), 503, or never. */
	inject(f: KsefFault): void;
	/** Invoices whose XML matches end with this status instead of being accepted. */
	rejectInvoices(match: (xml: string) => boolean, status: KsefInvoiceStatus): void;
	/** New key pairs and certificates for both usages; the old keys and publicKeyIds are refused from now on. */
	rotateKeys(): void;
	/** Every access token issued so far stops working (401); refresh tokens keep working. */
	expireAccessTokens(): void;
	/** 503 to everything until called with false. */
	setUnavailable(down: boolean): void;
	close(): Promise<void>;
}

export interface KsefTestServerOptions {
	nip?: string;
	token?: string;
	accessTokenTtlSeconds?: number;
	/** GET /auth/{ref} answers 100 this many times before the result (default 1). */
	authPendingPolls?: number;
	/** An invoice's status shows 150 for this many observations before the result (default 1). */
	invoicePendingPolls?: number;
	/** After close, GET /sessions/{ref} answers 170 this many times before the result (default 1). */
	sessionPendingPolls?: number;
	/**
	 * Whether encryptedInvoiceContent must be the session's IV followed by the ciphertext (as
	 * sesja-interaktywna.md words it: "IV … dołączanego jako prefiks do szyfrogramu") or, by default,
	 * the ciphertext alone: what the official C# and Java clients send, what the OpenAPI example's
	 * sizes show (6480 → 6496) and what CIRFMF/ksef-api#839 confirms the real KSeF expects.
	 */
	invoiceIvPrefix?: boolean;
	/** A fixed port on 127.0.0.1 (the CLI's demo server); any free one by default. */
	port?: number;
	/** The folder with ksef/schemat_FA3_v1-0E.xsd; without it (or xmllint) the FA(3) schema is not checked. */
	referenceDataDir?: string;
}

type Usage = 'KsefTokenEncryption' | 'SymmetricKeyEncryption';
const USAGES: Usage[] = ['KsefTokenEncryption', 'SymmetricKeyEncryption'];

interface PublicKeyCertificate {
	certificate: string;
	certificateId: string;
	publicKeyId: string;
	validFrom: string;
	validTo: string;
	usage: Usage[];
}

interface ServerKey {
	privateKey: KeyObject;
	publicKeyId: string;
	certificate: PublicKeyCertificate;
}

interface AuthOperation {
	referenceNumber: string;
	startDate: Date;
	outcome: KsefInvoiceStatus;
	polls: number;
	revealed: boolean;
	redeemed: boolean;
	refreshTokenValidUntil?: Date;
	lastTokenRefreshDate?: Date;
}

interface IssuedToken {
	kind: 'operation' | 'access' | 'refresh';
	operation: string;
	expiresAt: number;
	revoked: boolean;
}

interface SessionInvoice {
	ordinalNumber: number;
	referenceNumber: string;
	invoiceHash: string;
	invoicingDate: Date;
	offlineMode: boolean;
	outcome: KsefInvoiceStatus;
	ksefNumber?: string;
	invoiceNumber?: string;
	issueDate?: string;
	sellerNip?: string;
	acquisitionDate?: Date;
	observations: number;
	revealed: boolean;
	entry: KsefReceivedInvoice;
}

interface Session {
	referenceNumber: string;
	/** null when encryptedSymmetricKey did not decrypt to 32 bytes: the session is in status 415. */
	key: Buffer | null;
	iv: Buffer;
	dateCreated: Date;
	dateUpdated: Date;
	validUntil: Date;
	closed: boolean;
	closedPolls: number;
	final: KsefInvoiceStatus | null;
	upoReference: string | null;
	invoices: SessionInvoice[];
}

interface Ctx {
	req: IncomingMessage;
	res: ServerResponse;
	url: URL;
	body: Buffer;
}

/** Exception codes and their descriptions as open-api.json lists them (400 responses). */
const EXCEPTIONS: Record<number, string> = {
	21111: 'Nieprawidłowe wyzwanie autoryzacyjne.',
	21155: 'Przekroczono dozwoloną liczbę faktur w sesji.',
	21173: 'Brak sesji o wskazanym numerze referencyjnym.',
	21178: 'Nie znaleziono UPO dla podanych kryteriów.',
	21180: 'Status sesji nie pozwala na wykonanie operacji.',
	21301: 'Brak autoryzacji.',
	21304: 'Brak uwierzytelnienia.',
	21402: 'Nieprawidłowy rozmiar pliku.',
	21403: 'Nieprawidłowy skrót pliku.',
	21405: 'Błąd walidacji danych wejściowych.',
	21418: 'Przekazany token kontynuacji ma nieprawidłowy format.',
	21470: 'Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.'
};

/** SessionInvoiceStatusResponse.status and SessionStatusResponse.status (online session) in open-api.json. */
const INVOICE = {
	processing: { code: 150, description: 'Trwa przetwarzanie' },
	success: { code: 200, description: 'Sukces' },
	permissions: { code: 410, description: 'Nieprawidłowy zakres uprawnień' },
	attachment: { code: 415, description: 'Brak możliwości wysyłania faktury z załącznikiem' },
	decryption: { code: 435, description: 'Błąd odszyfrowania pliku', details: ['Plik niepoprawnie zaszyfrowany'] },
	duplicate: { code: 440, description: 'Duplikat faktury' },
	semantics: { code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury' }
};
const SESSION = {
	open: { code: 100, description: 'Sesja interaktywna otwarta' },
	closed: { code: 170, description: 'Sesja interaktywna zamknięta' },
	processed: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
	keyError: { code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' },
	cancelled: { code: 440, description: 'Sesja anulowana', details: ['Nie przesłano faktur'] },
	noValidInvoices: { code: 445, description: 'Błąd weryfikacji, brak poprawnych faktur' }
};
/** AuthenticationOperationStatusResponse.status in open-api.json. */
const AUTH = {
	pending: { code: 100, description: 'Uwierzytelnianie w toku' },
	success: { code: 200, description: 'Uwierzytelnianie zakończone sukcesem' },
	noPermissions: {
		code: 415,
		description: 'Uwierzytelnianie zakończone niepowodzeniem',
		details: ['Brak przypisanych uprawnień']
	},
	badToken: (detail: string) => ({
		code: 450,
		description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu',
		details: [detail]
	})
};

const CHALLENGE_TTL_MS = 10 * 60_000;
const OPERATION_TOKEN_TTL_MS = 45 * 60_000;
const REFRESH_TOKEN_TTL_MS = 7 * 24 * 3600_000;
const SESSION_TTL_MS = 12 * 3600_000;
const UPO_LINK_TTL_MS = 3 * 24 * 3600_000;
const MAX_INVOICES_PER_SESSION = 10_000;
const FA3_FORM = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' };

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('base64');
const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();
const iso = (d: Date) => d.toISOString();

/**
 * "20250625-SO-2C3E6C8000-B675CF5D68-07". The documented numbers end with the same CRC-8 of the
 * part before the last dash (19 of the 22 in open-api.json), so ours do too.
 */
function referenceNumber(kind: string, at = new Date()): string {
	const body = `${warsawDay(at).replace(/-/g, '')}-${kind}-${hex(5)}-${hex(5)}`;
	return `${body}-${crc8(body)}`;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

class Refusal {
	constructor(
		readonly status: number,
		readonly code: number,
		readonly details: string[]
	) {}
}
const refuse = (code: number, ...details: string[]) => new Refusal(400, code, details);
const unauthorized = () => new Refusal(401, 0, []);

type Body = Record<string, unknown>;

function invalid(detail: string): Refusal {
	return refuse(21405, detail);
}

function objectField(o: Body, name: string): Body {
	const v = o[name];
	if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalid(`Pole '${name}' jest wymagane.`);
	return v as Body;
}

function stringField(o: Body, name: string, length?: number): string {
	const v = o[name];
	if (typeof v !== 'string' || v.length === 0) throw invalid(`Pole '${name}' jest wymagane.`);
	if (length !== undefined && v.length !== length) throw invalid(`Pole '${name}' musi mieć długość ${length} znaków.`);
	return v;
}

function optionalString(o: Body, name: string, length?: number): string | null {
	return o[name] === undefined || o[name] === null ? null : stringField(o, name, length);
}

function base64Field(o: Body, name: string): Buffer {
	const v = stringField(o, name);
	if (!BASE64.test(v)) throw invalid(`Pole '${name}' nie jest poprawnym ciągiem Base64.`);
	return Buffer.from(v, 'base64');
}

function hashField(o: Body, name: string): string {
	const v = stringField(o, name, 44);
	if (!BASE64.test(v)) throw invalid(`Pole '${name}' nie jest poprawnym skrótem SHA-256 w Base64.`);
	return v;
}

function intField(o: Body, name: string): number {
	const v = o[name];
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalid(`Pole '${name}' musi być liczbą dodatnią.`);
	return v;
}

const decodeXml = (s: string) =>
	s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
		const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
		if (named[e.toLowerCase()]) return named[e.toLowerCase()];
		return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
	});
const escapeXml = (s: string) =>
	s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The text of the first element reached by the path of local names (any namespace prefix). */
function pick(xml: string, ...names: string[]): string | undefined {
	let scope = xml;
	for (const name of names) {
		const m = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`).exec(scope);
		if (!m) return undefined;
		scope = m[1];
	}
	return decodeXml(scope).trim();
}

/** The characters weryfikacja-faktury.md forbids: #x7F-#x84, #x86-#x9F, #xFDD0-#xFDEF and the last two of every plane. */
const FORBIDDEN_CHARS = new RegExp(
	`[\\u007F-\\u0084\\u0086-\\u009F\\uFDD0-\\uFDEF${Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}-\\u{${(i + 1).toString(16)}FFFF}`).join('')}]`,
	'u'
);

/** DER: a tag, the definite length, the content. */
function der(tag: number, ...content: Buffer[]): Buffer {
	const body = Buffer.concat(content);
	const length: number[] = [];
	for (let n = body.length; n > 0; n >>= 8) length.unshift(n & 0xff);
	const head = body.length < 0x80 ? [tag, body.length] : [tag, 0x80 | length.length, ...length];
	return Buffer.concat([Buffer.from(head), body]);
}
const sequence = (...content: Buffer[]) => der(0x30, ...content);
function oid(dotted: string): Buffer {
	const [first, second, ...rest] = dotted.split('.').map(Number);
	const bytes = [40 * first + second];
	for (const arc of rest) {
		const chunk = [arc & 0x7f];
		for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f));
		bytes.push(...chunk);
	}
	return der(0x06, Buffer.from(bytes));
}
const utcTime = (d: Date) => der(0x17, Buffer.from(`${d.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`));

/**
 * A self-signed X.509 v3 certificate (sha256WithRSAEncryption) for the key, subject
 * "CN=Ministerstwo Finansów" as the docs describe KSeF's. Built here rather than with
 * @peculiar/x509, which needs a Reflect metadata polyfill the project does not have.
 */
function selfSignedCertificate(publicKey: KeyObject, privateKey: KeyObject, usage: Usage): PublicKeyCertificate {
	const spki = publicKey.export({ type: 'spki', format: 'der' });
	const attribute = (type: string, value: string, tag = 0x0c) =>
		der(0x31, sequence(oid(type), der(tag, Buffer.from(value, 'utf8'))));
	const name = sequence(
		attribute('2.5.4.6', 'PL', 0x13),
		attribute('2.5.4.7', 'Warszawa'),
		attribute('2.5.4.10', 'Ministerstwo Finansów'),
		attribute('2.5.4.3', 'Ministerstwo Finansów')
	);
	const algorithm = sequence(oid('1.2.840.113549.1.1.11'), der(0x05));
	const serial = randomBytes(16);
	serial[0] = (serial[0] & 0x7f) | 0x01;
	const now = Math.floor(Date.now() / 1000) * 1000;
	const validFrom = new Date(now - 24 * 3600_000);
	const validTo = new Date(now + 2 * 365 * 24 * 3600_000);
	const extensions = der(
		0xa3,
		sequence(
			sequence(oid('2.5.29.19'), der(0x04, sequence())),
			// keyUsage, critical: keyEncipherment and dataEncipherment.
			sequence(oid('2.5.29.15'), der(0x01, Buffer.from([0xff])), der(0x04, der(0x03, Buffer.from([4, 0x30]))))
		)
	);
	const tbs = sequence(
		der(0xa0, der(0x02, Buffer.from([2]))),
		der(0x02, serial),
		algorithm,
		name,
		sequence(utcTime(validFrom), utcTime(validTo)),
		name,
		spki,
		extensions
	);
	const signature = sign('sha256', tbs, privateKey);
	const certificate = sequence(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
	return {
		certificate: certificate.toString('base64'),
		certificateId: sha256(certificate),
		publicKeyId: sha256(spki),
		validFrom: iso(validFrom),
		validTo: iso(validTo),
		usage: [usage]
	};
}

function serverKey(pair: { publicKey: KeyObject; privateKey: KeyObject }, usage: Usage): ServerKey {
	const certificate = selfSignedCertificate(pair.publicKey, pair.privateKey, usage);
	return { privateKey: pair.privateKey, publicKeyId: certificate.publicKeyId, certificate };
}

const rsaPair = () =>
	new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
		generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) =>
			err ? reject(err) : resolve({ publicKey, privateKey })
		)
	);

/** RSAES-OAEP with SHA-256 and MGF1(SHA-256), as the docs require for the token and the symmetric key. */
function rsaOaepDecrypt(key: KeyObject, data: Buffer): Buffer | null {
	try {
		return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);
	} catch {
		return null;
	}
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export async function startKsefTestServer(opts: KsefTestServerOptions = {}): Promise<KsefTestServer> {
	const nip = opts.nip ?? defaultSeller.nip;
	const tokenReference = referenceNumber('EC');
	const token = opts.token ?? `${tokenReference}|nip-${nip}|${randomBytes(32).toString('hex')}`;
	const accessTtlMs = (opts.accessTokenTtlSeconds ?? 900) * 1000;
	const authPendingPolls = opts.authPendingPolls ?? 1;
	const invoicePendingPolls = opts.invoicePendingPolls ?? 1;
	const sessionPendingPolls = opts.sessionPendingPolls ?? 1;
	const ivPrefix = opts.invoiceIvPrefix ?? false;
	const referenceDataDir = opts.referenceDataDir ?? path.resolve('../shared/data');
	const secret = randomBytes(32);

	const [tokenPair, symmetricPair] = await Promise.all([rsaPair(), rsaPair()]);
	const keys: Record<Usage, ServerKey> = {
		KsefTokenEncryption: serverKey(tokenPair, 'KsefTokenEncryption'),
		SymmetricKeyEncryption: serverKey(symmetricPair, 'SymmetricKeyEncryption')
	};

	const challenges = new Map<string, { timestampMs: number; used: boolean }>();
	const operations = new Map<string, AuthOperation>();
	const tokens = new Map<string, IssuedToken>();
	const sessions = new Map<string, Session>();
	const accepted = new Map<string, SessionInvoice>();
	const rejections: Array<{ match: (xml: string) => boolean; status: KsefInvoiceStatus }> = [];
	const faults: Array<
		Required<Pick<KsefFault, 'path' | 'respond'>> & { method?: string; retryAfter: number; left: number; skip: number }
	> = [];
	const invoices: KsefReceivedInvoice[] = [];
	const requests: KsefTestServer['requests'] = [];
	let unavailable = false;
	let origin = '';

	// --- tokens --------------------------------------------------------------------------------

	function jwt(claims: Record<string, unknown>): string {
		const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
		const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
		return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
	}

	function issue(kind: IssuedToken['kind'], operation: string, ttlMs: number) {
		const now = Date.now();
		const expiresAt = now + ttlMs;
		const type = { operation: 'OperationToken', access: 'ContextToken', refresh: 'RefreshToken' }[kind];
		const t = jwt({
			'token-type': type,
			'operation-reference-number': operation,
			'context-identifier-type': 'Nip',
			'context-identifier-value': nip,
			'authentication-method': 'Token',
			jti: randomBytes(12).toString('hex'),
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
			iss: 'ksef-test-server',
			aud: 'ksef-test-server'
		});
		tokens.set(t, { kind, operation, expiresAt, revoked: false });
		return { token: t, validUntil: iso(new Date(expiresAt)) };
	}

	function bearer(c: Ctx, kind: IssuedToken['kind']): IssuedToken {
		const m = /^Bearer\s+(\S+)$/i.exec(c.req.headers.authorization ?? '');
		const t = m ? tokens.get(m[1]) : undefined;
		if (!t || t.kind !== kind || t.revoked || t.expiresAt <= Date.now()) throw unauthorized();
		return t;
	}

	// --- responses -----------------------------------------------------------------------------

	const traceId = () => randomBytes(16).toString('hex');
	const wantsProblemDetails = (c: Ctx) => (c.req.headers['x-error-format'] ?? '') === 'problem-details';

	function send(
		res: ServerResponse,
		status: number,
		body: unknown,
		type = 'application/json',
		headers: Record<string, string> = {}
	) {
		res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, ...headers });
		res.end(typeof body === 'string' ? body : JSON.stringify(body));
	}

	function sendRefusal(c: Ctx, r: Refusal) {
		const timestamp = iso(new Date());
		if (r.status === 401) {
			return send(
				c.res,
				401,
				{
					title: 'Unauthorized',
					status: 401,
					detail: 'Wymagane jest uwierzytelnienie.',
					instance: c.url.pathname,
					traceId: traceId(),
					timestamp
				},
				'application/problem+json',
				{ 'www-authenticate': 'Bearer' }
			);
		}
		if (r.status !== 400) {
			return send(
				c.res,
				r.status,
				{ title: r.details[0], status: r.status, instance: c.url.pathname, traceId: traceId(), timestamp },
				'application/problem+json'
			);
		}
		const description = EXCEPTIONS[r.code];
		const details = r.details.length ? r.details : undefined;
		if (wantsProblemDetails(c)) {
			return send(
				c.res,
				400,
				{
					title: 'Bad Request',
					status: 400,
					instance: c.url.pathname,
					detail: 'Żądanie jest nieprawidłowe.',
					errors: [{ code: r.code, description, details }],
					timestamp,
					traceId: traceId()
				},
				'application/problem+json'
			);
		}
		send(c.res, 400, {
			exception: {
				exceptionDetailList: [{ exceptionCode: r.code, exceptionDescription: description, details }],
				referenceNumber: null,
				serviceCode: `00-${traceId()}-${randomBytes(8).toString('hex')}-00`,
				serviceCtx: 'srvTEST',
				serviceName: 'Undefined',
				timestamp
			}
		});
	}

	function tooManyRequests(c: Ctx, seconds: number) {
		const detail = `Przekroczono limit żądań. Spróbuj ponownie po ${seconds} sekundach.`;
		const headers = { 'retry-after': String(seconds) };
		if (wantsProblemDetails(c)) {
			return send(
				c.res,
				429,
				{
					title: 'Too Many Requests',
					status: 429,
					instance: c.url.pathname,
					detail,
					timestamp: iso(new Date()),
					traceId: traceId()
				},
				'application/problem+json',
				headers
			);
		}
		send(
			c.res,
			429,
			{ status: { code: 429, description: 'Too Many Requests', details: [detail] } },
			'application/json',
			headers
		);
	}

	function serviceUnavailable(c: Ctx) {
		send(
			c.res,
			503,
			{
				title: 'Service Unavailable',
				status: 503,
				detail: 'System KSeF jest niedostępny.',
				instance: c.url.pathname,
				traceId: traceId(),
				timestamp: iso(new Date())
			},
			'application/problem+json'
		);
	}

	function jsonBody(c: Ctx): Body {
		// ASP.NET Core answers a body without a JSON content type with 415 before any validation.
		if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.headers['content-type'] ?? '')) {
			throw new Refusal(415, 0, ['Unsupported Media Type']);
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(c.body.toString('utf8'));
		} catch {
			throw invalid('Treść żądania nie jest poprawnym dokumentem JSON.');
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			throw invalid('Treść żądania musi być obiektem JSON.');
		return parsed as Body;
	}

	// --- keys ----------------------------------------------------------------------------------

	function checkPublicKeyId(id: string | null, usage: Usage) {
		if (id !== null && id !== keys[usage].publicKeyId) {
			throw refuse(21470, `Klucz o identyfikatorze ${id} nie jest wspierany.`);
		}
	}

	function publicKeyCertificates(c: Ctx) {
		send(
			c.res,
			200,
			USAGES.map((u) => keys[u].certificate)
		);
	}

	// --- authentication ------------------------------------------------------------------------

	function challenge(c: Ctx) {
		const now = Date.now();
		const value = `${warsawDay(new Date(now)).replace(/-/g, '')}-CR-${hex(5)}-${hex(5)}`;
		const ref = `${value}-${crc8(value)}`;
		challenges.set(ref, { timestampMs: now, used: false });
		const ip = (c.req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
		send(c.res, 200, { challenge: ref, timestamp: iso(new Date(now)), timestampMs: now, clientIp: ip });
	}

	function ksefTokenAuth(c: Ctx) {
		const body = jsonBody(c);
		const challengeRef = stringField(body, 'challenge', 36);
		const context = objectField(body, 'contextIdentifier');
		const contextType = stringField(context, 'type');
		const contextValue = stringField(context, 'value');
		if (!['Nip', 'InternalId', 'NipVatUe', 'PeppolId'].includes(contextType)) {
			throw invalid(`Nieznany typ identyfikatora kontekstu '${contextType}'.`);
		}
		if (contextType === 'Nip' && !/^\d{10}$/.test(contextValue)) throw invalid('Nieprawidłowy numer NIP kontekstu.');
		const encrypted = base64Field(body, 'encryptedToken');
		const publicKeyId = optionalString(body, 'publicKeyId', 44);
		const ch = challenges.get(challengeRef);
		if (!ch || ch.used || Date.now() - ch.timestampMs > CHALLENGE_TTL_MS) throw refuse(21111);
		checkPublicKeyId(publicKeyId, 'KsefTokenEncryption');
		ch.used = true;

		// A wrong token is not refused here: the operation ends in 450, as the status table shows.
		let outcome: KsefInvoiceStatus = AUTH.success;
		const plain = rsaOaepDecrypt(keys.KsefTokenEncryption.privateKey, encrypted)?.toString('utf8');
		const bar = plain?.lastIndexOf('|') ?? -1;
		if (plain === undefined || bar < 0 || plain.slice(0, bar) !== token) outcome = AUTH.badToken('Nieprawidłowy token');
		else if (plain.slice(bar + 1) !== String(ch.timestampMs)) outcome = AUTH.badToken('Nieprawidłowy czas tokena');
		else if (contextType !== 'Nip' || contextValue !== nip) outcome = AUTH.noPermissions;

		const ref = referenceNumber('AU');
		operations.set(ref, {
			referenceNumber: ref,
			startDate: new Date(),
			outcome,
			polls: 0,
			revealed: authPendingPolls === 0,
			redeemed: false
		});
		send(c.res, 202, { referenceNumber: ref, authenticationToken: issue('operation', ref, OPERATION_TOKEN_TTL_MS) });
	}

	function operationFor(c: Ctx, ref: string): AuthOperation {
		const t = bearer(c, 'operation');
		const op = operations.get(ref);
		if (!op || t.operation !== ref) {
			throw refuse(21304, `Operacja uwierzytelniania o numerze referencyjnym ${ref} nie została znaleziona.`);
		}
		return op;
	}

	function authStatus(c: Ctx, ref: string) {
		const op = operationFor(c, ref);
		if (!op.revealed && ++op.polls > authPendingPolls) op.revealed = true;
		send(c.res, 200, {
			startDate: iso(op.startDate),
			authenticationMethod: 'Token',
			authenticationMethodInfo: { category: 'Token', code: 'token.ksef', displayName: 'Token KSeF' },
			status: op.revealed ? op.outcome : AUTH.pending,
			isTokenRedeemed: op.redeemed,
			lastTokenRefreshDate: op.lastTokenRefreshDate ? iso(op.lastTokenRefreshDate) : null,
			refreshTokenValidUntil: op.refreshTokenValidUntil ? iso(op.refreshTokenValidUntil) : null
		});
	}

	function redeem(c: Ctx) {
		const t = bearer(c, 'operation');
		const op = operations.get(t.operation)!;
		if (op.redeemed) {
			throw refuse(21301, `Tokeny dla operacji uwierzytelniania ${op.referenceNumber} zostały już pobrane.`);
		}
		const shown = op.revealed ? op.outcome : AUTH.pending;
		if (shown.code !== 200) {
			throw refuse(21301, `Status uwierzytelniania (${shown.code}) nie pozwala na pobranie tokenów.`);
		}
		op.redeemed = true;
		const refreshToken = issue('refresh', op.referenceNumber, REFRESH_TOKEN_TTL_MS);
		op.refreshTokenValidUntil = new Date(refreshToken.validUntil);
		send(c.res, 200, { accessToken: issue('access', op.referenceNumber, accessTtlMs), refreshToken });
	}

	function refresh(c: Ctx) {
		const t = bearer(c, 'refresh');
		operations.get(t.operation)!.lastTokenRefreshDate = new Date();
		send(c.res, 200, { accessToken: issue('access', t.operation, accessTtlMs) });
	}

	// --- sessions ------------------------------------------------------------------------------

	function openSession(c: Ctx) {
		bearer(c, 'access');
		const body = jsonBody(c);
		const form = objectField(body, 'formCode');
		const encryption = objectField(body, 'encryption');
		const formCode = {
			systemCode: stringField(form, 'systemCode'),
			schemaVersion: stringField(form, 'schemaVersion'),
			value: stringField(form, 'value')
		};
		if (
			formCode.systemCode !== FA3_FORM.systemCode ||
			formCode.schemaVersion !== FA3_FORM.schemaVersion ||
			formCode.value !== FA3_FORM.value
		) {
			throw invalid('Wskazany kod formularza nie jest wspierany.');
		}
		const encryptedKey = base64Field(encryption, 'encryptedSymmetricKey');
		const iv = base64Field(encryption, 'initializationVector');
		if (iv.length !== 16) {
			throw invalid(`Nieprawidłowa długość wektora inicjującego (IV). Oczekiwano 16 bajtów, otrzymano ${iv.length}.`);
		}
		checkPublicKeyId(optionalString(encryption, 'publicKeyId', 44), 'SymmetricKeyEncryption');
		// A key that does not decrypt still opens the session, in status 415 (SessionStatusResponse).
		const key = rsaOaepDecrypt(keys.SymmetricKeyEncryption.privateKey, encryptedKey);
		const now = new Date();
		const ref = referenceNumber('SO', now);
		sessions.set(ref, {
			referenceNumber: ref,
			key: key?.length === 32 ? key : null,
			iv,
			dateCreated: now,
			dateUpdated: now,
			validUntil: new Date(now.getTime() + SESSION_TTL_MS),
			closed: false,
			closedPolls: 0,
			final: null,
			upoReference: null,
			invoices: []
		});
		send(c.res, 201, { referenceNumber: ref, validUntil: iso(new Date(now.getTime() + SESSION_TTL_MS)) });
	}

	function sessionFor(ref: string): Session {
		const s = sessions.get(ref);
		if (!s) throw refuse(21173, `Sesja o numerze referencyjnym ${ref} nie została odnaleziona.`);
		return s;
	}

	/** The session's status without advancing it. */
	function sessionStatusNow(s: Session): KsefInvoiceStatus {
		if (!s.key) return SESSION.keyError;
		if (s.final) return s.final;
		return s.closed ? SESSION.closed : SESSION.open;
	}

	function sendInvoice(c: Ctx, ref: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const status = sessionStatusNow(s);
		if (status.code !== 100 || Date.now() > s.validUntil.getTime()) {
			throw refuse(21180, `Status sesji ${status.code} uniemożliwia wysyłkę faktur.`);
		}
		const body = jsonBody(c);
		const invoiceHash = hashField(body, 'invoiceHash');
		const invoiceSize = intField(body, 'invoiceSize');
		const encryptedHash = hashField(body, 'encryptedInvoiceHash');
		const encryptedSize = intField(body, 'encryptedInvoiceSize');
		const content = base64Field(body, 'encryptedInvoiceContent');
		const offlineMode = body.offlineMode ?? false;
		if (typeof offlineMode !== 'boolean') throw invalid("Pole 'offlineMode' musi mieć wartość logiczną.");
		if (body.hashOfCorrectedInvoice !== undefined && body.hashOfCorrectedInvoice !== null) {
			hashField(body, 'hashOfCorrectedInvoice');
		}
		if (s.invoices.length >= MAX_INVOICES_PER_SESSION) {
			throw refuse(
				21155,
				`Sesja o numerze referencyjnym ${ref} osiągnęła dozwolony limit liczby faktur ${MAX_INVOICES_PER_SESSION}.`
			);
		}
		if (content.length !== encryptedSize) throw refuse(21402, 'Długość treści nie zgadza się z rozmiarem pliku.');
		if (sha256(content) !== encryptedHash) throw refuse(21403, 'Skrót treści nie zgadza się ze skrótem pliku.');
		let ciphertext = content;
		if (ivPrefix) {
			if (content.length < 32 || !timingSafeEqual(content.subarray(0, 16), s.iv)) {
				throw invalid(
					'Zaszyfrowana faktura musi zaczynać się od wektora inicjującego (IV) sesji, po którym następuje szyfrogram.'
				);
			}
			ciphertext = content.subarray(16);
		}
		let plain: Buffer | null;
		try {
			const decipher = createDecipheriv('aes-256-cbc', s.key!, s.iv);
			plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
		} catch {
			plain = null;
		}
		if (plain && plain.length !== invoiceSize) throw refuse(21402, 'Długość treści nie zgadza się z rozmiarem pliku.');
		if (plain && sha256(plain) !== invoiceHash) throw refuse(21403, 'Skrót treści nie zgadza się ze skrótem pliku.');

		const now = new Date();
		const invoiceRef = referenceNumber('EE', now);
		const xml = plain ? plain.toString('utf8') : '';
		const inv: SessionInvoice = {
			ordinalNumber: s.invoices.length + 1,
			referenceNumber: invoiceRef,
			invoiceHash,
			invoicingDate: now,
			offlineMode,
			outcome: INVOICE.decryption,
			observations: 0,
			revealed: false,
			entry: {
				sessionReference: ref,
				referenceNumber: invoiceRef,
				xml,
				invoiceHash,
				offlineMode,
				status: INVOICE.processing
			}
		};
		if (plain) judge(inv, plain, xml);
		s.invoices.push(inv);
		s.dateUpdated = now;
		invoices.push(inv.entry);
		if (invoicePendingPolls === 0) reveal(inv);
		send(c.res, 202, { referenceNumber: invoiceRef });
	}

	/** The invoice's result, decided now (so duplicates follow the order of sending) and shown after its pending polls. */
	function judge(inv: SessionInvoice, plain: Buffer, xml: string) {
		const fail = (status: KsefInvoiceStatus, ...details: string[]) => {
			inv.outcome = details.length ? { ...status, details } : status;
		};
		const rejection = rejections.find((r) => r.match(xml));
		if (rejection) return fail(rejection.status);
		if (plain[0] === 0xef && plain[1] === 0xbb && plain[2] === 0xbf) {
			return fail(INVOICE.semantics, 'Faktura zawiera znacznik BOM; wymagane jest kodowanie UTF-8 bez BOM.');
		}
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(plain);
		} catch {
			return fail(INVOICE.semantics, 'Treść faktury nie jest poprawnie zakodowana w UTF-8.');
		}
		const declaration = /^<\?xml\s[^?]*\?>/.exec(xml);
		const encoding = declaration && /encoding\s*=\s*["']([^"']+)["']/.exec(declaration[0]);
		if (encoding && encoding[1].toLowerCase() !== 'utf-8') {
			return fail(INVOICE.semantics, `Prolog XML wskazuje kodowanie inne niż UTF-8: ${encoding[1]}.`);
		}
		if (xml.slice(declaration ? declaration[0].length : 0).includes('<?')) {
			return fail(INVOICE.semantics, 'Faktura nie może zawierać instrukcji przetwarzania XML.');
		}
		if (FORBIDDEN_CHARS.test(xml)) return fail(INVOICE.semantics, 'Faktura zawiera niedozwolone znaki Unicode.');
		const form = /<(?:[\w.-]+:)?KodFormularza\b([^>]*)>([^<]*)</.exec(xml);
		if (
			!form ||
			!/kodSystemowy\s*=\s*"FA \(3\)"/.test(form[1]) ||
			!/wersjaSchemy\s*=\s*"1-0E"/.test(form[1]) ||
			form[2].trim() !== 'FA'
		) {
			return fail(
				INVOICE.semantics,
				'Faktura nie jest zgodna ze schematem zadeklarowanym przy otwarciu sesji: FA (3) 1-0E.'
			);
		}
		const schema = validateFa3(xml, referenceDataDir);
		if (schema && !schema.ok) {
			const errors = schema.output
				.split('\n')
				.filter((l) => l.trim() && !/fails to validate|validates$/.test(l))
				.map((l) => l.replace(/^.*?faktura\.xml:\d+:\s*/, ''));
			return fail(INVOICE.semantics, ...(errors.length ? errors : ['Nieprawidłowy XML']));
		}
		const sellerNip = pick(xml, 'Podmiot1', 'DaneIdentyfikacyjne', 'NIP');
		const invoiceNumber = pick(xml, 'Fa', 'P_2');
		const issueDate = pick(xml, 'Fa', 'P_1');
		const kind = pick(xml, 'Fa', 'RodzajFaktury');
		if (!sellerNip || !invoiceNumber || !issueDate || !/^\d{4}-\d{2}-\d{2}$/.test(issueDate) || !kind) {
			return fail(INVOICE.semantics, 'Nieprawidłowy XML');
		}
		if (/<(?:[\w.-]+:)?Zalacznik[\s>]/.test(xml)) return fail(INVOICE.attachment);
		if (sellerNip !== nip) {
			return fail(
				INVOICE.permissions,
				`Kontekst ${nip} nie ma uprawnień do wystawiania faktur sprzedawcy o numerze NIP ${sellerNip}.`
			);
		}
		if (issueDate > warsawDay(inv.invoicingDate)) {
			return fail(
				INVOICE.semantics,
				'Data wystawienia faktury (P_1) jest późniejsza niż data przyjęcia dokumentu do systemu KSeF.'
			);
		}
		// Duplicates: seller NIP, RodzajFaktury and P_2 (weryfikacja-faktury.md, "Unikalność faktury").
		const uniqueKey = `${sellerNip}|${kind}|${invoiceNumber}`;
		const original = accepted.get(uniqueKey);
		if (original) {
			const originalSession = original.entry.sessionReference;
			inv.outcome = {
				...INVOICE.duplicate,
				details: [
					`Duplikat faktury. Faktura o numerze KSeF: ${original.ksefNumber} została już prawidłowo przesłana do systemu w sesji: ${originalSession}`
				],
				extensions: { originalSessionReferenceNumber: originalSession, originalKsefNumber: original.ksefNumber! }
			};
			return;
		}
		const prefix = `${nip}-${warsawDay(inv.invoicingDate).replace(/-/g, '')}-${hex(6)}`;
		inv.ksefNumber = `${prefix}-${ksefNumberChecksum(prefix)}`;
		inv.invoiceNumber = invoiceNumber;
		inv.issueDate = issueDate;
		inv.sellerNip = sellerNip;
		inv.outcome = INVOICE.success;
		accepted.set(uniqueKey, inv);
	}

	function reveal(inv: SessionInvoice) {
		inv.revealed = true;
		inv.entry.status = inv.outcome;
		if (inv.ksefNumber) {
			inv.acquisitionDate = new Date(Math.max(Date.now(), inv.invoicingDate.getTime() + 1));
			inv.entry.ksefNumber = inv.ksefNumber;
		}
	}

	/** A status poll that reports the invoice: it shows 150 until the invoice's pending polls are used up. */
	function observe(inv: SessionInvoice) {
		if (!inv.revealed && ++inv.observations > invoicePendingPolls) reveal(inv);
	}

	const succeeded = (inv: SessionInvoice) => inv.revealed && inv.outcome.code === 200;

	function storageUrl(file: string) {
		const expires = new Date(Date.now() + UPO_LINK_TTL_MS);
		const se = iso(expires).replace(/\.\d{3}Z$/, 'Z');
		const sig = createHmac('sha256', secret).update(`${file}|${se}`).digest('base64');
		const query = new URLSearchParams({ sv: '2025-01-05', se, sr: 'b', sp: 'r', sig });
		return { url: `${origin}${file}?${query}`, expires: iso(expires) };
	}

	const invoiceUpoFile = (s: Session, inv: SessionInvoice) =>
		`/storage/01/${s.referenceNumber}/invoice-upo/upo_${inv.ksefNumber}.xml`;
	const sessionUpoFile = (s: Session) => `/storage/01/${s.referenceNumber}/session-upo/upo_00.xml`;

	function invoiceView(s: Session, inv: SessionInvoice) {
		const view: Record<string, unknown> = {
			ordinalNumber: inv.ordinalNumber,
			referenceNumber: inv.referenceNumber,
			invoiceHash: inv.invoiceHash,
			invoicingDate: iso(inv.invoicingDate),
			invoicingMode: inv.offlineMode ? 'Offline' : 'Online'
		};
		if (succeeded(inv)) {
			const upo = storageUrl(invoiceUpoFile(s, inv));
			Object.assign(view, {
				invoiceNumber: inv.invoiceNumber,
				ksefNumber: inv.ksefNumber,
				acquisitionDate: iso(inv.acquisitionDate!),
				permanentStorageDate: iso(new Date(inv.acquisitionDate!.getTime() + 1)),
				upoDownloadUrl: upo.url,
				upoDownloadUrlExpirationDate: upo.expires
			});
		}
		view.status = inv.revealed ? inv.outcome : INVOICE.processing;
		return view;
	}

	function sessionStatus(c: Ctx, ref: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		s.invoices.forEach(observe);
		if (s.key && s.closed && !s.final && ++s.closedPolls > sessionPendingPolls && s.invoices.every((i) => i.revealed)) {
			const ok = s.invoices.filter(succeeded).length;
			s.final = !s.invoices.length ? SESSION.cancelled : ok ? SESSION.processed : SESSION.noValidInvoices;
			if (ok) s.upoReference = referenceNumber('EU');
			s.dateUpdated = new Date();
		}
		const ok = s.invoices.filter(succeeded).length;
		const failed = s.invoices.filter((i) => i.revealed && i.outcome.code !== 200).length;
		const view: Record<string, unknown> = {
			status: sessionStatusNow(s),
			dateCreated: iso(s.dateCreated),
			dateUpdated: iso(s.dateUpdated),
			validUntil: iso(s.validUntil)
		};
		if (s.upoReference) {
			const upo = storageUrl(sessionUpoFile(s));
			view.upo = {
				pages: [{ referenceNumber: s.upoReference, downloadUrl: upo.url, downloadUrlExpirationDate: upo.expires }]
			};
		}
		// The counts are nullable; KSeF leaves out the ones that are zero.
		if (s.invoices.length) view.invoiceCount = s.invoices.length;
		if (ok) view.successfulInvoiceCount = ok;
		if (failed) view.failedInvoiceCount = failed;
		send(c.res, 200, view);
	}

	function sessionInvoices(c: Ctx, ref: string, failedOnly: boolean) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const sizeParam = c.url.searchParams.get('pageSize');
		const pageSize = sizeParam === null ? 10 : Number(sizeParam);
		if (!Number.isInteger(pageSize) || pageSize < 10 || pageSize > 1000) {
			throw invalid("Parametr 'pageSize' musi być liczbą całkowitą z zakresu 10–1000.");
		}
		let offset = 0;
		const continuation = c.req.headers['x-continuation-token'];
		if (typeof continuation === 'string' && continuation !== '') {
			try {
				const t = JSON.parse(Buffer.from(continuation, 'base64').toString('utf8')) as Record<string, unknown>;
				if (t.session !== ref || t.failed !== failedOnly || !Number.isInteger(t.offset)) throw new Error();
				offset = t.offset as number;
			} catch {
				throw refuse(21418);
			}
		}
		if (failedOnly) s.invoices.forEach(observe);
		const all = failedOnly ? s.invoices.filter((i) => i.revealed && i.outcome.code !== 200) : s.invoices;
		const page = all.slice(offset, offset + pageSize);
		if (!failedOnly) page.forEach(observe);
		const next = offset + pageSize < all.length;
		send(c.res, 200, {
			continuationToken: next
				? Buffer.from(JSON.stringify({ session: ref, failed: failedOnly, offset: offset + pageSize })).toString(
						'base64'
					)
				: null,
			invoices: page.map((i) => invoiceView(s, i))
		});
	}

	function invoiceFor(s: Session, invoiceRef: string): SessionInvoice {
		const inv = s.invoices.find((i) => i.referenceNumber === invoiceRef);
		if (!inv) {
			throw invalid(
				`Faktura o numerze referencyjnym ${invoiceRef} nie została odnaleziona w sesji ${s.referenceNumber}.`
			);
		}
		return inv;
	}

	function invoiceStatus(c: Ctx, ref: string, invoiceRef: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const inv = invoiceFor(s, invoiceRef);
		observe(inv);
		send(c.res, 200, invoiceView(s, inv));
	}

	function closeSession(c: Ctx, ref: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const status = sessionStatusNow(s);
		if (status.code !== 100) throw refuse(21180, `Status sesji ${status.code} uniemożliwia jej zamknięcie.`);
		s.closed = true;
		s.dateUpdated = new Date();
		c.res.writeHead(204);
		c.res.end();
	}

	// --- UPO -----------------------------------------------------------------------------------

	/** UPO v4-3 (faktury/upo/schemy/upo-v4-3.xsd), unsigned: KSeF's carries the Ministry's XAdES signature. */
	function upoXml(s: Session, docs: SessionInvoice[], page: boolean): string {
		const t = '\t';
		const documents = docs
			.map(
				(d) => `${t}<Dokument>
${t}${t}<NipSprzedawcy>${d.sellerNip}</NipSprzedawcy>
${t}${t}<NumerKSeFDokumentu>${d.ksefNumber}</NumerKSeFDokumentu>
${t}${t}<NumerFaktury>${escapeXml(d.invoiceNumber!)}</NumerFaktury>
${t}${t}<DataWystawieniaFaktury>${d.issueDate}</DataWystawieniaFaktury>
${t}${t}<DataPrzeslaniaDokumentu>${iso(d.invoicingDate)}</DataPrzeslaniaDokumentu>
${t}${t}<DataNadaniaNumeruKSeF>${iso(d.acquisitionDate!)}</DataNadaniaNumeruKSeF>
${t}${t}<SkrotDokumentu>${d.invoiceHash}</SkrotDokumentu>
${t}${t}<TrybWysylki>${d.offlineMode ? 'Offline' : 'Online'}</TrybWysylki>
${t}</Dokument>`
			)
			.join('\n');
		const description = page
			? `${t}<OpisPotwierdzenia>
${t}${t}<Strona>1</Strona>
${t}${t}<LiczbaStron>1</LiczbaStron>
${t}${t}<ZakresDokumentowOd>1</ZakresDokumentowOd>
${t}${t}<ZakresDokumentowDo>${docs.length}</ZakresDokumentowDo>
${t}${t}<CalkowitaLiczbaDokumentow>${docs.length}</CalkowitaLiczbaDokumentow>
${t}</OpisPotwierdzenia>
`
			: '';
		return `<?xml version="1.0" encoding="utf-8"?>
<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3">
${t}<NazwaPodmiotuPrzyjmujacego>Ministerstwo Finansów</NazwaPodmiotuPrzyjmujacego>
${t}<NumerReferencyjnySesji>${s.referenceNumber}</NumerReferencyjnySesji>
${t}<Uwierzytelnienie>
${t}${t}<IdKontekstu>
${t}${t}${t}<Nip>${nip}</Nip>
${t}${t}</IdKontekstu>
${t}${t}<NumerReferencyjnyTokenaKSeF>${tokenReference}</NumerReferencyjnyTokenaKSeF>
${t}</Uwierzytelnienie>
${description}${t}<NazwaStrukturyLogicznej>Schemat_FA(3)_v1-0E.xsd</NazwaStrukturyLogicznej>
${t}<KodFormularza>FA (3)</KodFormularza>
${documents}
</Potwierdzenie>
`;
	}

	function sendUpo(res: ServerResponse, xml: string) {
		send(res, 200, xml, 'application/xml', { 'x-ms-meta-hash': sha256(xml) });
	}

	const invoiceUpo = (s: Session, inv: SessionInvoice) => upoXml(s, [inv], false);
	const sessionUpo = (s: Session) => upoXml(s, s.invoices.filter(succeeded), true);

	function invoiceUpoByReference(c: Ctx, ref: string, invoiceRef: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const inv = invoiceFor(s, invoiceRef);
		if (!succeeded(inv)) throw refuse(21178, `UPO dla faktury ${invoiceRef} w sesji ${ref} nie zostało znalezione.`);
		sendUpo(c.res, invoiceUpo(s, inv));
	}

	function invoiceUpoByKsefNumber(c: Ctx, ref: string, ksefNumber: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		const inv = s.invoices.find((i) => succeeded(i) && i.ksefNumber === ksefNumber);
		if (!inv) {
			throw refuse(
				21178,
				`UPO o numerze KSeF ${ksefNumber} i numerze referencyjnym sesji ${ref} nie zostało znalezione.`
			);
		}
		sendUpo(c.res, invoiceUpo(s, inv));
	}

	function sessionUpoByReference(c: Ctx, ref: string, upoRef: string) {
		bearer(c, 'access');
		const s = sessionFor(ref);
		if (s.upoReference !== upoRef) {
			throw refuse(21178, `UPO o numerze referencyjnym ${upoRef} dla sesji ${ref} nie zostało znalezione.`);
		}
		sendUpo(c.res, sessionUpo(s));
	}

	/** The pre-signed download links: no access token (the docs say not to send it), a valid signature, not expired. */
	function storage(c: Ctx) {
		const fail = (status: number, code: string, message: string) =>
			send(
				c.res,
				status,
				`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`,
				'application/xml'
			);
		const file = c.url.pathname;
		const m = /^\/storage\/01\/([^/]+)\/(invoice-upo\/upo_(.+)|session-upo\/upo_00)\.xml$/.exec(file);
		const s = m ? sessions.get(m[1]) : undefined;
		const inv = m?.[3] ? s?.invoices.find((i) => succeeded(i) && i.ksefNumber === m[3]) : undefined;
		if (!s || (m![3] ? !inv : !s.upoReference)) {
			return fail(404, 'BlobNotFound', 'The specified blob does not exist.');
		}
		if (c.req.headers.authorization) {
			return fail(403, 'AuthenticationFailed', 'Adresu pobrania UPO nie wywołuje się z tokenem dostępowym.');
		}
		const se = c.url.searchParams.get('se') ?? '';
		const expected = createHmac('sha256', secret).update(`${file}|${se}`).digest('base64');
		if (c.url.searchParams.get('sig') !== expected) {
			return fail(403, 'AuthenticationFailed', 'Signature did not match.');
		}
		if (!(Date.parse(se) > Date.now())) return fail(403, 'AuthenticationFailed', 'Signed expiry time has passed.');
		sendUpo(c.res, inv ? invoiceUpo(s, inv) : sessionUpo(s));
	}

	// --- routing -------------------------------------------------------------------------------

	const REF = '([^/]+)';
	const routes: Array<{ method: string; pattern: RegExp; run: (c: Ctx, ...params: string[]) => void | Promise<void> }> =
		[
			{ method: 'GET', pattern: /^\/security\/public-key-certificates$/, run: publicKeyCertificates },
			{ method: 'POST', pattern: /^\/auth\/challenge$/, run: challenge },
			{ method: 'POST', pattern: /^\/auth\/ksef-token$/, run: ksefTokenAuth },
			{ method: 'POST', pattern: /^\/auth\/token\/redeem$/, run: redeem },
			{ method: 'POST', pattern: /^\/auth\/token\/refresh$/, run: refresh },
			{ method: 'GET', pattern: new RegExp(`^/auth/${REF}$`), run: authStatus },
			{ method: 'POST', pattern: /^\/sessions\/online$/, run: openSession },
			{ method: 'POST', pattern: new RegExp(`^/sessions/online/${REF}/invoices$`), run: sendInvoice },
			{ method: 'POST', pattern: new RegExp(`^/sessions/online/${REF}/close$`), run: closeSession },
			{ method: 'GET', pattern: new RegExp(`^/sessions/${REF}$`), run: sessionStatus },
			{
				method: 'GET',
				pattern: new RegExp(`^/sessions/${REF}/invoices$`),
				run: (c, r) => sessionInvoices(c, r, false)
			},
			{
				method: 'GET',
				pattern: new RegExp(`^/sessions/${REF}/invoices/failed$`),
				run: (c, r) => sessionInvoices(c, r, true)
			},
			{
				method: 'GET',
				pattern: new RegExp(`^/sessions/${REF}/invoices/ksef/${REF}/upo$`),
				run: invoiceUpoByKsefNumber
			},
			{ method: 'GET', pattern: new RegExp(`^/sessions/${REF}/invoices/${REF}$`), run: invoiceStatus },
			{ method: 'GET', pattern: new RegExp(`^/sessions/${REF}/invoices/${REF}/upo$`), run: invoiceUpoByReference },
			{ method: 'GET', pattern: new RegExp(`^/sessions/${REF}/upo/${REF}$`), run: sessionUpoByReference }
		];

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', origin);
		const api = url.pathname === '/v2' || url.pathname.startsWith('/v2/');
		const apiPath = api ? url.pathname.slice(3) || '/' : url.pathname;
		const method = (req.method ?? 'GET').toUpperCase();
		const log: KsefTestServer['requests'][number] = { method, path: apiPath, status: 0 };
		requests.push(log);
		res.once('finish', () => (log.status = res.statusCode));
		const c: Ctx = { req, res, url, body: await readBody(req) };
		if (unavailable) return serviceUnavailable(c);
		let fault = faults.find((f) => f.left > 0 && (!f.method || f.method === method) && f.path.test(apiPath));
		if (fault && fault.skip > 0) {
			fault.skip--;
			fault = undefined;
		}
		if (fault) {
			fault.left--;
			if (fault.respond === 'timeout') {
				log.status = 'timeout';
				return;
			}
			return fault.respond === 429 ? tooManyRequests(c, fault.retryAfter) : serviceUnavailable(c);
		}
		try {
			if (!api && url.pathname.startsWith('/storage/') && method === 'GET') return storage(c);
			const matches = api ? routes.map((r) => ({ r, m: r.pattern.exec(apiPath) })).filter((x) => x.m) : [];
			if (!matches.length) throw new Refusal(404, 0, ['Not Found']);
			const hit = matches.find((x) => x.r.method === method);
			if (!hit) {
				res.setHeader('allow', [...new Set(matches.map((x) => x.r.method))].join(', '));
				throw new Refusal(405, 0, ['Method Not Allowed']);
			}
			await hit.r.run(c, ...hit.m!.slice(1).map(decodeURIComponent));
		} catch (e) {
			if (e instanceof Refusal) return sendRefusal(c, e);
			throw e;
		}
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (res.headersSent) return res.destroy();
			send(res, 500, { title: 'Internal Server Error', status: 500, detail: String(e) }, 'application/problem+json');
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
	});
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url: `${origin}/v2`,
		nip,
		token,
		invoices,
		requests,
		inject(f) {
			faults.push({
				method: f.method?.toUpperCase(),
				path: f.path,
				respond: f.respond,
				retryAfter: f.retryAfterSeconds ?? 1,
				left: f.times ?? 1,
				skip: f.skip ?? 0
			});
		},
		rejectInvoices(match, status) {
			rejections.push({ match, status });
		},
		rotateKeys() {
			for (const usage of USAGES) {
				keys[usage] = serverKey(generateKeyPairSync('rsa', { modulusLength: 2048 }), usage);
			}
		},
		expireAccessTokens() {
			for (const t of tokens.values()) if (t.kind === 'access') t.revoked = true;
		},
		setUnavailable(down) {
			unavailable = down;
		},
		close() {
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	};
}
