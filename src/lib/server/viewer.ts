import { createHmac, randomBytes } from 'node:crypto';
import type { Actor, Ctx } from './context';
import type { Db } from './db/database';
import { storedSetting } from './db/settings';
import { warsawDay } from '../text/time';

const secrets = new WeakMap<Db, Promise<string>>();

/** A random key kept in the database, so every instance hashes visitors alike. */
function visitorSecret(db: Db): Promise<string> {
	let secret = secrets.get(db);
	if (!secret) {
		secret = storedSetting(db, 'visitor_secret', () => randomBytes(32).toString('base64url'));
		secret.catch(() => secrets.delete(db));
		secrets.set(db, secret);
	}
	return secret;
}

/**
 * Who counts as one viewer: the signed-in user, or an anonymous visitor known only for the current
 * Warsaw day by a keyed hash of the address and browser. Nothing is stored on the visitor's device
 * (no cookie, so no consent banner); the daily key cannot be linked across days.
 */
export async function viewerKey(ctx: Ctx, actor: Actor | null, client: { address: string; userAgent: string }): Promise<string> {
	if (actor) return `user:${actor.id}`;
	const day = warsawDay(ctx.clock.now());
	const digest = createHmac('sha256', await visitorSecret(ctx.db)).update(`${day}\n${client.address}\n${client.userAgent}`).digest('base64url');
	return `anon:${digest.slice(0, 22)}`;
}
