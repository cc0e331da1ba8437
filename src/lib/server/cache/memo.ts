/**
 * Remembers a computed value per key for `ttlMs` (per process). For public aggregates that change
 * at most once a minute (the statistics job's pace), so popular pages do not recompute them per view.
 * A failed computation is not remembered.
 */
export function memo<T>(ttlMs: number, maxEntries = 1000) {
	const entries = new Map<string, { at: number; value: Promise<T> }>();
	const get = (key: string, now: number, compute: () => Promise<T>): Promise<T> => {
		const hit = entries.get(key);
		if (hit && now - hit.at < ttlMs) return hit.value;
		if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
		const value = compute();
		entries.set(key, { at: now, value });
		value.catch(() => entries.delete(key));
		return value;
	};
	/** Forgets everything, after a change the pages must show at once. */
	get.clear = () => entries.clear();
	/** Forgets one key. */
	get.forget = (key: string) => entries.delete(key);
	return get;
}
