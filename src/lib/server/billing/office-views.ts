import type { Actor, Ctx } from '../core/context';
import { unitTypes } from '../groups/unit-types';
import { customerOf } from '../subscriptions/customers';
import { formatNip } from '../subscriptions/identifiers';
import { packageState } from '../subscriptions/subscriptions';
import { changeOptions } from '../subscriptions/package-changes';
import { listUnits } from '../units/units';
import { listCoordinatedMunicipalities } from '../access/office';
import { warsawDay, polishDate } from '../../dates';
import { contractsOf } from './contracts';
import { customerInvoices, ksefLabels } from './invoices';

/** The coordinator's panel (`/urzad`): the chosen municipality's package, units, contracts and invoices. */
export async function officePanel(ctx: Ctx, actor: Actor | null, chosenCode: string | null) {
	const municipalities = await listCoordinatedMunicipalities(ctx, actor);
	const chosen = municipalities.find((m) => m.teryt_code === chosenCode) ?? municipalities[0];
	const [customer, groups, units, invoices, contracts] = await Promise.all([
		customerOf(ctx, chosen.teryt_code),
		ctx.db
			.selectFrom('groups')
			.select(['id', 'slug', 'name'])
			.select((eb) =>
				eb
					.selectFrom('imgw_alerts as ia')
					.select(eb.fn.countAll<string>().as('n'))
					.whereRef('ia.group_id', '=', 'groups.id')
					.where('ia.state', '=', 'held')
					.as('imgw_held')
			)
			.where('municipality_code', '=', chosen.teryt_code)
			.orderBy('name')
			.execute(),
		listUnits(ctx, actor, chosen.teryt_code),
		customerInvoices(ctx, actor, chosen.teryt_code),
		contractsOf(ctx, actor, chosen.teryt_code)
	]);
	const today = warsawDay(ctx.clock.now());
	const packages = await Promise.all(groups.map((g) => packageState(ctx, g.id)));
	const changes = await Promise.all(groups.map((g) => changeOptions(ctx, g.id)));
	// An order is possible for a group without a live package and without a contract waiting for signature.
	const orderable = groups.some(
		(g, i) =>
			(!packages[i] || packages[i].status === 'ended') &&
			!contracts.some((c) => c.group_id === g.id && c.status === 'ordered')
	);
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
		groups: groups.map((g, i) => ({
			id: g.id,
			slug: g.slug,
			name: g.name,
			imgwHeld: Number(g.imgw_held ?? 0),
			package: packages[i],
			change: changes[i]
		})),
		orderable,
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
			payment: i.paid_at
				? `zapłacona ${polishDate(warsawDay(i.paid_at))}`
				: i.gross <= 0
					? '—'
					: today > i.due_date
						? 'po terminie'
						: 'do zapłaty',
			paid: !!i.paid_at,
			ksef: ksefLabels[i.ksef_status],
			ksefNumber: i.ksef_number
		})),
		unitTypes: Object.entries(unitTypes).map(([id, label]) => ({ id, label }))
	};
}
