import { error, redirect } from '@sveltejs/kit';
import { getGroup, updateGroup } from '$lib/server/groups/groups';
import { action, formFields, page } from '$lib/server/web/http';
import { addCoordinator, createCustomer, customerOf, updateCustomer } from '$lib/server/subscriptions/customers';
import { formatNip } from '$lib/server/subscriptions/identifiers';
import { cancelSubscription, packageState, startSubscription } from '$lib/server/subscriptions/subscriptions';
import { warsawDay } from '$lib/dates';
import { setPopulation } from '$lib/server/municipalities/municipalities';
import { addCustomerTerms } from '$lib/server/subscriptions/prices';
import { AppError } from '$lib/server/core/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => {
		if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
		if (!locals.actor.isOperator) error(403, { message: 'Tylko operator może zmieniać ustawienia grupy.' });
		const { ctx } = locals;
		const g = await getGroup(ctx.db, params.slug);
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
				.select(['t.id', 't.gross', 't.note', 't.valid_from', 't.valid_to'])
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
				contactPhone: customer.contact_phone
			},
			terms: terms.map((t) => ({
				id: t.id,
				gross: t.gross,
				note: t.note,
				validFrom: t.valid_from,
				validTo: t.valid_to
			})),
			coordinators: coordinators.map((c) => ({ name: c.display_name, email: c.email })),
			package: state,
			today: warsawDay(ctx.clock.now())
		};
	});

export const actions: Actions = {
	group: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				await updateGroup(locals.ctx, locals.actor, g.id, {
					...f,
					isPublic: f.isPublic === 'on',
					memberPostsNeedApproval: f.memberPostsNeedApproval === 'on'
				});
				return { saved: 'group' };
			},
			{ form: 'group', ...f }
		);
	},
	customer: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				const existing = await customerOf(locals.ctx, g.municipality_code);
				if (existing) await updateCustomer(locals.ctx, locals.actor, existing.id, f);
				else await createCustomer(locals.ctx, locals.actor, { ...f, municipalityCode: g.municipality_code });
				return { saved: 'customer' };
			},
			{ form: 'customer', ...f }
		);
	},
	coordinator: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				await addCoordinator(locals.ctx, locals.actor, g.municipality_code, f.coordinatorEmail);
				return { saved: 'coordinator' };
			},
			{ form: 'coordinator', ...f }
		);
	},
	start: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				await startSubscription(locals.ctx, locals.actor, g.id, {
					plan: f.plan,
					commitmentMonths: f.plan === 'commitment' ? f.commitmentMonths : null,
					startsOn: f.startsOn
				});
				return { saved: 'start' };
			},
			{ form: 'start', ...f }
		);
	},
	terms: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				const existing = await customerOf(locals.ctx, g.municipality_code);
				if (!existing) throw new AppError('conflict', 'Najpierw zapisz dane klienta.');
				await addCustomerTerms(locals.ctx, locals.actor, existing.id, f);
				return { saved: 'terms' };
			},
			{ form: 'terms', ...f }
		);
	},
	population: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				await setPopulation(locals.ctx, locals.actor, g.municipality_code, f);
				return { saved: 'population' };
			},
			{ form: 'population', ...f }
		);
	},
	cancel: async ({ locals, params }) =>
		action(
			async () => {
				const g = await getGroup(locals.ctx.db, params.slug);
				await cancelSubscription(locals.ctx, locals.actor, g.id);
				return { saved: 'cancel' };
			},
			{ form: 'cancel' }
		)
};
