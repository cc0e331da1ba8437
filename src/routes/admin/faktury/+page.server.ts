import { issueCorrection, markPaid } from '$lib/server/billing/invoices';
import { addPrice } from '$lib/server/subscriptions/prices';
import { markSentToKsef, recordKsefNumber } from '$lib/server/billing/ksef/manual';
import { setSeller } from '$lib/server/billing/seller';
import { formAction, page, requireActor } from '$lib/server/web/http';
import { billingOverview } from '$lib/server/billing/admin-views';
import type { Actions, PageServerLoad } from './$types';

/** The operator's billing: the price list, every invoice, payments and KSeF. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => billingOverview(event.locals.ctx, actor));
};

export const actions: Actions = {
	seller: formAction(
		async (f, { locals }) => {
			await setSeller(locals.ctx, locals.actor, f);
			return { saved: 'Zapisano dane sprzedawcy; obowiązują na nowych fakturach.' };
		},
		(f) => ({ form: 'seller', ...f })
	),
	price: formAction(
		async (f, { locals }) => {
			await addPrice(locals.ctx, locals.actor, f);
			return { saved: 'Dodano cenę do cennika.' };
		},
		(f) => ({ form: 'price', ...f })
	),
	paid: formAction(
		async (f, { locals }) => {
			await markPaid(locals.ctx, locals.actor, f.id, f.paidOn);
			return { saved: 'Zapisano zapłatę.' };
		},
		(f) => ({ form: `paid-${f.id}`, ...f })
	),
	correct: formAction(
		async (f, { locals }) => {
			const kor = await issueCorrection(locals.ctx, locals.actor, f.id, f);
			return { saved: `Wystawiono korektę ${kor.number}.` };
		},
		(f) => ({ form: `correct-${f.id}`, ...f })
	),
	ksef: formAction(
		async (f, { locals }) => {
			await recordKsefNumber(locals.ctx, locals.actor, f.id, f.ksefNumber ?? '');
			return { saved: 'Zapisano numer KSeF.' };
		},
		(f) => ({ form: `ksef-${f.id}`, ...f })
	),
	sent: formAction(
		async (f, { locals }) => {
			const n = await markSentToKsef(locals.ctx, locals.actor, (f.numbers ?? '').split(',').filter(Boolean));
			return { saved: `Oznaczono jako wysłane: ${n}.` };
		},
		() => ({ form: 'sent' })
	)
};
