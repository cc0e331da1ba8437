import type { Notifier } from '../db/database';

interface Entry {
	at: number;
	groupId: string;
	status: number;
	headers: [string, string][];
	body: string;
}

/**
 * What anonymous visitors get for a group's feed is the same for all of them, so each instance
 * keeps the rendered response for a moment. Any change in the group (a post, a comment, new
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
		notifier.subscribe((event) => this.forgetGroup(event.groupId));
	}

	get enabled() {
		return this.maxAgeMs > 0;
	}

	get(key: string): Response | null {
		const e = this.entries.get(key);
		if (!e) return null;
		if (performance.now() - e.at > this.maxAgeMs) {
			this.entries.delete(key);
			return null;
		}
		return new Response(e.body, { status: e.status, headers: [...e.headers, ['x-cache', 'hit']] });
	}

	/** Keeps a successful response and returns an equivalent one to send. */
	async put(key: string, groupId: string, response: Response): Promise<Response> {
		if (!this.enabled || response.status !== 200 || response.headers.has('set-cookie')) return response;
		const body = await response.text();
		const headers = [...response.headers.entries()];
		if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		this.entries.set(key, { at: performance.now(), groupId, status: response.status, headers, body });
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

/**
 * The cache key and group slug of a cacheable anonymous feed request, or null. Parameters the page
 * does not read are left out of the key (`?x=1` is the same page, not a way around the cache);
 * a search (`q`) is not kept.
 */
export function anonymousCacheKey(method: string, url: URL): { slug: string; key: string } | null {
	if (method !== 'GET' || url.searchParams.has('q')) return null;
	const m = /^\/(?:g\/([a-z0-9-]+)|api\/v1\/groups\/([a-z0-9-]+)\/posts)$/.exec(url.pathname);
	if (!m) return null;
	const known = new URLSearchParams();
	for (const name of m[1] ? pageParams.html : pageParams.json) {
		const value = url.searchParams.get(name);
		if (value !== null) known.set(name, value);
	}
	const query = known.toString();
	return { slug: m[1] ?? m[2], key: query ? `${url.pathname}?${query}` : url.pathname };
}
