/** Stable error codes of the domain; routes map them to HTTP status codes and Polish messages. */
export const errorStatus = {
	validation: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	/** An invoice cannot be issued before the operator sets the seller's bank account. */
	seller_account_missing: 409,
	/** Existed, but no longer (an expired download link). */
	gone: 410,
	payload_too_large: 413,
	unsupported_media: 415,
	rate_limited: 429,
	internal: 500
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Every code, in order: the single list the API's OpenAPI document takes its error codes from. */
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		/** Polish message shown to the person. */
		message: string,
		/** Field-level messages for forms. */
		readonly fields: Record<string, string> = {}
	) {
		super(message);
		this.name = 'AppError';
	}

	get status(): number {
		return errorStatus[this.code];
	}
}

export const notFound = (what = 'Nie znaleziono strony.') => new AppError('not_found', what);
export const forbidden = (why = 'Nie masz uprawnień do tej czynności.') => new AppError('forbidden', why);
/** The refusal to someone who is not signed in, unless a caller says what they were about to do. */
export const SIGN_IN = 'Zaloguj się, aby to zrobić.';
export const unauthenticated = (message = SIGN_IN) => new AppError('unauthenticated', message);
