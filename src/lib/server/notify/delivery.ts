import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { SMSAPI } from 'smsapi';
import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { Config } from '../core/config';
import type { Db } from '../db/database';
import type { Outbox } from '../db/schema';
import { log } from '../core/logger';
import { pushVerdict, type PushTally } from './push-policy';

export type Channel = 'email' | 'sms' | 'push';

/** One way out for a channel: sends one message, returns the provider's id or throws. */
export type Transport = (message: Outbox) => Promise<string>;
export type Transports = Partial<Record<Channel, Transport>>;

/** After this many failed attempts a message is dead: the operator sees it and may retry it. */
export const MAX_ATTEMPTS = 8;
/** A claimed message is someone's for this long; after a crash it becomes due again. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Messages in flight at once: SMTP waits on round trips, so a few overlap (the pool has as many connections). */
export const DELIVERY_CONCURRENCY = 8;

/** 30 s, 1 min, 2 min, … at most an hour between attempts. */
export function backoffMs(attempts: number): number {
	return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** The idempotency key of a message: the same on every attempt, so a resend is recognisable. */
export const messageKey = (id: string) => `outbox-${id}`;

export function emailTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailReplyTo'>): Transport | undefined {
	if (!config.smtpUrl) return undefined;
	const host = hostname();
	// A pool keeps connections open between messages (a new one per message costs ~100 ms), as
	// many as deliverDue sends at once, each for many messages; the URL's query overrides these
	// (`?maxConnections=2` for a relay that allows fewer).
	const transporter = nodemailer.createTransport({
		url: config.smtpUrl,
		pool: true,
		maxConnections: DELIVERY_CONCURRENCY,
		maxMessages: 1000,
		name: host
	} as never);
	return async (m) => {
		const info = await transporter.sendMail({
			from: config.mailFrom,
			replyTo: config.mailReplyTo,
			to: m.recipient,
			subject: m.subject,
			text: m.body_text,
			html: m.body_html ?? plainToHtml(m.body_text),
			messageId: `<${messageKey(m.id)}.${host}@tablica>`,
			// The row's own headers (the digest's RFC 8058 List-Unsubscribe and List-Unsubscribe-Post)
			// replace the List-Unsubscribe made from `unsubscribe_url`.
			headers: { ...m.headers, 'X-Tablica-Outbox': m.id },
			attachments: m.attachments?.map((a) => ({
				filename: a.filename,
				contentType: a.contentType,
				content: Buffer.from(a.contentBase64, 'base64')
			})),
			list:
				m.unsubscribe_url && !m.headers?.['List-Unsubscribe']
					? { unsubscribe: { url: m.unsubscribe_url, comment: 'Wypisz się z powiadomień' } }
					: undefined
		});
		return info.messageId;
	};
}

/** Plain text as simple, escaped HTML with clickable links. */
export function plainToHtml(text: string): string {
	const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	const linked = esc.replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);
	return `<!doctype html><html lang="pl"><body style="font-family: sans-serif; line-height: 1.5">${linked
		.split(/\n{2,}/)
		.map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
		.join('')}</body></html>`;
}

/**
 * SMSAPI.pl through its official client: `POST /sms.do` with a Bearer token, `to`, `message`,
 * `from`, `format=json`, `encoding=utf-8` (Polish letters kept), and `idx` with `check_idx` so
 * SMSAPI itself refuses a second send of the same message.
 */
export function smsTransport(
	config: Pick<Config, 'smsapiToken' | 'smsapiUrl' | 'smsSender'>,
	timeoutMs = 15_000
): Transport | undefined {
	if (!config.smsapiToken) return undefined;
	const client = new SMSAPI(config.smsapiToken, config.smsapiUrl);
	return async (m) => {
		const send = client.sms.sendSms(m.recipient, m.body_text, {
			from: config.smsSender,
			idx: messageKey(m.id),
			checkIdx: true
		} as never);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>(
			(_, reject) =>
				(timer = setTimeout(() => reject(new Error(`SMSAPI nie odpowiedziało w ${timeoutMs / 1000} s`)), timeoutMs))
		);
		try {
			const result = await Promise.race([send, timeout]);
			return result.list.map((x) => x.id).join(',');
		} catch (e) {
			throw new Error(describeSmsError(e));
		} finally {
			clearTimeout(timer);
		}
	};
}

function describeSmsError(e: unknown): string {
	const err = e as {
		name?: string;
		data?: { error?: number; message?: string };
		status?: number;
		responseBody?: string;
		message?: string;
	};
	if (err.name === 'MessageError' && err.data) return `SMSAPI: błąd ${err.data.error}: ${err.data.message}`;
	if (err.name === 'HttpError') return `SMSAPI: HTTP ${err.status}: ${(err.responseBody ?? '').slice(0, 200)}`;
	return err.message ?? String(e);
}

export function transportsFrom(config: Config): Transports {
	return { email: emailTransport(config), sms: smsTransport(config) };
}

export interface DeliveryResult {
	sent: number;
	failed: number;
	/** Pushes held for the recipient's quiet hours. */
	deferred?: number;
	/** Pushes past the recipient's daily cap. */
	skipped?: number;
}

/**
 * Delivers due messages: claims them a few at a time (`FOR UPDATE SKIP LOCKED`, a lease,
 * committed), sends up to `concurrency` at once, each with its idempotency key, and marks each
 * sent as soon as it is — so a crash can only leave claimed messages, which are due again when
 * their lease ends, and other instances claim other rows. Failures are retried with back-off,
 * then dead. Stops after `limit` messages or, with `forMs`, when that much time has passed.
 */
