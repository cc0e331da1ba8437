import { createHmac, randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { isbot } from 'isbot';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { storedSetting } from '../db/settings';
import { warsawDay } from '../../dates';

/** What the request says about who is asking. */
export interface Client {
	address: string;
	userAgent: string;
}

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
 * The part of an address a visitor cannot change at will: the IPv4 address, or the IPv6 /64 (one
 * home or phone gets a whole /64 and may pick any address in it).
 */
export function visitorNetwork(address: string): string {
	if (!ipaddr.isValid(address)) return address;
	const ip = ipaddr.process(address);
	if (ip.kind() === 'ipv4') return ip.toString();
	return `${(ip as ipaddr.IPv6).parts
		.slice(0, 4)
		.map((p) => p.toString(16))
		.join(':')}::/64`;
}

/** Crawlers, link-preview fetchers, headless browsers — and requests that name no browser at all. */
export const isAutomated = (userAgent: string) => userAgent.trim() === '' || isbot(userAgent);

/**
 * Who counts as one viewer (of views and shares): the signed-in user, or an anonymous visitor
 * known only for the current Warsaw day by a keyed hash of the network address alone — a browser
 * cannot rotate it by changing its User-Agent. Nothing is stored on the visitor's device (no
 * cookie, so no consent banner); the daily key cannot be linked across days, and the counts rely on
 * it: an `anon:` key is never looked up again after its day (migration 0035). Automated clients
 * count as nobody (null).
 */
export async function viewerKey(ctx: Ctx, actor: Actor | null, client: Client): Promise<string | null> {
	if (isAutomated(client.userAgent)) return null;
	if (actor) return `user:${actor.id}`;
	const day = warsawDay(ctx.clock.now());
	const digest = createHmac('sha256', await visitorSecret(ctx.db))
		.update(`${day}\n${visitorNetwork(client.address)}`)
		.digest('base64url');
	return `anon:${digest.slice(0, 22)}`;
}
