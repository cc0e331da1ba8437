import { error, fail, json, type Cookies } from '@sveltejs/kit';
import { AppError } from '../core/errors';
import { log } from '../core/logger';
import type { Client } from './viewer';

export const SESSION_COOKIE = 'sid';
/** Proof that this browser has logged in to an account before (see `logIn`). */
export const DEVICE_COOKIE = 'urzadzenie';

/** JSON error body of the API: {"error":{"code","message"}}. */
export function apiError(e: unknown): Response {
	if (e instanceof AppError)
		return json(
			{ error: { code: e.code, message: e.message, ...(Object.keys(e.fields).length ? { fields: e.fields } : {}) } },
			{ status: e.status }
		);
	log.error({ err: e }, 'API error');
	return json(
		{ error: { code: 'internal', message: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.' } },
		{ status: 500 }
	);
}

/** Runs an API handler, turning domain errors into JSON errors. */
export async function api(fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (e) {
		return apiError(e);
	}
}

/** Runs a form action: domain errors come back to the form with the entered values. */
export async function action<T>(fn: () => Promise<T>, values: Record<string, unknown> = {}) {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof AppError) return fail(e.status, { error: e.message, fields: e.fields, values });
		throw e;
	}
}

/** Runs page loading: domain errors become SvelteKit error pages. */
export async function page<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
		throw e;
	}
}

export function setSessionCookie(
	cookies: Cookies,
	session: { token: string; expiresAt: Date; device: string },
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, session.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: session.expiresAt
	});
	cookies.set(DEVICE_COOKIE, session.device, {
		path: '/logowanie',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 365 * 24 * 3600
	});
}

/** Text fields of a form as a plain object (files left out). */
export function formFields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
	return out;
}

/** Who is asking, for counting views and shares (viewer.ts). */
export const clientOf = (event: { request: Request; locals: App.Locals }): Client => ({
	address: event.locals.clientIp,
	userAgent: event.request.headers.get('user-agent') ?? ''
});
