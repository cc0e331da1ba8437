import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { getGroup } from '../groups/groups';
import { customerOf } from '../subscriptions/customers';
import { assertOperator } from '../access/actor';
import { warsawDay, polishDate } from '../../dates';
import { ksefLabels } from './invoices';
import { addCustomerTerms, listPrices, packageLabels, planLabels } from '../subscriptions/prices';
import { sellerParty } from './seller';
import { ksefEnvironmentLabels, ksefSettings } from './ksef/settings';

/** The operator's billing (`/admin/faktury`): the seller, the price list, the last 200 invoices. */
export async function billingOverview(ctx: Ctx, actor: Actor | null) {
	assertOperator(actor, 'Rozliczenia prowadzi operator.');
	const { db } = ctx;
	const today = warsawDay(ctx.clock.now());
	const [invoices, prices, seller, ksef] = await Promise.all([
		db.selectFrom('invoices').selectAll().orderBy('id', 'desc').limit(200).execute(),
		listPrices(db),
		sellerParty(db),
		ksefSettings(ctx, actor)
	]);
	return {
		today,
		seller,
		ksef: ksef && {
			...ksef,
			environmentLabel: ksefEnvironmentLabels[ksef.environment],
			updatedAt: ksef.updatedAt.toISOString()
		},
		ksefEnvironments: Object.entries(ksefEnvironmentLabels),
		/** Invoices KSeF has yet to settle (the page refreshes itself while there are any). */
		ksefPending: invoices.filter((i) => ['to_send', 'sending', 'to_resend'].includes(i.ksef_status)).length,
		prices: prices.map((p) => ({
			id: p.id,
			package: packageLabels[p.package],
			plan: planLabels[p.plan],
			gross: p.gross,
			vatRate: p.vat_rate,
			promotionsPerMonth: p.promotions_per_month,
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
			ksefStatus: i.ksef_status,
			ksefNumber: i.ksef_number,
			/** KSeF's refusal (code and text) or why the last attempt failed. */
			ksefError: i.ksef_status === 'accepted' ? null : i.ksef_error,
			ksefOffline: i.ksef_offline && i.ksef_status !== 'accepted',
			ksefNextAttempt: i.ksef_status === 'to_resend' ? (i.ksef_next_attempt_at?.toISOString() ?? null) : null,
			ksefAttempts: i.ksef_attempts
		}))
	};
}

/** Every contract for the operator (`/admin/umowy`), newest first, at most 200. */
export async function contractsForOperator(ctx: Pick<Ctx, 'db'>, actor: Actor | null) {
	assertOperator(actor, 'Umowy podpisuje operator.');
	const rows = await ctx.db.selectFrom('contracts').selectAll().orderBy('id', 'desc').limit(200).execute();
	return rows.map((c) => ({
		id: c.id,
		number: c.number,
		status: c.status,
		customer: c.customer.legalName,
		group: c.customer.groupName,
		startsOn: polishDate(c.starts_on),
		plan: c.plan,
		months: c.commitment_months,
		gross: c.gross,
		signedAt: c.signed_at?.toISOString() ?? null
	}));
}

/** The operator gives the customer of the group's municipality individual terms (its data must be saved first). */
export async function addGroupTerms(ctx: Ctx, actor: Actor | null, slug: string, input: unknown) {
	const g = await getGroup(ctx.db, slug);
	const existing = await customerOf(ctx, g.municipality_code);
	if (!existing) throw new AppError('conflict', 'Najpierw zapisz dane klienta.');
	await addCustomerTerms(ctx, actor, existing.id, input);
}
