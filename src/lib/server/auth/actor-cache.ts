import type { Actor } from '../core/context';
import type { SignInChanges } from '../db/database';

/** How long a process trusts what it read of a sign-in, should an announcement be lost. */
export const ACTOR_CACHE_MS = 30_000;

interface Entry {
	actor: Actor;
	at: number;
	/** The session's own end; null for API tokens, which last until revoked. */
	until: Date | null;
}

/**
 * Who a session or API token belongs to, kept per process for a few seconds, so a signed-in read
 * costs one query less. Database triggers announce every change that ends a sign-in or changes the
 * person (sign-out, revoked token, erased account, new name or rights) and the person's entries go
 * at once, in every process; a lookup that was under way while such a change came is not kept.
 * Failed lookups are never kept (a guessed token costs its query every time).
 */
export class ActorCache {
	private entries = new Map<string, Entry>();
	private keysOf = new Map<string, Set<string>>();
	private generation = 0;

	constructor(
		changes: SignInChanges,
		private readonly maxAgeMs: number,
		private readonly maxEntries = 10_000
	) {
		changes.subscribe((userId) => (userId === null ? this.clear() : this.forgetUser(userId)));
	}

	async get(
		key: string,
		now: Date,
		load: () => Promise<{ actor: Actor; until: Date | null } | null>
	): Promise<Actor | null> {
		const hit = this.entries.get(key);
		if (hit && performance.now() - hit.at <= this.maxAgeMs && (hit.until === null || hit.until > now)) return hit.actor;
		if (hit) this.delete(key);
		const generation = this.generation;
		const found = await load();
		if (found && generation === this.generation && this.maxAgeMs > 0) this.put(key, found.actor, found.until);
		return found?.actor ?? null;
	}

	forgetUser(userId: string) {
		this.generation++;
		for (const key of this.keysOf.get(userId) ?? []) this.entries.delete(key);
		this.keysOf.delete(userId);
	}

	clear() {
		this.generation++;
		this.entries.clear();
		this.keysOf.clear();
	}

	private put(key: string, actor: Actor, until: Date | null) {
		if (this.entries.size >= this.maxEntries) this.delete(this.entries.keys().next().value!);
		this.entries.set(key, { actor, at: performance.now(), until });
		let keys = this.keysOf.get(actor.id);
		if (!keys) this.keysOf.set(actor.id, (keys = new Set()));
		keys.add(key);
	}

	private delete(key: string) {
		const e = this.entries.get(key);
		if (!e) return;
		this.entries.delete(key);
		const keys = this.keysOf.get(e.actor.id);
		keys?.delete(key);
		if (keys?.size === 0) this.keysOf.delete(e.actor.id);
	}
}
