import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { actorForApiToken, actorForSession } from '$lib/server/auth/sessions';
import { cacheableFeedSlug } from '$lib/server/cache/anonymous-pages';
import { getGroupForReading } from '$lib/server/groups/groups';
import { AppError } from '$lib/server/errors';
import { apiError, SESSION_COOKIE } from '$lib/server/http';
import { assertNoNul } from '$lib/server/input';
import { log } from '$lib/server/log';
import { runtime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async ({ event, resolve }) => {
	try {
		await assertNoNul(event.request, event.url);
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		if (event.url.pathname.startsWith('/api/')) return withSecurityHeaders(apiError(e));
		error(e.status, { message: e.message, code: e.code });
	}
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
