import { error, redirect } from '@sveltejs/kit';
import { placeOrder } from '$lib/server/billing/contracts';
import { EXTENDED_PACKAGES_FROM, package1ListPrices } from '$lib/server/subscriptions/prices';
import { action, formFields } from '$lib/server/web/http';
import { formatNip } from '$lib/server/subscriptions/identifiers';
import { warsawDay } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

/** Ordering Pakiet 1: the groups without a package that the actor coordinates (the operator: all). */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname + url.search)}`);
	const { ctx, actor } = locals;
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
		if (!coordinator) error(403, { message: 'Pakiet zamawia koordynator gminy (albo operator w jej imieniu).' });
	}
	const chosen = groups.find((g) => g.slug === url.searchParams.get('grupa')) ?? groups[0] ?? null;
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
	const prices = await package1ListPrices(ctx.db, today);
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
		extendedAvailable: today >= EXTENDED_PACKAGES_FROM,
		prices
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			const contract = await placeOrder(locals.ctx, locals.actor, f);
			return { placed: { id: contract.id, number: contract.number } };
		}, f);
	}
};
