import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Actor } from './context';
import { VISITOR_COOKIE } from './http';

/** Who counts as one viewer: the signed-in user, or an anonymous visitor's cookie. */
export function viewerKey(actor: Actor | null, cookies: Cookies, secure: boolean): string {
	if (actor) return `user:${actor.id}`;
	let visitor = cookies.get(VISITOR_COOKIE);
	if (!visitor || !/^[\w-]{16,64}$/.test(visitor)) {
		visitor = randomBytes(16).toString('base64url');
		cookies.set(VISITOR_COOKIE, visitor, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
	}
	return `anon:${visitor}`;
}
