import { sql } from 'kysely';
import { z } from 'zod';
import { parseInput, isId } from '../core/validation';
import type { Actor, Ctx } from '../core/context';
import { assertCoordinator } from '../access/office';
import { assertOperator, assertSignedIn } from '../access/actor';
import { enqueueEmail } from '../notify/outbox';
import { paymentReminderEmail } from './messages';
import { formatMoney } from '../../format';
import type { Db } from '../db/database';
import type { Selectable } from 'kysely';
import type { InvoiceLine, InvoiceParty, InvoiceTable, KsefStatus } from '../db/schema';
import { AppError } from '../core/errors';
import { addDays, periodContaining, warsawDay, polishDate } from '../../dates';
import { fromGross, parseAmount, totalsByRate } from '../core/money';
import { packageLabels, packageScopes, priceFor } from '../subscriptions/prices';
import { packageSchedule } from '../subscriptions/subscriptions';
import { sellerForInvoice, sellerParty } from './seller';

export type Invoice = Selectable<InvoiceTable>;

export const PAYMENT_DAYS = 14;
/** The invoice's state in KSeF (billing/ksef/send.ts); 'sent': sent by hand, its number not yet typed back. */
export const ksefLabels: Record<KsefStatus, string> = {
	to_send: 'do wysłania',
	sending: 'wysyłana',
	accepted: 'przyjęta',
	rejected: 'odrzucona',
	to_resend: 'do ponownej wysyłki',
	sent: 'wysłana ręcznie'
};
/** Above this gross amount an invoice for goods or services of annex 15 to the VAT act must say "mechanizm podzielonej płatności". */
export const SPLIT_PAYMENT_THRESHOLD = 1_500_000;

/**
 * The next number of a series in a year: a row per (series, year) updated in the caller's
 * transaction, so concurrent invoices wait for each other and a rolled-back one frees its number.
 */
export async function nextNumber(tx: Db, series: string, year: number): Promise<number> {
	const row = await tx
		.insertInto('invoice_counters')
		.values({ series, year, last: 1 })
		.onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ last: sql`invoice_counters.last + 1` }))
		.returning('last')
		.executeTakeFirstOrThrow();
	return row.last;
}

/** "FV/2026/12/0001": series, year, month of issue, the year's sequence. */
export const invoiceNumber = (series: string, issueDate: string, seq: number) =>
	`${series}/${issueDate.slice(0, 4)}/${issueDate.slice(5, 7)}/${String(seq).padStart(4, '0')}`;

export interface InvoiceDraft {
	kind: 'VAT' | 'KOR';
	customerId: string;
	subscriptionId?: string | null;
	correctsId?: string | null;
	period?: { start: string; end: string } | null;
	issueDate: string;
	saleDate: string;
	buyer: InvoiceParty;
	receiver?: InvoiceParty | null;
	lines: Omit<InvoiceLine, 'net' | 'vat'>[];
	reason?: string | null;
}

