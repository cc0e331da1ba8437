import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Notifier } from '../db/database';

interface Entry {
	at: number;
	groupId: string;
	status: number;
	headers: [string, string][];
	body: string;
	/** The same, as node:http sends it: headers flattened, body encoded once. */
	raw: { headers: string[]; body: Buffer; etag: string | null };
}

/**
 * What anonymous visitors get for a group's feed or a post's page is the same for all of them, so
 * each instance keeps the rendered response for a moment. Any change in the group (a post, a comment, new
 * counts — from any instance, via the notifier) drops that group's entries at once; the short
 * age limit bounds what no event announces (view counts).
 */
export class AnonymousPageCache {
	private entries = new Map<string, Entry>();

	constructor(
		notifier: Notifier,
		private readonly maxAgeMs: number,
		private readonly maxEntries = 2000
	) {
		notifier.subscribe((event) => {
			if (event.type !== 'message') this.forgetGroup(event.groupId);
		});
	}

	get enabled() {
		return this.maxAgeMs > 0;
	}

	get(key: string): Response | null {
		const e = this.fresh(key);
		return e && new Response(e.body, { status: e.status, headers: [...e.headers, ['x-cache', 'hit']] });
	}

	/**
	 * Answers a stored page straight on node:http, before SvelteKit turns the request into a `Request`
	 * and back (most of a hit's cost): only a plain anonymous GET whose page is stored. Returns what
	 * it answered (null: nothing; everything else goes the usual way, where the hooks decide).
	 */
	answer(req: IncomingMessage, res: ServerResponse): CacheablePage | null {
		if (!this.enabled || req.method !== 'GET' || !req.url) return null;
		const { cookie, authorization } = req.headers;
		if (cookie && /(?:^|;)\s*sid=/.test(cookie)) return null;
		if (authorization !== undefined && req.url.startsWith('/api/')) return null;
		const page = anonymousCacheKey('GET', new URL(req.url, 'http://localhost'));
		const e = page && this.fresh(page.key);
		if (!e) return null;
		if (e.raw.etag && req.headers['if-none-match'] === e.raw.etag) {
			res.writeHead(304, ['etag', e.raw.etag, 'x-cache', 'hit']);
			res.end();
		} else {
			res.writeHead(e.status, e.raw.headers);
			res.end(e.raw.body);
		}
		return page;
	}

	private fresh(key: string): Entry | null {
		const e = this.entries.get(key);
		if (!e) return null;
		if (performance.now() - e.at > this.maxAgeMs) {
			this.entries.delete(key);
			return null;
		}
		return e;
	}

	/** Keeps a successful response and returns an equivalent one to send. */
	async put(key: string, groupId: string, response: Response): Promise<Response> {
		if (!this.enabled || response.status !== 200 || response.headers.has('set-cookie')) return response;
		const body = await response.text();
		const headers = [...response.headers.entries()];
		if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		const bytes = Buffer.from(body);
		const raw = {
			headers: [
				...headers.filter(([name]) => name !== 'content-length').flat(),
				...['content-length', String(bytes.length), 'x-cache', 'hit']
			],
			body: bytes,
			etag: response.headers.get('etag')
		};
		this.entries.set(key, { at: performance.now(), groupId, status: response.status, headers, body, raw });
		return new Response(body, { status: response.status, headers });
	}

	forgetGroup(groupId: string) {
		for (const [key, e] of this.entries) if (e.groupId === groupId) this.entries.delete(key);
	}
}

/** The query parameters each cacheable page reads; any other parameter changes nothing on it. */
const pageParams = {
	html: ['kategoria', 'kursor', 'jednostka', 'miejsce'],
	json: ['category', 'cursor', 'limit']
};

export interface CacheablePage {
	slug: string;
	key: string;
	/** A post's page (whose views are counted on every hit, `web/cached-pages.ts`); else a feed. */
	postId: string | null;
}

/**
 * The cache key and group slug of a cacheable anonymous request (a feed, a post's page), or null.
 * Parameters the page does not read are left out of the key (`?x=1` is the same page, not a way
 * around the cache); a search (`q`) is not kept.
 */
export function anonymousCacheKey(method: string, url: URL): CacheablePage | null {
	if (method !== 'GET' || url.searchParams.has('q')) return null;
	const post = /^\/g\/([a-z0-9-]+)\/p\/([1-9]\d{0,17})$/.exec(url.pathname);
	if (post) return { slug: post[1], key: url.pathname, postId: post[2] };
	const m = /^\/(?:g\/([a-z0-9-]+)|api\/v1\/groups\/([a-z0-9-]+)\/posts)$/.exec(url.pathname);
	if (!m) return null;
	const known = new URLSearchParams();
	for (const name of m[1] ? pageParams.html : pageParams.json) {
		const value = url.searchParams.get(name);
		if (value !== null) known.set(name, value);
	}
	const query = known.toString();
	return { slug: m[1] ?? m[2], key: query ? `${url.pathname}?${query}` : url.pathname, postId: null };
}
