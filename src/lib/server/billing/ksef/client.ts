import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { KsefApi, KsefError, type KsefApiOptions } from './api';
import { certificateKey, encryptInvoice, encryptKsefToken, sessionEncryption } from './crypto';

/** Public keys are read again after this long, or at once when KSeF refuses what one encrypted. */
const KEYS_TTL_MS = 6 * 3_600_000;
/** An access token this close to its end is refreshed first. */
const REFRESH_MARGIN_MS = 60_000;

export interface PublicKeyCertificate {
	certificate: string;
	certificateId: string;
	publicKeyId: string;
	validFrom: string;
	validTo: string;
	usage: ('KsefTokenEncryption' | 'SymmetricKeyEncryption')[];
}
interface TokenInfo {
	token: string;
	validUntil: string;
}
export interface StatusInfo {
	code: number;
	description: string;
	details?: string[];
	extensions?: Record<string, string | null>;
}
export interface SessionInvoiceStatus {
	ordinalNumber: number;
	referenceNumber: string;
	invoiceHash: string;
	ksefNumber?: string;
	acquisitionDate?: string;
	upoDownloadUrl?: string;
	status: StatusInfo;
}
export interface SessionStatus {
	status: StatusInfo;
	upo?: { pages: { referenceNumber: string; downloadUrl: string }[] };
	invoiceCount?: number;
	successfulInvoiceCount?: number;
	failedInvoiceCount?: number;
}

/** An open interactive session: its reference and the AES key its invoices are encrypted with. */
export interface OnlineSession {
	referenceNumber: string;
	validUntil: string;
	symmetricKey: Buffer;
	iv: Buffer;
}

/**
 * A KSeF 2.0 client for one seller (context NIP) authenticating with a KSeF token
 * (uwierzytelnianie.md §2.2), sending invoices in interactive sessions (sesja-interaktywna.md).
 * Keeps the public keys and the access/refresh tokens between calls.
 */
export class KsefClient {
	readonly api: KsefApi;
	private keys?: { fetchedAt: number; list: PublicKeyCertificate[] };
	private access?: TokenInfo;
	private refresh?: TokenInfo;

	constructor(
		apiOptions: KsefApiOptions,
		private readonly credentials: { nip: string; token: string },
		private readonly clock: Clock,
		private readonly poll: { intervalMs: number; attempts: number } = { intervalMs: 500, attempts: 20 },
		private readonly sleep: (ms: number) => Promise<unknown> = (ms) => new Promise((r) => setTimeout(r, ms))
	) {
		this.api = new KsefApi({ sleep, ...apiOptions });
	}

	/** The certificate for a use: valid now, the newest (during a planned rotation both are listed). */
	async publicKey(
		usage: PublicKeyCertificate['usage'][number],
		fresh = false
	): Promise<{ key: KeyObject; id: string }> {
		const now = this.clock.now().getTime();
		if (fresh || !this.keys || now - this.keys.fetchedAt > KEYS_TTL_MS)
			this.keys = {
				fetchedAt: now,
				list: await this.api.json<PublicKeyCertificate[]>('GET', '/security/public-key-certificates')
			};
		const usable = this.keys.list
			.filter((c) => c.usage.includes(usage) && Date.parse(c.validFrom) <= now && now <= Date.parse(c.validTo))
			.sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
		const cert = usable[0];
		if (!cert) {
			if (!fresh) return this.publicKey(usage, true);
			throw new KsefError(`KSeF nie udostępnia ważnego klucza publicznego (${usage}).`, 'refused');
		}
		return { key: certificateKey(cert.certificate), id: cert.publicKeyId };
	}

	/** Runs `fn` with the public key, and once more with freshly read keys if KSeF refuses it (a rotated key). */
	private async withKey<T>(
		usage: PublicKeyCertificate['usage'][number],
		fn: (k: { key: KeyObject; id: string }) => Promise<T>
	): Promise<T> {
		const first = await this.publicKey(usage);
		try {
			return await fn(first);
		} catch (e) {
			if (!(e instanceof KsefError) || e.kind !== 'refused' || e.details.status !== 400) throw e;
			const fresh = await this.publicKey(usage, true);
			if (fresh.id === first.id) throw e;
			return fn(fresh);
		}
	}

	/** challenge → encrypted token → status polled until 200 → access and refresh tokens. */
	async authenticate(): Promise<void> {
		const started = await this.withKey('KsefTokenEncryption', async ({ key, id }) => {
			const challenge = await this.api.json<{ challenge: string; timestampMs: number }>('POST', '/auth/challenge');
			return this.api.json<{ referenceNumber: string; authenticationToken: TokenInfo }>('POST', '/auth/ksef-token', {
				body: {
					challenge: challenge.challenge,
					contextIdentifier: { type: 'Nip', value: this.credentials.nip },
					encryptedToken: encryptKsefToken(key, this.credentials.token, challenge.timestampMs),
					publicKeyId: id
				}
			});
		});
		const bearer = started.authenticationToken.token;
		for (let i = 0; ; i++) {
			const s = await this.api.json<{ status: StatusInfo }>('GET', `/auth/${started.referenceNumber}`, { bearer });
			if (s.status.code === 200) break;
			if (s.status.code !== 100)
				throw new KsefError(
					`KSeF odmówił uwierzytelnienia (kod ${s.status.code}): ${[s.status.description, ...(s.status.details ?? [])].join(' ')}`,
					'refused',
					{ code: s.status.code }
				);
			if (i + 1 >= this.poll.attempts)
				throw new KsefError('Uwierzytelnianie w KSeF trwa zbyt długo; ponowimy.', 'unavailable');
			await this.sleep(this.poll.intervalMs);
		}
		const tokens = await this.api.json<{ accessToken: TokenInfo; refreshToken: TokenInfo }>(
			'POST',
			'/auth/token/redeem',
			{ bearer }
		);
		this.access = tokens.accessToken;
		this.refresh = tokens.refreshToken;
	}

