import { z } from 'zod';
import { AppError } from './errors';

/** PostgreSQL's bigint: ids travel as strings of digits up to this value. */
const MAX_BIGINT = 9223372036854775807n;

/** A row id as it may reach SQL: digits only, within bigint (anything else cannot name a row). */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

export const idSchema = (message: string) => z.string({ error: message }).refine(isId, message);

/** Dates people may give (events, cursors): PostgreSQL stores far more, but nothing real lies outside. */
export const EARLIEST_DATE = new Date('1900-01-01T00:00:00Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59Z');

export const isReasonableDate = (d: Date) => !Number.isNaN(d.getTime()) && d >= EARLIEST_DATE && d <= LATEST_DATE;

export const dateSchema = (message: string) => z.date({ error: message }).refine(isReasonableDate, message);

/** PostgreSQL refuses the NUL character in text; no person types it. */
export const NUL_MESSAGE = 'Tekst zawiera niedozwolony znak (NUL).';

export function containsNul(value: unknown): boolean {
	if (typeof value === 'string') return value.includes('\0');
	if (Array.isArray(value)) return value.some(containsNul);
	if (value && typeof value === 'object')
		return Object.entries(value).some(([k, v]) => k.includes('\0') || containsNul(v));
	return false;
}

const TEXT_BODY = /^(application\/json|application\/x-www-form-urlencoded|text\/)/i;

/**
 * The one check every request passes (the `handle` hook) before any route parses it: a NUL in
 * the path, the query or a JSON or form body is refused with a validation error.
 */
export async function assertNoNul(request: Request, url: URL): Promise<void> {
	if (/%00/i.test(url.pathname + url.search) || (url.pathname + url.search).includes('\0'))
		throw new AppError('validation', NUL_MESSAGE);
	const type = request.headers.get('content-type') ?? '';
	// Multipart bodies (uploads) are left to the database layer's check: files hold NUL bytes.
	if (!request.body || (type && !TEXT_BODY.test(type))) return;
	const text = await request.clone().text();
	if (text.includes('\0') || (/urlencoded/i.test(type) && /%00/i.test(text)))
		throw new AppError('validation', NUL_MESSAGE);
	// Routes read JSON whatever the declared type, so an escaped NUL is looked for in any text body.
	if (/\\u0000/i.test(text)) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return; // the route refuses malformed JSON itself
		}
		if (containsNul(parsed)) throw new AppError('validation', NUL_MESSAGE);
	}
}
