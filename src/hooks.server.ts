import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { assertBodyWithinLimit, bodyLimit } from '$lib/server/body-limits';
import { AppError } from '$lib/server/errors';
import { requestFingerprint, runOnce } from '$lib/server/idempotency';
import { actorForApiToken, actorForSession } from '$lib/server/auth/sessions';
import { cacheableFeedSlug } from '$lib/server/cache/anonymous-pages';
import { getGroupForReading } from '$lib/server/groups/groups';
import { apiError, SESSION_COOKIE } from '$lib/server/http';
import { log } from '$lib/server/log';
import { runtime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const rt = await runtime();
	event.locals.rt = rt;
	event.locals.ctx = rt.ctx;
	event.locals.sessionToken = null;
	event.locals.actor = null;
	const auth = event.request.headers.get('authorization');
	if (event.url.pathname.startsWith('/api/') && auth?.startsWith('Bearer ')) {
		event.locals.actor = await actorForApiToken(rt.ctx, auth.slice(7).trim());
	} else {
		const token = event.cookies.get(SESSION_COOKIE) ?? null;
		if (token) {
			event.locals.actor = await actorForSession(rt.ctx, token);
			event.locals.sessionToken = event.locals.actor ? token : null;
		}
	}
	try {
		// Before any of the body is read: anonymous requests stay small, files only where expected.
		assertBodyWithinLimit(event.request.method, event.request.headers, bodyLimit(event.url.pathname, event.request.headers.get('content-type'), !!event.locals.actor));
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		const response = event.url.pathname.startsWith('/api/') ? apiError(e) : new Response(e.message, { status: e.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		return withSecurityHeaders(response);
	}
	const idempotencyKey = event.request.headers.get('idempotency-key');
	if (idempotencyKey !== null && event.locals.actor && event.url.pathname.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method)) {
		const fingerprint = requestFingerprint(event.request.method, event.url.pathname + event.url.search, await event.request.clone().text());
		return withSecurityHeaders(await runOnce(rt.ctx, event.locals.actor.id, idempotencyKey, fingerprint, async () => resolve(event)).catch(apiError));
	}
	const slug = event.locals.actor || event.request.headers.has('authorization') || !rt.pageCache.enabled ? null : cacheableFeedSlug(event.request.method, event.url);
	if (!slug) return withSecurityHeaders(await resolve(event));
	const key = event.url.pathname + event.url.search;
	const hit = rt.pageCache.get(key);
	if (hit) return hit;
	const group = await getGroupForReading(rt.ctx.db, slug).catch(() => null);
	const response = withSecurityHeaders(await resolve(event));
	return group ? rt.pageCache.put(key, group.group.id, response) : response;
};

function withSecurityHeaders(response: Response): Response {
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) log.error({ err: error, path: event.url.pathname }, 'Unhandled error');
	return { message: status === 404 ? 'Nie znaleziono strony.' : 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.', code: status === 404 ? 'not_found' : 'internal' };
};
