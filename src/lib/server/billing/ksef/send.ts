import { sql } from 'kysely';
import type { Actor, Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { assertOperator } from '../../access/actor';
import { isId } from '../../core/validation';
import { log } from '../../core/logger';
import { fa3Xml } from '../fa3';
import { validateUpo } from '../fa3-validate';
import { billingRecipients, type Invoice } from '../invoices';
import { invoicePdfWithCodes } from '../invoice-files';
import { invoiceInKsefEmail } from '../messages';
import { enqueueEmail } from '../../notify/outbox';
import { formatMoney } from '../../../format';
import { polishDate } from '../../../dates';
import { KsefError } from './api';
import { KsefClient, type OnlineSession, type SessionInvoiceStatus } from './client';
import { sha256Base64 } from './crypto';
import { ksefConnection } from './settings';

/** Invoices in one interactive session (a run sends at most this many). */
const BATCH = 50;
/** An invoice being sent is this run's for so long; after a crash the next run takes it over. */
export const KSEF_LEASE_MS = 5 * 60_000;

/** 1 min, 2, 4 … at most an hour between attempts after a technical failure. */
export const ksefBackoffMs = (attempts: number) => Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

export interface KsefRun {
	/** Why nothing was tried: not configured, or the token cannot be read. */
	notConfigured?: string;
	sent: number;
	accepted: string[];
	rejected: string[];
	/** Sent and still being processed by KSeF: the next run asks again. */
	processing: number;
	/** Not sent this time (KSeF unavailable, limits); tried again later. */
	deferred: number;
	/** The reason of the deferral, as the operator sees it. */
	error?: string;
}

// One client per seller connection and process: it keeps the public keys and access tokens between runs.
const clients = new Map<string, KsefClient>();

export interface KsefSendOptions {
	/** Made from the operator's settings when not given (tests pass their own). */
	client?: KsefClient;
	/** Where upo-v4-3.xsd is; `ctx.referenceDataDir` when not given. */
	referenceDataDir?: string;
	/** Polls of the invoices' status in this run, and the pause between them. */
	poll?: { intervalMs: number; attempts: number };
	timeoutMs?: number;
}

/**
 * Sends the invoices waiting for KSeF and follows them to a KSeF number or a rejection. Each
 * invoice's XML and hash are stored and it is marked `sending` (with a lease) before it leaves; the
 * session's reference before anything is sent in it; the invoice's reference as soon as KSeF gives
 * it. So a run that stops anywhere leaves enough to finish: an invoice with a reference is asked
 * about, one without is looked up in its session by hash and sent again only if KSeF has not got it
 * (and KSeF refuses a second copy of the same file as a duplicate, naming the first's number).
 */
export async function sendToKsef(ctx: Ctx, opts: KsefSendOptions = {}): Promise<KsefRun> {
	const run: KsefRun = { sent: 0, accepted: [], rejected: [], processing: 0, deferred: 0 };
	let client = opts.client;
	if (!client) {
		const conn = await ksefConnection(ctx.db, ctx.ksefSecretKey);
		if ('missing' in conn) return { ...run, notConfigured: conn.missing };
		const key = `${conn.apiUrl}|${conn.nip}|${sha256Base64(conn.token)}`;
		client = clients.get(key);
		if (!client) {
			client = new KsefClient({ baseUrl: conn.apiUrl, timeoutMs: opts.timeoutMs }, conn, ctx.clock, opts.poll);
			clients.set(key, client);
		}
	}
	const poll = opts.poll ?? { intervalMs: 1000, attempts: 10 };
	try {
		await recoverStale(ctx, client);
		const claimed = await claimWaiting(ctx);
		if (claimed.length) await sendBatch(ctx, client, claimed, run);
		await followUp(ctx, client, run, poll, opts.referenceDataDir ?? ctx.referenceDataDir);
		await fetchSessionUpos(ctx, client, poll, opts.referenceDataDir ?? ctx.referenceDataDir);
	} catch (e) {
		if (!(e instanceof KsefError)) throw e;
		run.error = e.message;
		log.warn({ err: e.message, kind: e.kind }, 'KSeF: przerwano wysyłkę, ponowimy');
	}
	return run;
}

const now = (ctx: Ctx) => ctx.clock.now();
const later = (ctx: Ctx, ms: number) => new Date(now(ctx).getTime() + ms);

/** Invoices a stopped run left `sending`: asked about, looked up by hash, or put back to send. */
async function recoverStale(ctx: Ctx, client: KsefClient): Promise<void> {
	const stale = await ctx.db
		.selectFrom('invoices')
		.select(['id', 'ksef_session_ref', 'ksef_invoice_ref', 'ksef_invoice_hash'])
		.where('ksef_status', '=', 'sending')
		.where('ksef_invoice_ref', 'is', null)
		.where('ksef_next_attempt_at', '<=', now(ctx))
		.execute();
	const bySession = new Map<string, SessionInvoiceStatus[]>();
	for (const inv of stale) {
		let found: SessionInvoiceStatus | undefined;
		if (inv.ksef_session_ref) {
			if (!bySession.has(inv.ksef_session_ref))
				bySession.set(inv.ksef_session_ref, await client.sessionInvoices(inv.ksef_session_ref));
			found = bySession.get(inv.ksef_session_ref)!.find((s) => s.invoiceHash === inv.ksef_invoice_hash);
		}
		await ctx.db
			.updateTable('invoices')
			.set(
				found
					? { ksef_invoice_ref: found.referenceNumber, ksef_next_attempt_at: now(ctx), ksef_updated_at: now(ctx) }
					: {
							ksef_status: 'to_resend',
							ksef_session_ref: null,
							ksef_next_attempt_at: now(ctx),
							ksef_error: 'Poprzednia wysyłka została przerwana, zanim KSeF przyjął fakturę; wyślemy ją ponownie.',
							ksef_updated_at: now(ctx)
						}
			)
			.where('id', '=', inv.id)
			.where('ksef_status', '=', 'sending')
			.execute();
	}
}

/**
 * Takes the waiting invoices that are due (a correction only once the invoice it corrects has its
 * KSeF number), stores each one's FA(3) XML and hash (kept for a resend: the same file, so the same
 * hash and QR code), and marks them `sending` under a lease — in one transaction.
 */
async function claimWaiting(ctx: Ctx): Promise<Invoice[]> {
	return ctx.db.transaction().execute(async (tx) => {
		const due = await tx
			.selectFrom('invoices as i')
			.leftJoin('invoices as c', 'c.id', 'i.corrects_id')
			.selectAll('i')
			.select([
				'c.number as corrected_number',
				'c.issue_date as corrected_issue_date',
				'c.ksef_number as corrected_ksef'
			])
			.where('i.ksef_status', 'in', ['to_send', 'to_resend'])
			.where(sql<boolean>`coalesce(i.ksef_next_attempt_at, i.created_at) <= ${now(ctx)}`)
			.where((eb) => eb.or([eb('i.corrects_id', 'is', null), eb('c.ksef_status', '=', 'accepted')]))
			.orderBy('i.id')
			.limit(BATCH)
			.forUpdate('i')
			.skipLocked()
			.execute();
		const claimed: Invoice[] = [];
		for (const row of due) {
			const { corrected_number, corrected_issue_date, corrected_ksef, ...inv } = row;
			const xml =
				inv.ksef_xml ??
				fa3Xml(
					inv,
					corrected_number
						? { number: corrected_number, issue_date: corrected_issue_date!, ksef_number: corrected_ksef }
						: null
				);
			claimed.push(
				await tx
					.updateTable('invoices')
					.set({
						ksef_status: 'sending',
						ksef_xml: xml,
						ksef_invoice_hash: sha256Base64(Buffer.from(xml, 'utf8')),
						ksef_session_ref: null,
						ksef_invoice_ref: null,
						ksef_attempts: sql`ksef_attempts + 1`,
						ksef_next_attempt_at: later(ctx, KSEF_LEASE_MS),
						ksef_updated_at: now(ctx)
					})
					.where('id', '=', inv.id)
					.returningAll()
					.executeTakeFirstOrThrow()
			);
		}
		return claimed;
	});
}

async function sendBatch(ctx: Ctx, client: KsefClient, invoices: Invoice[], run: KsefRun): Promise<void> {
	let session: OnlineSession;
	try {
		session = await client.openSession();
	} catch (e) {
		await putBack(ctx, invoices, e, run);
		throw e;
	}
	await ctx.db.transaction().execute(async (tx) => {
		await tx
			.insertInto('ksef_sessions')
			.values({ reference: session.referenceNumber, opened_at: now(ctx), valid_until: new Date(session.validUntil) })
			.execute();
		await tx
			.updateTable('invoices')
			.set({ ksef_session_ref: session.referenceNumber })
			.where(
				'id',
				'in',
				invoices.map((i) => i.id)
			)
			.execute();
	});
	let failure: unknown;
	for (const [n, inv] of invoices.entries()) {
		try {
			const ref = await client.sendInvoice(session, Buffer.from(inv.ksef_xml!, 'utf8'), inv.ksef_offline);
			await ctx.db
				.updateTable('invoices')
				.set({ ksef_invoice_ref: ref, ksef_error: null, ksef_updated_at: now(ctx) })
				.where('id', '=', inv.id)
				.execute();
			run.sent++;
		} catch (e) {
			if (!(e instanceof KsefError)) throw e;
			if (e.kind === 'refused') {
				await reject(ctx, inv.id, e.message, run, inv.number);
				continue;
			}
			// Whether it arrived is unknown when KSeF did not answer: the next run looks it up by hash.
			if (e.kind === 'unavailable')
				await ctx.db
					.updateTable('invoices')
					.set({ ksef_next_attempt_at: now(ctx), ksef_error: e.message, ksef_updated_at: now(ctx) })
					.where('id', '=', inv.id)
					.execute();
			await putBack(ctx, invoices.slice(e.kind === 'unavailable' ? n + 1 : n), e, run);
			failure = e;
			break;
		}
	}
	try {
		await client.closeSession(session.referenceNumber);
		await ctx.db
			.updateTable('ksef_sessions')
			.set({ closed_at: now(ctx) })
			.where('reference', '=', session.referenceNumber)
			.execute();
	} catch (e) {
		if (!(e instanceof KsefError)) throw e;
		log.warn({ session: session.referenceNumber, err: e.message }, 'KSeF: nie zamknięto sesji (zamknie się sama)');
	}
	if (failure) throw failure;
}

/** Not sent: waits for its next attempt; when KSeF cannot be reached the invoice becomes an offline one. */
async function putBack(ctx: Ctx, invoices: Invoice[], e: unknown, run: KsefRun): Promise<void> {
	const err = e instanceof KsefError ? e : null;
	for (const inv of invoices) {
		const wait = err?.kind === 'rate_limited' ? (err.details.retryAfterMs ?? 60_000) : ksefBackoffMs(inv.ksef_attempts);
		await ctx.db
			.updateTable('invoices')
			.set({
				ksef_status: 'to_resend',
				ksef_session_ref: null,
				ksef_invoice_ref: null,
				ksef_next_attempt_at: later(ctx, wait),
				ksef_error: err?.message ?? String(e),
				ksef_offline: err?.kind === 'unavailable' ? true : inv.ksef_offline,
				ksef_updated_at: now(ctx)
			})
			.where('id', '=', inv.id)
			.where('ksef_status', '=', 'sending')
			.execute();
		run.deferred++;
	}
}

async function reject(ctx: Ctx, id: string, reason: string, run: KsefRun, number: string): Promise<void> {
	await ctx.db
		.updateTable('invoices')
		.set({ ksef_status: 'rejected', ksef_error: reason, ksef_next_attempt_at: null, ksef_updated_at: now(ctx) })
		.where('id', '=', id)
		.execute();
	run.rejected.push(number);
}

/** Asks KSeF about every invoice sent and not yet settled, a few times a run; stores numbers and UPOs. */
async function followUp(
	ctx: Ctx,
	client: KsefClient,
	run: KsefRun,
	poll: { intervalMs: number; attempts: number },
	referenceDataDir: string | undefined
): Promise<void> {
	for (let round = 0; ; round++) {
		const pending = await ctx.db
			.selectFrom('invoices')
			.select(['id', 'number', 'ksef_session_ref', 'ksef_invoice_ref'])
			.where('ksef_status', '=', 'sending')
			.where('ksef_invoice_ref', 'is not', null)
			.orderBy('id')
			.execute();
		let open = 0;
		for (const inv of pending) {
			const status = await client.invoiceStatus(inv.ksef_session_ref!, inv.ksef_invoice_ref!);
			const { code } = status.status;
			if (code === 200 || (code === 440 && status.status.extensions?.originalKsefNumber)) {
				const ksefNumber = code === 200 ? status.ksefNumber! : status.status.extensions!.originalKsefNumber!;
				const upo = code === 200 ? await fetchUpo(client, inv.ksef_session_ref!, status, referenceDataDir) : null;
				const acceptedAt = status.acquisitionDate ? new Date(status.acquisitionDate) : now(ctx);
				if (await accept(ctx, inv.id, ksefNumber, acceptedAt, upo)) run.accepted.push(inv.number);
			} else if (code >= 300) {
				const text = [status.status.description, ...(status.status.details ?? [])].filter(Boolean).join(' ');
				await reject(ctx, inv.id, `KSeF odrzucił fakturę (kod ${code}): ${text}`, run, inv.number);
			} else open++;
		}
		if (open === 0 || round + 1 >= poll.attempts) {
			run.processing = open;
			return;
		}
		await new Promise((r) => setTimeout(r, poll.intervalMs));
	}
}

/**
 * Marks the invoice accepted and, in the same transaction, e-mails it to the customer's contact and
 * coordinators with its PDF (KOD I and the KSeF number on it) and the XML sent. False when another
 * run settled it first.
 */
async function accept(ctx: Ctx, id: string, ksefNumber: string, acceptedAt: Date, upo: string | null) {
	const inv = await ctx.db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const corrected = inv.corrects_id
		? await ctx.db.selectFrom('invoices').selectAll().where('id', '=', inv.corrects_id).executeTakeFirstOrThrow()
		: null;
	const customer = await ctx.db
		.selectFrom('customers')
		.select(['contact_email', 'municipality_code'])
		.where('id', '=', inv.customer_id)
		.executeTakeFirstOrThrow();
	const accepted: Invoice = { ...inv, ksef_status: 'accepted', ksef_number: ksefNumber };
	const pdf = await invoicePdfWithCodes(ctx, accepted, corrected);
	const to = await billingRecipients(ctx.db, customer.contact_email, customer.municipality_code);
	const mail = invoiceInKsefEmail({
		number: inv.number,
		ksefNumber,
		amount: formatMoney(inv.gross),
		dueDate: polishDate(inv.due_date),
		panelUrl: `${ctx.baseUrl}/urzad`
	});
	const file = inv.number.replace(/\//g, '_');
	const attachments = [
		{ filename: `${file}.pdf`, contentType: 'application/pdf', content: pdf },
		{ filename: `${file}.xml`, contentType: 'application/xml', content: Buffer.from(inv.ksef_xml!, 'utf8') }
	];
	return ctx.db.transaction().execute(async (tx) => {
		const r = await tx
			.updateTable('invoices')
			.set({
				ksef_status: 'accepted',
				ksef_number: ksefNumber,
				ksef_accepted_at: acceptedAt,
				ksef_upo: upo,
				ksef_error: null,
				ksef_next_attempt_at: null,
				ksef_updated_at: now(ctx)
			})
			.where('id', '=', id)
			.where('ksef_status', '=', 'sending')
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return false;
		for (const email of to) await enqueueEmail(tx, ctx.clock, { to: email, ...mail, attachments });
		return true;
	});
}

/**
 * The collective UPO of each closed session of the last 3 days whose invoices KSeF has all settled
 * (GET /sessions/{ref} gives its pages once it is made): its first page kept with the session, when valid.
 */
async function fetchSessionUpos(
	ctx: Ctx,
	client: KsefClient,
	poll: { intervalMs: number; attempts: number },
	referenceDataDir: string | undefined
): Promise<void> {
	const sessions = await ctx.db
		.selectFrom('ksef_sessions as s')
		.select('s.reference')
		.where('s.closed_at', 'is not', null)
		.where('s.upo', 'is', null)
		// A session without one (none of its invoices accepted) is not asked about for ever.
		.where('s.opened_at', '>', later(ctx, -3 * 86_400_000))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('invoices')
						.select('id')
						.whereRef('ksef_session_ref', '=', 's.reference')
						.where('ksef_status', '=', 'sending')
				)
			)
		)
		.execute();
	for (const { reference } of sessions) {
		// Being closed (170) for a moment; a later run asks again.
		let status = await client.sessionStatus(reference);
		for (let i = 1; i < poll.attempts && status.status.code < 200; i++) {
			await new Promise((r) => setTimeout(r, poll.intervalMs));
			status = await client.sessionStatus(reference);
		}
		const page = status.upo?.pages[0];
		if (!page) continue;
		const upo = await client.api.xml(page.downloadUrl);
		const check = validateUpo(upo, referenceDataDir);
		if (check && !check.ok) {
			log.warn({ session: reference, output: check.output }, 'KSeF: UPO sesji niezgodne ze schematem');
			continue;
		}
		await ctx.db.updateTable('ksef_sessions').set({ upo }).where('reference', '=', reference).execute();
	}
}

