import { AppError } from '../core/errors';

const KB = 1024;
const MB = 1024 * KB;

/** The most any request may carry (adapter-node's `BODY_SIZE_LIMIT`, set in server.ts). */
export const MAX_BODY_BYTES = 15 * MB;
const SIGNED_IN_BYTES = 1 * MB;
const ANONYMOUS_BYTES = 64 * KB;

// Forms that carry files: the composer (images), support tickets and their replies (attachments),
// a unit's logo, a signed contract.
const fileForms = [/^\/g\/[^/]+$/, /^\/pomoc$/, /^\/pomoc\/\d+$/, /^\/urzad\/jednostki\/\d+$/, /^\/admin\/umowy$/];

/**
 * How many bytes a request may carry, decided from its headers before any of the body is read:
 * 15 MB for a signed-in person's form with files, 1 MB for other signed-in requests (JSON, forms),
 * 64 kB for anonymous ones (sign-in, registration, reports, views).
 */
export function bodyLimit(pathname: string, contentType: string | null, signedIn: boolean): number {
	if (!signedIn) return ANONYMOUS_BYTES;
	const multipart = contentType?.toLowerCase().startsWith('multipart/form-data') ?? false;
	return multipart && fileForms.some((re) => re.test(pathname)) ? MAX_BODY_BYTES : SIGNED_IN_BYTES;
}

const sizeText = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} kB`);

/** Refuses a request whose declared body is over its limit, or whose length is not declared. */
export function assertBodyWithinLimit(method: string, headers: Headers, limit: number): void {
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
	const declared = headers.get('content-length');
	if (declared === null) {
		if (headers.has('transfer-encoding'))
			throw new AppError('payload_too_large', 'Podaj długość przesyłanych danych (nagłówek Content-Length).');
		return;
	}
	const bytes = Number(declared);
	if (!Number.isSafeInteger(bytes) || bytes < 0)
		throw new AppError('validation', 'Nieprawidłowy nagłówek Content-Length.');
	if (bytes > limit)
		throw new AppError(
			'payload_too_large',
			`Przesyłane dane są za duże: najwyżej ${sizeText(limit)}${limit === ANONYMOUS_BYTES ? ' bez logowania' : ''}.`
		);
}
