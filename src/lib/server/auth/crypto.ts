import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe secret (256 bits) and the hash that is stored instead of it. */
export function newSecret(): { token: string; hash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, hash: hashSecret(token) };
}

export const hashSecret = (token: string) => createHash('sha256').update(token).digest('hex');

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum).
export const hashPassword = (password: string) => hash(password);

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against the stored hash. Without one (no such account, or an account that
 * has no password) a dummy hash with the same parameters is checked instead, so the answer takes
 * as long and nobody can tell by the time which addresses have accounts.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
	if (!stored) {
		dummyHash ??= hashPassword(newSecret().token);
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}