/** Writes an invoice with the next number of its series, in the caller's transaction. */
export async function insertInvoice(tx: Db, ctx: Pick<Ctx, 'clock'>, draft: InvoiceDraft): Promise<Invoice> {
	if (draft.lines.length === 0) throw new AppError('validation', 'Faktura musi mieć co najmniej jedną pozycję.');
	const seller = await sellerForInvoice(tx);
	const series = draft.kind === 'VAT' ? 'FV' : 'KOR';
	const year = Number(draft.issueDate.slice(0, 4));
	const seq = await nextNumber(tx, series, year);
	const lines: InvoiceLine[] = draft.lines.map((l) => ({ ...l, ...fromGross(l.gross, l.ratePercent) }));
	// A correction's totals are the difference: the lines as they are now minus the lines as they were.
	const signed = lines.map((l) => ({ gross: l.before ? -l.gross : l.gross, ratePercent: l.ratePercent }));
	const { total } = totalsByRate(draft.kind === 'KOR' ? signed : lines);
	return tx
		.insertInto('invoices')
		.values({
			number: invoiceNumber(series, draft.issueDate, seq),
			kind: draft.kind,
			series,
			year,
			seq,
			customer_id: draft.customerId,
			subscription_id: draft.subscriptionId ?? null,
			corrects_id: draft.correctsId ?? null,
			period_start: draft.period?.start ?? null,
			period_end: draft.period?.end ?? null,
			issue_date: draft.issueDate,
			sale_date: draft.saleDate,
			due_date: addDays(draft.issueDate, PAYMENT_DAYS),
			seller: JSON.stringify(seller),
			buyer: JSON.stringify(draft.buyer),
			receiver: draft.receiver ? JSON.stringify(draft.receiver) : null,
			lines: JSON.stringify(lines),
			net: total.net,
			vat: total.vat,
			gross: total.gross,
			reason: draft.reason ?? null,
			ksef_number: null,
			created_at: ctx.clock.now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function buyerOf(
	db: Db,
	customerId: string
): Promise<{ buyer: InvoiceParty; receiver: InvoiceParty | null }> {
	const c = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
	if (!c) throw new AppError('not_found', 'Nie ma takiego klienta.');
	return {
		buyer: {
			name: c.legal_name,
			nip: c.nip,
			street: c.street,
			postalCode: c.postal_code,
			city: c.city,
			email: c.contact_email
		},
		receiver: c.receiver
	};
}

/**
 * The invoice of a subscription's monthly period (issued on the period's first day): the package
 * in force that day at the customer's price for it (its own terms, else the list). Once per period; a second call returns the first invoice.
 */
export async function issuePeriodInvoice(ctx: Ctx, subscriptionId: string, periodStart: string): Promise<Invoice> {
	return (await periodInvoice(ctx, subscriptionId, periodStart)).invoice;
}

async function periodInvoice(
	ctx: Ctx,
	subscriptionId: string,
	periodStart: string
): Promise<{ invoice: Invoice; created: boolean }> {
	const s = await ctx.db
		.selectFrom('subscriptions as s')
		.innerJoin('groups as g', 'g.id', 's.group_id')
		.select(['s.id', 's.customer_id', 's.plan', 's.starts_on', 'g.name as group_name'])
		.where('s.id', '=', subscriptionId)
		.executeTakeFirst();
	if (!s) throw new AppError('not_found', 'Nie ma takiej subskrypcji.');
	const period = periodContaining(s.starts_on, periodStart);
	if (period.start !== periodStart)
		throw new AppError(
			'validation',
			`Okres rozliczeniowy tej subskrypcji zaczyna się ${period.start}, nie ${periodStart}.`
		);
	const existing = (db: Db) =>
		db
			.selectFrom('invoices')
			.selectAll()
			.where('subscription_id', '=', subscriptionId)
			.where('period_start', '=', periodStart)
			.where('kind', '=', 'VAT')
			.executeTakeFirst();
	const had = await existing(ctx.db);
	if (had) return { invoice: had, created: false };
	// The package in force on the period's first day (a change takes effect at a period's start).
	const { package: pkg } = await packageSchedule(ctx.db, s.id, s.starts_on, periodStart);
	const price = await priceFor(ctx.db, s.customer_id, s.plan, periodStart, pkg);
	const { buyer, receiver } = await buyerOf(ctx.db, s.customer_id);
	const line = {
		description: `${packageLabels[pkg]} – ${packageScopes[pkg]} w grupie „${s.group_name}”, okres ${polishDate(period.start)}–${polishDate(period.end)}`,
		quantity: 1,
		unit: 'usł.',
		gross: price.gross,
		ratePercent: price.ratePercent
	};
	return ctx.db.transaction().execute(async (tx) => {
		// Issuers of the same subscription wait for each other here, so the second finds the first's invoice.
		await tx.selectFrom('subscriptions').select('id').where('id', '=', subscriptionId).forUpdate().executeTakeFirst();
		const again = await existing(tx);
		if (again) return { invoice: again, created: false };
		const invoice = await insertInvoice(tx, ctx, {
			kind: 'VAT',
			customerId: s.customer_id,
			subscriptionId,
			period,
			issueDate: periodStart,
			saleDate: period.end,
			buyer,
			receiver,
			lines: [line]
		});
		return { invoice, created: true };
	});
}

/** The job: every active subscription whose current period has begun and has no invoice yet. */
export async function issueDueInvoices(ctx: Ctx): Promise<Invoice[]> {
	const today = warsawDay(ctx.clock.now());
	const subs = await ctx.db
		.selectFrom('subscriptions')
		.select(['id', 'starts_on', 'cancel_at'])
		.where('status', '!=', 'ended')
		.where('starts_on', '<=', today)
		.execute();
	const issued: Invoice[] = [];
	// Until the operator sets the seller's account nothing can be issued; the periods wait (the admin page says why).
	if (!(await sellerParty(ctx.db)).bankAccount) return issued;
	for (const s of subs) {
		if (s.cancel_at && today > s.cancel_at) continue;
		const { invoice, created } = await periodInvoice(ctx, s.id, periodContaining(s.starts_on, today).start);
		if (created) issued.push(invoice);
	}
	return issued;
}

export async function invoiceByNumber(db: Db, number: string): Promise<Invoice> {
	const inv = await db.selectFrom('invoices').selectAll().where('number', '=', number).executeTakeFirst();
	if (!inv) throw new AppError('not_found', 'Nie ma takiej faktury.');
	return inv;
}

/** Must the invoice carry "mechanizm podzielonej płatności"? Only for annex-15 goods and services above 15 000 zł; the package is not one of them. */
export function splitPaymentRequired(inv: Pick<Invoice, 'gross'>, annex15 = false): boolean {
	return annex15 && inv.gross > SPLIT_PAYMENT_THRESHOLD;
}

/** Invoices a coordinator (or the operator) may see: the customer's of their municipality. */
export async function customerInvoices(ctx: Ctx, actor: Actor | null, municipalityCode: string): Promise<Invoice[]> {
	await assertCoordinator(ctx, actor, municipalityCode, 'Faktury gminy widzą jej koordynatorzy i operator.');
	return ctx.db
		.selectFrom('invoices as i')
		.innerJoin('customers as c', 'c.id', 'i.customer_id')
		.selectAll('i')
		.where('c.municipality_code', '=', municipalityCode)
		.orderBy('i.issue_date', 'desc')
		.orderBy('i.id', 'desc')
		.execute();
}

/** One invoice for download, with the invoice it corrects; only for its customer's coordinators and the operator. */
export async function invoiceForReader(
	ctx: Ctx,
	actor: Actor | null,
	id: string
): Promise<{ invoice: Invoice; corrected: Invoice | null }> {
	assertSignedIn(actor, 'Zaloguj się, aby pobrać fakturę.');
	if (!isId(id)) throw new AppError('not_found', 'Nie ma takiej faktury.');
	const row = await ctx.db
		.selectFrom('invoices as i')
		.innerJoin('customers as c', 'c.id', 'i.customer_id')
		.selectAll('i')
		.select('c.municipality_code')
		.where('i.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'Nie ma takiej faktury.');
	await assertCoordinator(ctx, actor, row.municipality_code, 'Faktury gminy pobierają jej koordynatorzy i operator.');
	const { municipality_code: _code, ...invoice } = row;
	const corrected = invoice.corrects_id
		? ((await ctx.db.selectFrom('invoices').selectAll().where('id', '=', invoice.corrects_id).executeTakeFirst()) ??
			null)
		: null;
	return { invoice, corrected };
}

/** Who gets a customer's billing e-mails: its contact and the municipality's coordinators, once each. */
export async function billingRecipients(db: Db, contactEmail: string, municipalityCode: string): Promise<string[]> {
	const coordinatorEmails = (
		await db
			.selectFrom('coordinators as k')
			.innerJoin('users as u', 'u.id', 'k.user_id')
			.select('u.email')
			.where('k.municipality_code', '=', municipalityCode)
			.where('u.deleted_at', 'is', null)
			.execute()
	).map((r) => r.email);
	return [...new Set([contactEmail, ...coordinatorEmails])];
}

/**
 * After the due date, one reminder per unpaid invoice to the customer's contact and coordinators,
 * through the outbox; the mark and the e-mails share a transaction. Returns the invoices reminded.
 */
export async function remindOverdue(ctx: Ctx): Promise<string[]> {
	const today = warsawDay(ctx.clock.now());
	const overdue = await ctx.db
		.selectFrom('invoices as i')
		.innerJoin('customers as c', 'c.id', 'i.customer_id')
		.select(['i.id', 'i.number', 'i.gross', 'i.due_date', 'c.contact_email', 'c.municipality_code', 'c.legal_name'])
		.where('i.kind', '=', 'VAT')
		.where('i.paid_at', 'is', null)
		.where('i.reminded_at', 'is', null)
		.where('i.gross', '>', 0)
		.where('i.due_date', '<', today)
		.execute();
	const reminded: string[] = [];
	for (const inv of overdue) {
		const to = await billingRecipients(ctx.db, inv.contact_email, inv.municipality_code);
		const mail = paymentReminderEmail({
			number: inv.number,
			amount: formatMoney(inv.gross),
			dueDate: polishDate(inv.due_date),
			panelUrl: `${ctx.baseUrl}/urzad`
		});
		const marked = await ctx.db.transaction().execute(async (tx) => {
			const r = await tx
				.updateTable('invoices')
				.set({ reminded_at: ctx.clock.now() })
				.where('id', '=', inv.id)
				.where('reminded_at', 'is', null)
				.where('paid_at', 'is', null)
				.executeTakeFirst();
			if (Number(r.numUpdatedRows) === 0) return false;
			for (const email of to) await enqueueEmail(tx, ctx.clock, { to: email, ...mail });
			return true;
		});
		if (marked) reminded.push(inv.number);
	}
	return reminded;
}

/** The operator records a payment (by the bank statement). */
export async function markPaid(ctx: Ctx, actor: Actor | null, id: string, paidOn: string): Promise<void> {
	assertOperator(actor);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn))
		throw new AppError('validation', 'Podaj datę zapłaty w postaci RRRR-MM-DD.', { paidOn: 'Podaj datę zapłaty.' });
	if (paidOn > warsawDay(ctx.clock.now()))
		throw new AppError('validation', 'Data zapłaty nie może być w przyszłości.', {
			paidOn: 'Data zapłaty nie może być w przyszłości.'
		});
	const r = await ctx.db
		.updateTable('invoices')
		.set({ paid_at: new Date(`${paidOn}T12:00:00Z`) })
		.where('id', '=', id)
		.where('kind', '=', 'VAT')
		.where('paid_at', 'is', null)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0)
		throw new AppError(
			'conflict',
			'Tej faktury nie można oznaczyć jako zapłaconej (nie ma jej, jest korektą albo już jest zapłacona).'
		);
}

const correctionInput = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('price'),
			gross: z.string({ error: 'Podaj nową cenę brutto.' }),
			reason: z.string().trim().max(200).default('')
		}),
		z.object({
			kind: z.literal('cancel'),
			lastDay: z.iso.date('Podaj ostatni dzień świadczenia usługi (RRRR-MM-DD).'),
			reason: z.string().trim().max(200).default('')
		})
	],
	{ error: 'Wybierz rodzaj korekty.' }
);