	/** A usable access token: the kept one, a refreshed one before it ends, or a new authentication. */
	async accessToken(): Promise<string> {
		const now = this.clock.now().getTime();
		if (this.access && Date.parse(this.access.validUntil) - REFRESH_MARGIN_MS > now) return this.access.token;
		if (this.refresh && Date.parse(this.refresh.validUntil) > now) {
			try {
				const r = await this.api.json<{ accessToken: TokenInfo }>('POST', '/auth/token/refresh', {
					bearer: this.refresh.token
				});
				this.access = r.accessToken;
				return this.access.token;
			} catch (e) {
				if (!(e instanceof KsefError) || (e.kind !== 'unauthorized' && e.kind !== 'refused')) throw e;
				this.refresh = undefined;
			}
		}
		await this.authenticate();
		return this.access!.token;
	}

	/** An authorised call; a 401 (token revoked or expired early) refreshes and tries once more. */
	private async authorised<T>(fn: (bearer: string) => Promise<T>): Promise<T> {
		try {
			return await fn(await this.accessToken());
		} catch (e) {
			if (!(e instanceof KsefError) || e.kind !== 'unauthorized') throw e;
			this.access = undefined;
			return fn(await this.accessToken());
		}
	}

	async openSession(): Promise<OnlineSession> {
		return this.withKey('SymmetricKeyEncryption', async ({ key, id }) => {
			const enc = sessionEncryption(key);
			const r = await this.authorised((bearer) =>
				this.api.json<{ referenceNumber: string; validUntil: string }>('POST', '/sessions/online', {
					bearer,
					body: {
						formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
						encryption: {
							encryptedSymmetricKey: enc.encryptedSymmetricKey,
							initializationVector: enc.initializationVector,
							publicKeyId: id
						}
					}
				})
			);
			return { ...r, symmetricKey: enc.symmetricKey, iv: enc.iv };
		});
	}

	/** Sends one FA(3) document; resolves with the invoice's reference number in the session. */
	async sendInvoice(session: OnlineSession, xml: Buffer, offlineMode: boolean): Promise<string> {
		const body = { ...encryptInvoice(xml, session.symmetricKey, session.iv), offlineMode };
		const r = await this.authorised((bearer) =>
			this.api.json<{ referenceNumber: string }>('POST', `/sessions/online/${session.referenceNumber}/invoices`, {
				bearer,
				body
			})
		);
		return r.referenceNumber;
	}

	closeSession(reference: string): Promise<void> {
		return this.authorised((bearer) => this.api.json('POST', `/sessions/online/${reference}/close`, { bearer }));
	}

	sessionStatus(reference: string): Promise<SessionStatus> {
		return this.authorised((bearer) => this.api.json('GET', `/sessions/${reference}`, { bearer }));
	}

	invoiceStatus(session: string, invoice: string): Promise<SessionInvoiceStatus> {
		return this.authorised((bearer) => this.api.json('GET', `/sessions/${session}/invoices/${invoice}`, { bearer }));
	}

	/** Every invoice KSeF received in a session (after a crash: which of ours arrived). */
	async sessionInvoices(session: string): Promise<SessionInvoiceStatus[]> {
		const all: SessionInvoiceStatus[] = [];
		let continuation: string | undefined;
		do {
			const page = await this.authorised((bearer) =>
				this.api.json<{ invoices: SessionInvoiceStatus[]; continuationToken?: string }>(
					'GET',
					`/sessions/${session}/invoices?pageSize=100`,
					{ bearer, headers: continuation ? { 'x-continuation-token': continuation } : undefined }
				)
			);
			all.push(...page.invoices);
			continuation = page.continuationToken ?? undefined;
		} while (continuation);
		return all;
	}

	/** The invoice's UPO: from its download link (no token) or the API path. */
	invoiceUpo(session: string, invoice: SessionInvoiceStatus): Promise<string> {
		if (invoice.upoDownloadUrl) return this.api.xml(invoice.upoDownloadUrl);
		return this.authorised((bearer) =>
			this.api.xml(`/sessions/${session}/invoices/${invoice.referenceNumber}/upo`, bearer)
		);
	}

	sessionUpo(session: string, upoReference: string): Promise<string> {
		return this.authorised((bearer) => this.api.xml(`/sessions/${session}/upo/${upoReference}`, bearer));
	}
}
