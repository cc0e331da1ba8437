import { issueCorrection, markPaid } from '$lib/server/billing/invoices';
import { addPrice } from '$lib/server/subscriptions/prices';
import { markSentToKsef, recordKsefNumber } from '$lib/server/billing/ksef/manual';
import { setKsefOfflineCertificate, setKsefSettings } from '$lib/server/billing/ksef/settings';
import { resendRejected, sendToKsefNow } from '$lib/server/billing/ksef/send';
import { plural } from '$lib/format';
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
	ksefSettings: formAction(
		async (f, { locals }) => {
			await setKsefSettings(locals.ctx, locals.actor, f);
			return { saved: 'Zapisano ustawienia KSeF.' };
		},
		// The token is never sent back to the page.
		({ token: _token, ...f }) => ({ form: 'ksef-settings', ...f })
	),
	ksefOffline: formAction(
		async (f, { locals }) => {
			await setKsefOfflineCertificate(locals.ctx, locals.actor, f);
			return { saved: 'Zapisano certyfikat KSeF typu Offline: faktury offline dostaną KOD II.' };
		},
		// The private key is never sent back to the page.
		({ privateKey: _key, ...f }) => ({ form: 'ksef-offline', ...f })
	),
	ksefSend: formAction(
		async (_f, { locals }) => {
			const r = await sendToKsefNow(locals.ctx, locals.actor);
			if (r.notConfigured) return { saved: r.notConfigured };
			const parts = [
				`Wysłano do KSeF: ${r.sent}.`,
				r.accepted.length
					? `${r.accepted.length} ${plural(r.accepted.length, 'faktura przyjęta', 'faktury przyjęte', 'faktur przyjętych')}.`
					: '',
				r.rejected.length
					? `${r.rejected.length} ${plural(r.rejected.length, 'odrzucona', 'odrzucone', 'odrzuconych')} (powód przy fakturze).`
					: '',
				r.processing ? `W przetwarzaniu w KSeF: ${r.processing}.` : '',
				r.error ? `Ponowimy później: ${r.error}` : ''
			];
			return { saved: parts.filter(Boolean).join(' ') };
		},
		() => ({ form: 'ksef-send' })
	),
	ksefResend: formAction(
		async (f, { locals }) => {
			await resendRejected(locals.ctx, locals.actor, f.id);
			return { saved: 'Faktura czeka na ponowną wysyłkę do KSeF.' };
		},
		(f) => ({ form: `ksef-resend-${f.id}`, ...f })
	),
	sent: formAction(
		async (f, { locals }) => {
			const n = await markSentToKsef(locals.ctx, locals.actor, (f.numbers ?? '').split(',').filter(Boolean));
			return { saved: `Oznaczono jako wysłane: ${n}.` };
		},
		() => ({ form: 'sent' })
	)
};
