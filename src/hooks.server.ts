import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { assertBodyWithinLimit, bodyLimit } from '$lib/server/web/body-limits';
import { requestFingerprint, runOnce } from '$lib/server/limits/idempotency';
import { actorForApiToken, actorForSession } from '$lib/server/auth/sessions';
import { anonymousCacheKey } from '$lib/server/cache/anonymous-pages';
import { clientAddress } from '$lib/server/core/client-address';
import { getGroupForReading } from '$lib/server/groups/groups';
import { AppError } from '$lib/server/core/errors';
import { apiError, clientOf, SESSION_COOKIE } from '$lib/server/web/http';
import { countCachedPageView } from '$lib/server/web/cached-pages';
import { assertNoNul } from '$lib/server/core/validation';
import { log } from '$lib/server/core/logger';
import { runtime, type Runtime } from '$lib/server/web/runtime';
import { readCtxFor } from '$lib/server/web/read-ctx';
import { isEmbeddable, withSecurityHeaders } from '$lib/server/web/security-headers';

export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async (input) => {
	const rt = await runtime();
	return rt.handle(() => handleRequest(rt, input));
};

async function handleRequest(rt: Runtime, { event, resolve }: Parameters<Handle>[0]): Promise<Response> {
	event.locals.rt = rt;
	event.locals.ctx = rt.ctx;
	event.locals.readCtx = rt.ctx;
	event.locals.sessionToken = null;
	event.locals.actor = null;
	event.locals.clientIp = clientAddress(
		event.getClientAddress(),
		event.request.headers.get('x-forwarded-for'),
		rt.trustedProxies
	);
	// Only the group widget (`/osadz/{slug}`) may be framed by other sites; every other page refuses it.
	const embeddable = isEmbeddable(event.url.pathname);
	const secured = (response: Response) => withSecurityHeaders(response, rt.ctx.baseUrl, embeddable);
	const auth = event.request.headers.get('authorization');
	const isApi = event.url.pathname.startsWith('/api/');
	if (isApi && auth !== null) {
		event.locals.actor = auth.startsWith('Bearer ') ? await actorForApiToken(rt.ctx, auth.slice(7).trim()) : null;
		// A token that was revoked or never existed (or any other credentials) is refused, not served as an
		// anonymous visitor.
		if (!event.locals.actor) {
			const refused = apiError(
				new AppError(
					'unauthenticated',
					'Token jest nieprawidłowy albo został unieważniony. Utwórz nowy na stronie konta.'
				)
			);
			refused.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
			return secured(refused);
		}
	} else {
		// Pages know the session cookie only; an Authorization header on them changes nothing.
		const token = event.cookies.get(SESSION_COOKIE) ?? null;
		if (token) {
			event.locals.actor = await actorForSession(rt.ctx, token);
			event.locals.sessionToken = event.locals.actor ? token : null;
		}
	}
	// Public pages read the replica (when there is one), except for someone who has just written:
	// they read the primary for a few seconds, so their own change is there.
	event.locals.readCtx = readCtxFor(rt, event.locals.actor?.id);
	// Someone changing something (not just reporting what they saw) reads their change back at once,
	// and who they are is read again after it (they may have signed out, renamed themselves…).
	const writer = event.locals.actor?.id;
	const writes = !!writer && !readOnly(event.request.method) && event.url.pathname !== '/api/v1/views';
	if (writes) rt.ctx.feedRows?.wrote(writer);
	const resolveAs: typeof resolve = writes
		? (e, opts) => Promise.resolve(resolve(e, opts)).finally(() => rt.ctx.actors?.forgetUser(writer))
		: resolve;
	try {
		// Before any of the body is read: anonymous requests stay small, files only where expected.
		assertBodyWithinLimit(
			event.request.method,
			event.request.headers,
			bodyLimit(event.url.pathname, event.request.headers.get('content-type'), !!event.locals.actor)
		);
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		const response = event.url.pathname.startsWith('/api/')
			? apiError(e)
			: new Response(e.message, { status: e.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		return secured(response);
	}
	try {
		// Read only now that the body is known to be within its limit.
		await assertNoNul(event.request, event.url);
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		if (event.url.pathname.startsWith('/api/')) return secured(apiError(e));
		error(e.status, { message: e.message, code: e.code });
	}
	const idempotencyKey = event.request.headers.get('idempotency-key');
	if (
		idempotencyKey !== null &&
		event.locals.actor &&
		event.url.pathname.startsWith('/api/') &&
		!readOnly(event.request.method)
	) {
		const fingerprint = requestFingerprint(
			event.request.method,
			event.url.pathname + event.url.search,
			await event.request.clone().text()
		);
		return secured(
			await runOnce(rt.ctx, event.locals.actor.id, idempotencyKey, fingerprint, async () => resolveAs(event)).catch(
				apiError
			)
		);
	}
	// A client-side navigation's data (`…/__data.json`) arrives here under the page's own URL: never
	// kept under the page's key.
	const cacheable =
		event.locals.actor || !rt.pageCache.enabled || event.isDataRequest
			? null
			: anonymousCacheKey(event.request.method, event.url);
	if (!cacheable) return secured(await resolveAs(event));
	const hit = rt.pageCache.get(cacheable.key);
	if (hit) {
		countCachedPageView(rt.ctx, cacheable, clientOf(event));
		return hit;
	}
	const group = await getGroupForReading(rt.ctx.db, cacheable.slug).catch(() => null);
	const response = secured(await resolveAs(event));
	return group ? rt.pageCache.put(cacheable.key, group.group.id, response) : response;
}

const readOnly = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) log.error({ err: error, path: event.url.pathname }, 'Unhandled error');
	return {
		message: status === 404 ? 'Nie znaleziono strony.' : 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.',
		code: status === 404 ? 'not_found' : 'internal'
	};
};
