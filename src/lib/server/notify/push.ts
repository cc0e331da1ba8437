import dns from 'node:dns';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import webpush from 'web-push';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { storedSetting } from '../db/settings';
import { parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import type { Transport } from './delivery';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

/** The server's VAPID key pair: made once, on first start, and kept in the database. */
export const vapidKeys = (db: Db): Promise<VapidKeys> => storedSetting(db, 'vapid', () => webpush.generateVAPIDKeys());

/**
 * The browsers' push services, the only places a subscription may point to: Chrome, Edge on
 * Android, Opera, Samsung (FCM), Firefox (Mozilla autopush), Safari (Apple), Edge on Windows (WNS).
 */
const pushServiceHosts = [
	/^fcm\.googleapis\.com$/,
	/^[a-z0-9-]+\.push\.services\.mozilla\.com$/,
	/^[a-z0-9-]+\.push\.apple\.com$/,
	/^[a-z0-9-]+\.notify\.windows\.com$/
];

/** An https URL of a known push service, on the default port and without credentials. */
export function isPushServiceEndpoint(endpoint: string): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	return (
		url.protocol === 'https:' &&
		url.port === '' &&
		!url.username &&
		!url.password &&
		pushServiceHosts.some((host) => host.test(url.hostname))
	);
}

/** Public unicast only: no loopback, private, link-local, unique-local, carrier NAT or reserved address. */
export const isPublicAddress = (address: string) =>
	ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';

/**
 * A DNS lookup that fails when a name resolves to any address that is not public, so a push
 * service's name pointed at an internal address (or rebound to one later) is never connected to.
 */
export function publicOnlyLookup(lookup: LookupFunction = dns.lookup): LookupFunction {
	return (hostname, options, callback) =>
		lookup(hostname, options, (err, address, family) => {
			if (err) return callback(err, address, family);
			const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
			if (addresses.some((a) => !isPublicAddress(a)))
				return callback(
					Object.assign(new Error(`${hostname}: adres spoza sieci publicznej`), { code: 'ENONPUBLIC' }),
					address,
					family
				);
			callback(null, address, family);
		});
}

/** The HTTPS agent pushes go through: it connects to public addresses only. */
export const pushAgent = (options: https.AgentOptions = {}) =>
	new https.Agent({ ...options, lookup: publicOnlyLookup(options.lookup) });

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Niepoprawny klucz subskrypcji.');
export const subscriptionSchema = z.object({
	endpoint: z
		.url({ protocol: /^https$/, error: 'Niepoprawny adres subskrypcji.' })
		.max(1000)
		.refine(
			isPushServiceEndpoint,
			'Adres subskrypcji nie należy do usługi powiadomień żadnej znanej przeglądarki (Chrome, Firefox, Safari, Edge).'
		),
	keys: z.object({ p256dh: base64url.max(200), auth: base64url.max(100) }, { error: 'Brak kluczy subskrypcji.' })
});

/** This device gets pushes for the signed-in person (re-subscribing moves the endpoint). */
export async function subscribePush(ctx: Ctx, actor: Actor | null, input: unknown, userAgent = ''): Promise<void> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby włączyć powiadomienia.');
	const s = parseInput(subscriptionSchema, input);
	const values = {
		user_id: actor.id,
		p256dh: s.keys.p256dh,
		auth: s.keys.auth,
		user_agent: userAgent.slice(0, 300),
		created_at: ctx.clock.now()
	};
	await ctx.db
		.insertInto('push_subscriptions')
		.values({ endpoint: s.endpoint, ...values })
		.onConflict((oc) => oc.column('endpoint').doUpdateSet(values))
		.execute();
}

export async function unsubscribePush(ctx: Ctx, actor: Actor | null, endpoint: unknown): Promise<void> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się.');
	if (typeof endpoint !== 'string') throw new AppError('validation', 'Podaj adres subskrypcji.');
	await ctx.db
		.deleteFrom('push_subscriptions')
		.where('endpoint', '=', endpoint)
		.where('user_id', '=', actor.id)
		.execute();
}

/**
 * Web push for outbox rows addressed `user:<id>`: to each of the person's devices, encrypted
 * (aes128gcm) and signed with the VAPID key; a subscription the push service says is gone (404,
 * 410), or one that is not a push service's (stored before they were checked), is removed. The
 * outbox id is the push topic, so a resend replaces, not repeats. A failure is recorded as the
 * HTTP status or "no connection" only: what a remote server answered is never stored or shown.
 */
export function pushTransport(db: Db, subject: string, baseUrl: string, agent: https.Agent = pushAgent()): Transport {
	let keys: Promise<VapidKeys> | undefined;
	return async (m) => {
		const userId = /^user:(\d{1,18})$/.exec(m.recipient)?.[1];
		if (!userId) throw new Error(`Niepoprawny odbiorca push: ${m.recipient}`);
		// The keys never change once made: read them once per transport, not once per message.
		const { publicKey, privateKey } = await (keys ??= vapidKeys(db).catch((e) => {
			keys = undefined;
			throw e;
		}));
		const subs = await db.selectFrom('push_subscriptions').selectAll().where('user_id', '=', userId).execute();
		if (subs.length === 0) return 'brak urządzeń';
		const payload = JSON.stringify({
			title: m.subject || 'Tablica',
			body: m.body_text,
			url: /https?:\/\/\S+/.exec(m.body_text)?.[0] ?? baseUrl
		});
		const delivered: string[] = [];
		const failures: string[] = [];
		for (const s of subs) {
			if (!isPushServiceEndpoint(s.endpoint)) {
				await db.deleteFrom('push_subscriptions').where('id', '=', s.id).execute();
				continue;
			}
			try {
				await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
					vapidDetails: { subject, publicKey, privateKey },
					TTL: 24 * 3600,
					topic: `outbox${m.id}`,
					urgency: 'high',
					contentEncoding: 'aes128gcm',
					timeout: 15_000,
					agent
				});
				delivered.push(s.id);
			} catch (e) {
				const status = (e as { statusCode?: number }).statusCode;
				if (status === 404 || status === 410)
					await db.deleteFrom('push_subscriptions').where('id', '=', s.id).execute();
				else failures.push(status ? `HTTP ${status}` : 'brak połączenia');
			}
		}
		if (delivered.length)
			await db
				.updateTable('push_subscriptions')
				.set({ last_used_at: new Date() })
				.where('id', 'in', delivered)
				.execute();
		if (failures.length && delivered.length === 0)
			throw new Error(`Push nie doszedł: ${[...new Set(failures)].join(', ')}.`);
		return `urządzenia: ${delivered.length}`;
	};
}
