import type { Actor, Ctx } from '../core/context';
import { AppError, unauthenticated } from '../core/errors';
import { formatNip } from '../subscriptions/identifiers';
import { warsawDay } from '../../dates';
import { EXTENDED_PACKAGES_FROM, orderOptions, packageLabels, packageScopes } from '../subscriptions/prices';

/**
 * The order form (`/urzad/zamowienie`): the groups without a package or a pending order
 * that the actor coordinates (the operator: all), the chosen one's customer data filled in.
 */
export async function orderForm(ctx: Pick<Ctx, 'db' | 'clock'>, actor: Actor | null, groupSlug: string | null) {
	if (!actor) throw unauthenticated();
	let q = ctx.db
		.selectFrom('groups as g')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.select(['g.slug', 'g.name', 'g.municipality_code', 'm.name as municipality'])
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('subscriptions as s')
						.select('s.id')
						.whereRef('s.group_id', '=', 'g.id')
						.where('s.status', '!=', 'ended')
				)
			)
		)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('contracts as c')
						.select('c.id')
						.whereRef('c.group_id', '=', 'g.id')
						.where('c.status', '=', 'ordered')
				)
			)
		)
		.orderBy('m.name');
	if (!actor.isOperator)
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('coordinators as k')
					.select('k.user_id')
					.whereRef('k.municipality_code', '=', 'g.municipality_code')
					.where('k.user_id', '=', actor.id)
			)
		);
	const groups = await q.execute();
	if (groups.length === 0 && !actor.isOperator) {
		const coordinator = await ctx.db
			.selectFrom('coordinators')
			.select('user_id')
			.where('user_id', '=', actor.id)
			.executeTakeFirst();
		if (!coordinator)
			throw new AppError('forbidden', 'Pakiet zamawia koordynator gminy (albo operator w jej imieniu).');
	}
	const chosen = groups.find((g) => g.slug === groupSlug) ?? groups[0] ?? null;
	const customer = chosen
		? await ctx.db
				.selectFrom('customers')
				.selectAll()
				.where('municipality_code', '=', chosen.municipality_code)
				.executeTakeFirst()
		: undefined;
	const units = chosen
		? await ctx.db
				.selectFrom('units')
				.select('name')
				.where('municipality_code', '=', chosen.municipality_code)
				.orderBy('name')
				.execute()
		: [];
	const today = warsawDay(ctx.clock.now());
	// What can start today, and Pakiet 2 and 3 from the day they are sold (the order names a start from then).
	const options = [
		...(await orderOptions(ctx.db, today)).map((o) => ({ ...o, from: today })),
		...(today < EXTENDED_PACKAGES_FROM
			? (await orderOptions(ctx.db, EXTENDED_PACKAGES_FROM))
					.filter((o) => o.package !== 'pakiet1')
					.map((o) => ({ ...o, from: EXTENDED_PACKAGES_FROM }))
			: [])
	];
	const packages = (['pakiet1', 'pakiet2', 'pakiet3'] as const)
		.filter((p) => options.some((o) => o.package === p))
		.map((p) => ({
			code: p,
			label: packageLabels[p],
			scope: packageScopes[p],
			from: options.find((o) => o.package === p)!.from,
			plans: options.filter((o) => o.package === p).map((o) => ({ plan: o.plan, gross: o.gross }))
		}));
	return {
		groups: groups.map((g) => ({ slug: g.slug, name: g.name, municipality: g.municipality })),
		chosen: chosen && { slug: chosen.slug, name: chosen.name, municipality: chosen.municipality },
		customer: {
			legalName: customer?.legal_name ?? (chosen ? `Gmina ${chosen.municipality}` : ''),
			nip: customer ? formatNip(customer.nip) : '',
			regon: customer?.regon ?? '',
			street: customer?.street ?? '',
			postalCode: customer?.postal_code ?? '',
			city: customer?.city ?? chosen?.municipality ?? '',
			contactName: customer?.contact_name ?? (actor.isOperator ? '' : actor.displayName),
			contactEmail: customer?.contact_email ?? (actor.isOperator ? '' : actor.email),
			contactPhone: customer?.contact_phone ?? ''
		},
		units: units.map((u) => u.name).join('\n'),
		today,
		extendedFrom: EXTENDED_PACKAGES_FROM,
		packages
	};
}
