import webpush from 'web-push';
import { z } from 'zod';
import type { Actor, Ctx } from '../context';
import type { Db } from '../db/database';
import { storedSetting } from '../db/settings';
import { parseInput } from '../auth/accounts';
import { AppError } from '../errors';
import type { Transport } from './delivery';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

/** The server's VAPID key pair: made once, on first start, and kept in the database. */
export const vapidKeys = (db: Db): Promise<VapidKeys> => storedSetting(db, 'vapid', () => webpush.generateVAPIDKeys());

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Niepoprawny klucz subskrypcji.');
export const subscriptionSchema = z.object({
	endpoint: z.url({ protocol: /^https?$/, error: 'Niepoprawny adres subskrypcji.' }).max(1000),
	keys: z.object({ p256dh: base64url.max(200), auth: base64url.max(100) }, { error: 'Brak kluczy subskrypcji.' })
});

/** This device gets pushes for the signed-in person (re-subscribing moves the endpoint). */
export async function subscribePush(ctx: Ctx, actor: Actor | null, input: unknown, userAgent = ''): Promise<void> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby włączyć powiadomienia.');
	const s = parseInput(subscriptionSchema, input);
	const values = { user_id: actor.id, p256dh: s.keys.p256dh, auth: s.keys.auth, user_agent: userAgent.slice(0, 300), created_at: ctx.clock.now() };
	await ctx.db.insertInto('push_subscriptions').values({ endpoint: s.endpoint, ...values }).onConflict((oc) => oc.column('endpoint').doUpdateSet(values)).execute();
}

export async function unsubscribePush(ctx: Ctx, actor: Actor | null, endpoint: unknown): Promise<void> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się.');
	if (typeof endpoint !== 'string') throw new AppError('validation', 'Podaj adres subskrypcji.');
	await ctx.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).where('user_id', '=', actor.id).execute();
}

/**
 * Web push for outbox rows addressed `user:<id>`: to each of the person's devices, encrypted
 * (aes128gcm) and signed with the VAPID key; a subscription the push service says is gone (404,
 * 410) is removed. The outbox id is the push topic, so a resend replaces, not repeats.
 */
export function pushTransport(db: Db, subject: string, baseUrl: string, agent?: import('node:https').Agent): Transport {
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
		const payload = JSON.stringify({ title: m.subject || 'Tablica', body: m.body_text, url: /https?:\/\/\S+/.exec(m.body_text)?.[0] ?? baseUrl });
		const delivered: string[] = [];
		const errors: string[] = [];
		for (const s of subs) {
			try {
				await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, { vapidDetails: { subject, publicKey, privateKey }, TTL: 24 * 3600, topic: `outbox${m.id}`, urgency: 'high', contentEncoding: 'aes128gcm', ...(agent ? { agent } : {}) });
				delivered.push(s.id);
			} catch (e) {
				const status = (e as { statusCode?: number }).statusCode;
				if (status === 404 || status === 410) await db.deleteFrom('push_subscriptions').where('id', '=', s.id).execute();
				else errors.push(`${status ?? ''} ${(e as Error).message}`.trim());
			}
		}
		if (delivered.length) await db.updateTable('push_subscriptions').set({ last_used_at: new Date() }).where('id', 'in', delivered).execute();
		if (errors.length && delivered.length === 0) throw new Error(`Push nie doszedł: ${errors.join('; ')}`);
		return `urządzenia: ${delivered.length}`;
	};
}
