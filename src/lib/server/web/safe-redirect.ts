const BASE = 'http://tablica.invalid';

/** A backslash or a control character (tab, newline, NUL, DEL…): browsers skip or bend them. */
const suspicious = (s: string) => [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to send someone after an action (`?dalej=`): only a path on this site, else `fallback`.
 * Browsers read `/\host`, `/\t/host` and the like as another host, and servers in front may decode
 * `%5C` or `%2F`, so anything with a backslash or a control character (raw or percent-encoded),
 * or starting with two slashes after decoding, is refused rather than repaired.
 */
export function safeRedirectPath(next: unknown, fallback = '/'): string {
	if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
	if (!next.startsWith('/') || suspicious(next)) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(next);
	} catch {
		return fallback;
	}
	if (suspicious(decoded) || decoded.startsWith('//') || next.startsWith('//')) return fallback;
	const url = new URL(next, BASE);
	if (url.origin !== BASE) return fallback;
	return url.pathname + url.search + url.hash;
}