/**
 * A correction (KOR) of a period invoice: a new price for the period, or a cancellation from a day
 * (the period is then charged for the days used, in proportion). Each line is shown as it was
 * (StanPrzed) and as it is; the totals are the difference. The operator issues it.
 */
export async function issueCorrection(
	ctx: Ctx,
	actor: Actor | null,
	invoiceId: string,
	input: unknown
): Promise<Invoice> {
	assertOperator(actor);
	const data = parseInput(correctionInput, input);
	const original = await ctx.db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
	if (!original) throw new AppError('not_found', 'Nie ma takiej faktury.');
	if (original.kind !== 'VAT') throw new AppError('conflict', 'Korygujemy fakturę VAT, nie korektę.');
	const already = await ctx.db
		.selectFrom('invoices')
		.select('number')
		.where('corrects_id', '=', invoiceId)
		.executeTakeFirst();
	if (already)
		throw new AppError(
			'conflict',
			`Ta faktura ma już korektę ${already.number}; skoryguj ją, wystawiając nową fakturę po uzgodnieniu z operatorem.`
		);
	const line = original.lines[0];
	let gross: number;
	let reason: string;
	if (data.kind === 'price') {
		const parsed = parseAmount(data.gross);
		if (parsed === null)
			throw new AppError('validation', 'Podaj nową cenę brutto w złotych, np. 3 500,00.', {
				gross: 'Podaj cenę brutto w złotych.'
			});
		if (parsed === line.gross)
			throw new AppError('validation', 'Nowa cena jest taka sama jak na fakturze.', { gross: 'Podaj inną cenę.' });
		gross = parsed;
		reason = data.reason || 'Zmiana ceny usługi';
	} else {
		if (!original.period_start || !original.period_end)
			throw new AppError('conflict', 'Ta faktura nie dotyczy okresu rozliczeniowego.');
		if (data.lastDay < original.period_start || data.lastDay >= original.period_end)
			throw new AppError(
				'validation',
				`Ostatni dzień musi być w okresie ${polishDate(original.period_start)}–${polishDate(original.period_end)}, przed jego końcem.`,
				{ lastDay: 'Podaj dzień w okresie faktury.' }
			);
		const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
		gross = Math.round(
			(line.gross * days(original.period_start, data.lastDay)) / days(original.period_start, original.period_end)
		);
		reason = data.reason || `Rezygnacja z usługi od ${polishDate(addDays(data.lastDay, 1))}`;
	}
	const { buyer, receiver } = { buyer: original.buyer, receiver: original.receiver };
	const before = {
		description: line.description,
		quantity: line.quantity,
		unit: line.unit,
		gross: line.gross,
		ratePercent: line.ratePercent,
		before: true
	};
	const after = {
		description: line.description,
		quantity: line.quantity,
		unit: line.unit,
		gross,
		ratePercent: line.ratePercent
	};
	return ctx.db.transaction().execute((tx) =>
		insertInvoice(tx, ctx, {
			kind: 'KOR',
			customerId: original.customer_id,
			subscriptionId: original.subscription_id,
			correctsId: original.id,
			period:
				original.period_start && original.period_end
					? { start: original.period_start, end: original.period_end }
					: null,
			issueDate: warsawDay(ctx.clock.now()),
			saleDate: original.sale_date,
			buyer,
			receiver,
			reason,
			lines: [before, after]
		})
	);
}