export async function deliverDue(
	db: Db,
	clock: Clock,
	transports: Transports,
	opts: { limit?: number; leaseMs?: number; concurrency?: number; forMs?: number } = {}
): Promise<DeliveryResult> {
	const channels = (Object.keys(transports) as Channel[]).filter((c) => transports[c]);
	const result: DeliveryResult = { sent: 0, failed: 0 };
	if (channels.length === 0) return result;
	const limit = opts.limit ?? 500;
	const concurrency = Math.max(1, opts.concurrency ?? DELIVERY_CONCURRENCY);
	const stopAt = opts.forMs === undefined ? Infinity : performance.now() + opts.forMs;
	const queue: Outbox[] = [];
	let claimed = 0;
	let done = false;
	let claiming: Promise<void> | undefined;

	const claim = async () => {
		const n = Math.min(concurrency, limit - claimed);
		if (n <= 0 || performance.now() >= stopAt) {
			done = true;
			return;
		}
		const now = clock.now();
		try {
			// Per channel, in the order of outbox_due_idx, so a claim reads a few index entries even when
			// a digest has made tens of thousands due at one instant (sorting them all took ~170 ms).
			const rows = await sql<Outbox>`
				UPDATE outbox SET next_attempt_at = ${new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS))}, attempts = attempts + 1
				WHERE id IN (
					SELECT due.id FROM unnest(ARRAY[${sql.join(channels)}]::text[]) AS ch(channel), LATERAL (
						SELECT id, coalesce(next_attempt_at, created_at) AS at FROM outbox
						WHERE status IN ('pending', 'failed') AND outbox.channel = ch.channel AND coalesce(next_attempt_at, created_at) <= ${now}
						ORDER BY coalesce(next_attempt_at, created_at)
						LIMIT ${n} FOR UPDATE SKIP LOCKED
					) AS due
					ORDER BY due.at, due.id
					LIMIT ${n}
				)
				RETURNING *`.execute(db);
			claimed += rows.rows.length;
			if (rows.rows.length < n) done = true;
			queue.push(...rows.rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)));
		} catch (e) {
			done = true;
			throw e;
		}
	};
	const next = async (): Promise<Outbox | undefined> => {
		while (queue.length === 0 && !done) {
			claiming ??= claim().finally(() => (claiming = undefined));
			await claiming;
		}
		return queue.shift();
	};
	// Per person, this run's count of pushes against the daily cap, and their verdicts taken in turn
	// (in the order the pushes were queued, so the day's first ones go and the last ones are skipped).
	const pushTurns = new Map<string, { tally: PushTally; last: Promise<unknown> }>();
	const send = async (m: Outbox) => {
		let counted: PushTally | undefined;
		if (m.channel === 'push') {
			const person = pushTurns.get(m.recipient) ?? { tally: { admitted: 0 }, last: Promise.resolve() };
			pushTurns.set(m.recipient, person);
			const decided = person.last.then(() => pushVerdict(db, clock.now(), m, person.tally));
			person.last = decided.catch(() => undefined);
			const verdict = await decided;
			if ('counted' in verdict) counted = person.tally;
			if ('deferUntil' in verdict) {
				// Quiet hours: the claim's attempt is given back and the push waits for their end.
				await db
					.updateTable('outbox')
					.set((eb) => ({ next_attempt_at: verdict.deferUntil, attempts: eb('attempts', '-', 1) }))
					.where('id', '=', m.id)
					.execute();
				result.deferred = (result.deferred ?? 0) + 1;
				return;
			}
			if ('skip' in verdict) {
				await db
					.updateTable('outbox')
					.set({ status: 'skipped', next_attempt_at: null, last_error: verdict.skip })
					.where('id', '=', m.id)
					.execute();
				result.skipped = (result.skipped ?? 0) + 1;
				return;
			}
		}
		try {
			const providerId = await transports[m.channel as Channel]!(m);
			await db
				.updateTable('outbox')
				.set({
					status: 'sent',
					sent_at: clock.now(),
					provider_id: providerId.slice(0, 500),
					next_attempt_at: null,
					last_error: null
				})
				.where('id', '=', m.id)
				.execute();
			result.sent++;
		} catch (e) {
			const message = (e as Error).message?.slice(0, 1000) ?? String(e);
			const dead = m.attempts >= MAX_ATTEMPTS;
			await db
				.updateTable('outbox')
				.set({
					status: dead ? 'dead' : 'failed',
					last_error: message,
					next_attempt_at: dead ? null : new Date(clock.now().getTime() + backoffMs(m.attempts))
				})
				.where('id', '=', m.id)
				.execute();
			if (counted) counted.admitted--;
			log.warn(
				{ outbox: m.id, channel: m.channel, attempts: m.attempts, err: message },
				dead ? 'Wiadomość nie doszła (koniec prób)' : 'Wiadomość nie doszła, ponowimy'
			);
			result.failed++;
		}
	};
	const worker = async () => {
		for (let m = await next(); m; m = await next()) await send(m);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return result;
}

/** The operator sends a failed or dead message again, now. */
export async function retryMessage(db: Db, id: string): Promise<boolean> {
	const r = await db
		.updateTable('outbox')
		.set({ status: 'pending', attempts: 0, next_attempt_at: null, last_error: null })
		.where('id', '=', id)
		.where('status', 'in', ['failed', 'dead'])
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}
