import type { Notifier } from '../db/database';

interface Entry {
	at: number;
	groupId: string;
	value: Promise<unknown>;
}

/**
 * A group's feed pages as every reader gets them (posts, counts, images — nothing of the viewer's),
 * kept per process for a moment and shared by anonymous and signed-in readers; each reader's own
 * part (their reactions, promotions they dismissed, their standing) is read apart, per request.
 * Any change in the group, from any instance, drops its pages (the notifier); the age limit bounds
 * what no event announces. Someone who has just written (a post, a comment, a reaction) reads past
 * the cache for a few seconds, so they see their change even before its event arrives.
 */
export class FeedRowCache {
	private entries = new Map<string, Entry>();
	private writers = new Map<string, number>();

	constructor(
		notifier: Notifier,
		private readonly maxAgeMs: number,
		private readonly maxEntries = 2000,
		private readonly writerWindowMs = 10_000
	) {
		notifier.subscribe((event) => {
			if (event.type !== 'message') this.forgetGroup(event.groupId);
		});
	}

	/** The page under `key` of the group, computed by `load` when it is not kept (or is too old). */
	get<T>(groupId: string, key: string, viewerId: string | undefined, load: () => Promise<T>): Promise<T> {
		if (this.maxAgeMs <= 0 || (viewerId && this.justWrote(viewerId))) return load();
		const now = performance.now();
		const hit = this.entries.get(key);
		if (hit && now - hit.at <= this.maxAgeMs) return hit.value as Promise<T>;
		if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		const value = load();
		this.entries.set(key, { at: now, groupId, value });
		value.catch(() => this.entries.delete(key));
		return value;
	}

	/** The person changed something: their next reads, for a few seconds, see the database itself. */
	wrote(userId: string) {
		if (this.writers.size >= 10_000) this.writers.delete(this.writers.keys().next().value!);
		this.writers.delete(userId);
		this.writers.set(userId, performance.now());
	}

	/** Whether the person changed something in the last few seconds (they read the primary database). */
	justWrote(userId: string): boolean {
		const at = this.writers.get(userId);
		if (at === undefined) return false;
		if (performance.now() - at <= this.writerWindowMs) return true;
		this.writers.delete(userId);
		return false;
	}

	forgetGroup(groupId: string) {
		for (const [key, e] of this.entries) if (e.groupId === groupId) this.entries.delete(key);
	}
}
