import { setTimeout as sleep } from 'node:timers/promises';

/** KSeF 2.0 API per environment (srodowiska.md); the operator may point the client elsewhere (a test server). */
export const KSEF_API_URLS = {
	TE: 'https://api-test.ksef.mf.gov.pl/v2',
	DEMO: 'https://api-demo.ksef.mf.gov.pl/v2',
	PRD: 'https://api.ksef.mf.gov.pl/v2'
} as const;
export type KsefEnvironment = keyof typeof KSEF_API_URLS;

/**
 * What went wrong talking to KSeF. `unavailable`: no answer, a timeout or 5xx (whether a request
 * arrived is unknown); `rate_limited`: 429 past what we wait for; `refused`: KSeF answered no (4xx
 * with its exception code and text); `unauthorized`: 401 (the access token expired or was revoked).
 */
export class KsefError extends Error {
	constructor(
		message: string,
		readonly kind: 'unavailable' | 'rate_limited' | 'refused' | 'unauthorized',
		readonly details: { status?: number; code?: number; retryAfterMs?: number } = {}
	) {
		super(message);
		this.name = 'KsefError';
	}
}

export interface KsefApiOptions {
	baseUrl: string;
	/** A request without an answer this long is given up as `unavailable`. */
	timeoutMs?: number;
	/** A 429 asking to wait at most this long is waited out and tried again (limity-api.md); longer ones are thrown. */
	maxRetryAfterMs?: number;
	sleep?: (ms: number) => Promise<unknown>;
}

type Problem = {
	exception?: { exceptionDetailList?: { exceptionCode?: number; exceptionDescription?: string; details?: string[] }[] };
	status?: { code?: number; description?: string; details?: string[] } | number;
	title?: string;
	detail?: string;
};

/** The JSON/XML transport: one request, Bearer when given, 429 honoured, errors as KsefError. */
export class KsefApi {
	readonly baseUrl: string;
	private readonly timeoutMs: number;
	private readonly maxRetryAfterMs: number;
	private readonly sleep: (ms: number) => Promise<unknown>;

	constructor(opts: KsefApiOptions) {
		this.baseUrl = opts.baseUrl.replace(/\/$/, '');
		this.timeoutMs = opts.timeoutMs ?? 30_000;
		this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
		this.sleep = opts.sleep ?? ((ms) => sleep(ms));
	}

	async json<T>(
		method: 'GET' | 'POST',
		path: string,
		opts: { bearer?: string; body?: unknown; headers?: Record<string, string> } = {}
	): Promise<T> {
		const res = await this.request(method, `${this.baseUrl}${path}`, {
			bearer: opts.bearer,
			headers: opts.headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
			accept: 'application/json'
		});
		const text = await res.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** An XML document (UPO) from an API path or from an absolute download URL (sent without the token). */
	async xml(pathOrUrl: string, bearer?: string): Promise<string> {
		const absolute = /^https?:\/\//.test(pathOrUrl);
		const res = await this.request('GET', absolute ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`, {
			bearer: absolute ? undefined : bearer,
			accept: 'application/xml'
		});
		return res.text();
	}

	private async request(
		method: string,
		url: string,
		opts: { bearer?: string; body?: string; accept: string; headers?: Record<string, string> }
	): Promise<Response> {
		for (let attempt = 1; ; attempt++) {
			let res: Response;
			try {
				res = await fetch(url, {
					method,
					headers: {
						...opts.headers,
						accept: opts.accept,
						...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
						...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {})
					},
					body: opts.body,
					signal: AbortSignal.timeout(this.timeoutMs)
				});
			} catch (e) {
				const timedOut = (e as Error).name === 'TimeoutError';
				throw new KsefError(
					timedOut
						? `KSeF nie odpowiedział w ${Math.round(this.timeoutMs / 1000)} s (${method} ${pathOf(url)}).`
						: `Brak połączenia z KSeF (${method} ${pathOf(url)}): ${(e as Error).message}`,
					'unavailable'
				);
			}
			if (res.ok) return res;
			const problem = await res
				.text()
				.then((t) => (t ? (JSON.parse(t) as Problem) : {}))
				.catch(() => ({}) as Problem);
			if (res.status === 429) {
				const retryAfterMs = retryAfter(res.headers.get('retry-after'));
				if (retryAfterMs <= this.maxRetryAfterMs && attempt <= 3) {
					await this.sleep(retryAfterMs);
					continue;
				}
				throw new KsefError(
					`KSeF ogranicza liczbę żądań: ponowimy za ${Math.ceil(retryAfterMs / 1000)} s.`,
					'rate_limited',
					{ status: 429, retryAfterMs }
				);
			}
			const { code, text } = describe(problem);
			const where = `${method} ${pathOf(url)}`;
			if (res.status === 401)
				throw new KsefError(`KSeF: brak dostępu (${where}, HTTP 401)${text ? `: ${text}` : ''}`, 'unauthorized', {
					status: 401
				});
			if (res.status >= 500)
				throw new KsefError(`KSeF jest niedostępny (${where}, HTTP ${res.status}).`, 'unavailable', {
					status: res.status
				});
			throw new KsefError(
				`KSeF odrzucił żądanie (${where}, HTTP ${res.status})${code ? `, kod ${code}` : ''}${text ? `: ${text}` : ''}`,
				'refused',
				{ status: res.status, code }
			);
		}
	}
}

const pathOf = (url: string) => new URL(url).pathname;

/** Retry-After in seconds or as an HTTP date; without one, 30 s (the example in limity-api.md). */
function retryAfter(header: string | null): number {
	if (!header) return 30_000;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(header);
	return Number.isNaN(at) ? 30_000 : Math.max(0, at - Date.now());
}

/** The exception code and text of ExceptionResponse, a problem+json or a status object. */
export function describe(p: Problem): { code?: number; text: string } {
	const detail = p.exception?.exceptionDetailList?.[0];
	if (detail)
		return {
			code: detail.exceptionCode,
			text: [detail.exceptionDescription, ...(detail.details ?? [])].filter(Boolean).join(' ')
		};
	if (p.status && typeof p.status === 'object')
		return {
			code: p.status.code,
			text: [p.status.description, ...(p.status.details ?? [])].filter(Boolean).join(' ')
		};
	return { text: [p.title, p.detail].filter(Boolean).join(': ') };
}