/** The invoice's UPO, kept only when it is a valid receipt (checked against upo-v4-3.xsd where the schema is here). */
async function fetchUpo(
	client: KsefClient,
	session: string,
	status: SessionInvoiceStatus,
	referenceDataDir: string | undefined
): Promise<string | null> {
	try {
		const upo = await client.invoiceUpo(session, status);
		const check = validateUpo(upo, referenceDataDir);
		if (check && !check.ok) {
			log.warn({ session, invoice: status.referenceNumber, output: check.output }, 'KSeF: UPO niezgodne ze schematem');
			return null;
		}
		return upo;
	} catch (e) {
		if (!(e instanceof KsefError)) throw e;
		log.warn({ session, err: e.message }, 'KSeF: nie pobrano UPO; pobierzemy później');
		return null;
	}
}

/** The operator's "Wyślij teraz" at /admin/faktury: a run now instead of waiting for the job. */
export async function sendToKsefNow(ctx: Ctx, actor: Actor | null): Promise<KsefRun> {
	assertOperator(actor, 'Faktury do KSeF wysyła operator.');
	return sendToKsef(ctx);
}

/**
 * A rejected invoice sent again, with its FA(3) made anew from the invoice (after the operator
 * fixed what KSeF refused, e.g. the seller's data): back to `to_send`.
 */
export async function resendRejected(ctx: Ctx, actor: Actor | null, id: string): Promise<void> {
	assertOperator(actor, 'Faktury do KSeF wysyła operator.');
	const r = await ctx.db
		.updateTable('invoices')
		.set({
			ksef_status: 'to_send',
			ksef_xml: null,
			ksef_invoice_hash: null,
			ksef_session_ref: null,
			ksef_invoice_ref: null,
			ksef_attempts: 0,
			ksef_next_attempt_at: null,
			ksef_updated_at: now(ctx)
		})
		.where('id', '=', isId(id) ? id : '0')
		.where('ksef_status', '=', 'rejected')
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0)
		throw new AppError('conflict', 'Ponownie wysyła się tylko fakturę odrzuconą przez KSeF.');
}
