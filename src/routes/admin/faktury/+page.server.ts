import { error, redirect } from '@sveltejs/kit';
import { issueCorrection, ksefLabels, markPaid } from '$lib/server/billing/invoices';
import { polishDate, warsawDay } from '$lib/dates';
import { listPrices, addPrice, packageLabels, planLabels } from '$lib/server/subscriptions/prices';
import { markSentToKsef, recordKsefNumber } from '$lib/server/billing/ksef';
import { sellerParty, setSeller } from '$lib/server/billing/seller';
import { action, formFields } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** The operator's billing: the price list, every invoice, payments and KSeF. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Rozliczenia prowadzi operator.' });
	const { db } = locals.ctx;
	const today = warsawDay(locals.ctx.clock.now());
	const [invoices, prices, seller] = await Promise.all([
		db.selectFrom('invoices').selectAll().orderBy('id', 'desc').limit(200).execute(),
		listPrices(db),
		sellerParty(db)
	]);
	return {
		today,
		seller,
		prices: prices.map((p) => ({
			id: p.id,
			package: packageLabels[p.package],
			plan: planLabels[p.plan],
			gross: p.gross,
			vatRate: p.vat_rate,
			validFrom: p.valid_from,
			validTo: p.valid_to
		})),
		invoices: invoices.map((i) => ({
			id: i.id,
			number: i.number,
			kind: i.kind,
			buyer: i.buyer.name,
			issueDate: polishDate(i.issue_date),
			dueDate: polishDate(i.due_date),
			gross: i.gross,
			corrected: invoices.some((k) => k.corrects_id === i.id),
			paid: i.paid_at ? polishDate(i.paid_at.toISOString().slice(0, 10)) : null,
			overdue: !i.paid_at && i.kind === 'VAT' && today > i.due_date,
			ksef: ksefLabels[i.ksef_status],
			ksefNumber: i.ksef_number
		}))
	};
};

export const actions: Actions = {
	seller: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await setSeller(locals.ctx, locals.actor, f);
				return { saved: 'Zapisano dane sprzedawcy; obowiązują na nowych fakturach.' };
			},
			{ form: 'seller', ...f }
		);
	},
	price: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await addPrice(locals.ctx, locals.actor, f);
				return { saved: 'Dodano cenę do cennika.' };
			},
			{ form: 'price', ...f }
		);
	},
	paid: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await markPaid(locals.ctx, locals.actor, f.id, f.paidOn);
				return { saved: 'Zapisano zapłatę.' };
			},
			{ form: `paid-${f.id}`, ...f }
		);
	},
	correct: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const kor = await issueCorrection(locals.ctx, locals.actor, f.id, f);
				return { saved: `Wystawiono korektę ${kor.number}.` };
			},
			{ form: `correct-${f.id}`, ...f }
		);
	},
	ksef: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await recordKsefNumber(locals.ctx, locals.actor, f.id, f.ksefNumber ?? '');
				return { saved: 'Zapisano numer KSeF.' };
			},
			{ form: `ksef-${f.id}`, ...f }
		);
	},
	sent: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const n = await markSentToKsef(locals.ctx, locals.actor, (f.numbers ?? '').split(',').filter(Boolean));
				return { saved: `Oznaczono jako wysłane: ${n}.` };
			},
			{ form: 'sent' }
		);
	}
};
