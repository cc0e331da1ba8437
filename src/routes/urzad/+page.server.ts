import { error, redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/web/http';
import { unitTypes } from '$lib/server/groups/unit-types';
import { customerOf, setInvoiceReceiver } from '$lib/server/subscriptions/customers';
import { formatNip } from '$lib/server/subscriptions/identifiers';
import { cancelSubscription, packageState } from '$lib/server/subscriptions/subscriptions';
import { addUnit, listUnits, setUnitSettings } from '$lib/server/units/units';
import { customerInvoices, ksefLabels } from '$lib/server/billing/invoices';
import { polishDate, warsawDay } from '$lib/dates';
import { contractsOf } from '$lib/server/billing/contracts';
import type { Actions, PageServerLoad } from './$types';

/** The coordinator's panel: the municipality's package, its units, their publishing. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname + url.search)}`);
	const { ctx, actor } = locals;
	let q = ctx.db.selectFrom('municipalities as m').select(['m.teryt_code', 'm.name']).orderBy('m.name');
	q = actor.isOperator
		? q.where((eb) =>
				eb.exists(eb.selectFrom('customers').select('id').whereRef('customers.municipality_code', '=', 'm.teryt_code'))
			)
		: q.where((eb) =>
				eb.exists(
					eb
						.selectFrom('coordinators')
						.select('user_id')
						.whereRef('coordinators.municipality_code', '=', 'm.teryt_code')
						.where('coordinators.user_id', '=', actor.id)
				)
			);
	const municipalities = await q.execute();
	if (municipalities.length === 0)
		error(403, {
			message: actor.isOperator
				? 'Żadna gmina nie ma jeszcze konta klienta — załóż je w ustawieniach grupy.'
				: 'Panel urzędu jest dla koordynatorów gminy.'
		});
	const chosen = municipalities.find((m) => m.teryt_code === url.searchParams.get('gmina')) ?? municipalities[0];
	return page(async () => {
		const [customer, groups, units, invoices, contracts] = await Promise.all([
			customerOf(ctx, chosen.teryt_code),
			ctx.db
				.selectFrom('groups')
				.select(['id', 'slug', 'name'])
				.where('municipality_code', '=', chosen.teryt_code)
				.orderBy('name')
				.execute(),
			listUnits(ctx, actor, chosen.teryt_code),
			customerInvoices(ctx, actor, chosen.teryt_code),
			contractsOf(ctx, actor, chosen.teryt_code)
		]);
		const today = warsawDay(ctx.clock.now());
		return {
			municipalities: municipalities.map((m) => ({ code: m.teryt_code, name: m.name })),
			municipality: { code: chosen.teryt_code, name: chosen.name },
			receiver: customer?.receiver ?? null,
			customer: customer && {
				legalName: customer.legal_name,
				nip: formatNip(customer.nip),
				regon: customer.regon,
				address: `${customer.street}, ${customer.postal_code} ${customer.city}`,
				contact: `${customer.contact_name}, ${customer.contact_email}${customer.contact_phone ? `, tel. ${customer.contact_phone}` : ''}`
			},
			groups: await Promise.all(
				groups.map(async (g) => ({ id: g.id, slug: g.slug, name: g.name, package: await packageState(ctx, g.id) }))
			),
			units,
			contracts: contracts.map((c) => ({
				id: c.id,
				number: c.number,
				status: c.status,
				startsOn: polishDate(c.starts_on),
				group: c.customer.groupName,
				signed: !!c.scan_file
			})),
			invoices: invoices.map((i) => ({
				id: i.id,
				number: i.number,
				kind: i.kind,
				issueDate: i.issue_date,
				period: i.period_start && i.period_end ? `${polishDate(i.period_start)}–${polishDate(i.period_end)}` : null,
				gross: i.gross,
				dueDate: i.due_date,
				payment: i.paid_at ? 'zapłacona' : i.gross <= 0 ? '—' : today > i.due_date ? 'po terminie' : 'do zapłaty',
				ksef: ksefLabels[i.ksef_status]
			})),
			unitTypes: Object.entries(unitTypes).map(([id, label]) => ({ id, label }))
		};
	});
};

export const actions: Actions = {
	receiver: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await setInvoiceReceiver(locals.ctx, locals.actor, f.municipality, f);
				return { saved: 'receiver' };
			},
			{ form: 'receiver', ...f }
		);
	},
	settings: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		const flag = { canPublish: 'canPublish', mayAlert: 'mayAlert', officePublishes: 'officePublishes' }[f.setting];
		return action(
			async () => {
				await setUnitSettings(locals.ctx, locals.actor, f.unitId, flag ? { [flag]: f.value === 'on' } : {});
				return { saved: f.unitId };
			},
			{ form: 'settings', unitId: f.unitId }
		);
	},
	add: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await addUnit(locals.ctx, locals.actor, f.municipality, f);
				return { added: f.name };
			},
			{ form: 'add', ...f }
		);
	},
	cancel: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const state = await cancelSubscription(locals.ctx, locals.actor, f.groupId);
				return { cancelled: state.cancelAt };
			},
			{ form: 'cancel' }
		);
	}
};
