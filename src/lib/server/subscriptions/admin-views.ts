import type { Actor, Ctx } from '../core/context';
import { getGroup } from '../groups/groups';
import { assertOperator } from '../access/actor';
import { warsawDay } from '../../dates';
import { createCustomer, customerOf, updateCustomer } from '../subscriptions/customers';
import { formatNip } from '../subscriptions/identifiers';
import { packageState } from '../subscriptions/subscriptions';
import { packageLabels } from '../subscriptions/prices';

/** A group's settings for the operator (`/admin/grupy/{slug}`): group, municipality, customer, terms, package. */
export async function groupSettings(ctx: Ctx, actor: Actor | null, slug: string) {
	assertOperator(actor, 'Tylko operator może zmieniać ustawienia grupy.');
	const g = await getGroup(ctx.db, slug);
	const [customer, state, coordinators, municipality, terms] = await Promise.all([
		customerOf(ctx, g.municipality_code),
		packageState(ctx, g.id),
		ctx.db
			.selectFrom('coordinators as c')
			.innerJoin('users as u', 'u.id', 'c.user_id')
			.select(['u.display_name', 'u.email'])
			.where('c.municipality_code', '=', g.municipality_code)
			.orderBy('u.display_name')
			.execute(),
		ctx.db
			.selectFrom('municipalities')
			.select(['name', 'teryt_code', 'population', 'population_year'])
			.where('teryt_code', '=', g.municipality_code)
			.executeTakeFirstOrThrow(),
		ctx.db
			.selectFrom('customer_terms as t')
			.innerJoin('customers as c', 'c.id', 't.customer_id')
			.select(['t.id', 't.package', 't.gross', 't.note', 't.valid_from', 't.valid_to'])
			.where('c.municipality_code', '=', g.municipality_code)
			.orderBy('t.valid_from', 'desc')
			.execute()
	]);
	return {
		group: {
			slug: g.slug,
			name: g.name,
			description: g.description,
			rules: g.rules,
			isPublic: g.is_public,
			membershipQuestion: g.membership_question,
			memberPostsNeedApproval: g.member_posts_need_approval
		},
		municipality,
		customer: customer && {
			legalName: customer.legal_name,
			nip: formatNip(customer.nip),
			regon: customer.regon,
			street: customer.street,
			postalCode: customer.postal_code,
			city: customer.city,
			contactName: customer.contact_name,
			contactEmail: customer.contact_email,
			contactPhone: customer.contact_phone,
			smsEnabled: customer.sms_enabled,
			smsPriceGrosze: customer.sms_price_grosze,
			promotionSmsCap: customer.promotion_sms_cap
		},
		terms: terms.map((t) => ({
			id: t.id,
			packageLabel: packageLabels[t.package],
			gross: t.gross,
			note: t.note,
			validFrom: t.valid_from,
			validTo: t.valid_to
		})),
		coordinators: coordinators.map((c) => ({ name: c.display_name, email: c.email })),
		package: state,
		today: warsawDay(ctx.clock.now())
	};
}

/** The operator writes the customer's data of the group's municipality: a new customer, or changes to the one there is. */
export async function saveGroupCustomer(ctx: Ctx, actor: Actor | null, slug: string, input: Record<string, unknown>) {
	const g = await getGroup(ctx.db, slug);
	const existing = await customerOf(ctx, g.municipality_code);
	if (existing) await updateCustomer(ctx, actor, existing.id, input);
	else await createCustomer(ctx, actor, { ...input, municipalityCode: g.municipality_code });
}
