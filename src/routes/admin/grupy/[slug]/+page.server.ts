import { addGroupTerms } from '$lib/server/billing/admin-views';
import { getGroup, updateGroup } from '$lib/server/groups/groups';
import { action, page, formAction, requireActor } from '$lib/server/web/http';
import { addCoordinator, setSmsSettings } from '$lib/server/subscriptions/customers';
import { cancelSubscription, startSubscription } from '$lib/server/subscriptions/subscriptions';
import { setPopulation } from '$lib/server/municipalities/municipalities';
import { groupSettings, saveGroupCustomer } from '$lib/server/subscriptions/admin-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => groupSettings(event.locals.ctx, actor, event.params.slug));
};

export const actions: Actions = {
	group: formAction(
		async (f, { locals, params }) => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await updateGroup(locals.ctx, locals.actor, g.id, {
				...f,
				isPublic: f.isPublic === 'on',
				memberPostsNeedApproval: f.memberPostsNeedApproval === 'on'
			});
			return { saved: 'group' };
		},
		(f) => ({ form: 'group', ...f })
	),
	customer: formAction(
		async (f, { locals, params }) => {
			await saveGroupCustomer(locals.ctx, locals.actor, params.slug, f);
			return { saved: 'customer' };
		},
		(f) => ({ form: 'customer', ...f })
	),
	sms: formAction(
		async (f, { locals, params }) => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await setSmsSettings(locals.ctx, locals.actor, g.municipality_code, {
				enabled: f.smsEnabled === 'on',
				price: f.smsPrice,
				promotionSmsCap: f.promotionSmsCap
			});
			return { saved: 'sms' };
		},
		(f) => ({ form: 'sms', ...f })
	),
	coordinator: formAction(
		async (f, { locals, params }) => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await addCoordinator(locals.ctx, locals.actor, g.municipality_code, f.coordinatorEmail);
			return { saved: 'coordinator' };
		},
		(f) => ({ form: 'coordinator', ...f })
	),
	start: formAction(
		async (f, { locals, params }) => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await startSubscription(locals.ctx, locals.actor, g.id, {
				plan: f.plan,
				commitmentMonths: f.plan === 'commitment' ? f.commitmentMonths : null,
				startsOn: f.startsOn
			});
			return { saved: 'start' };
		},
		(f) => ({ form: 'start', ...f })
	),
	terms: formAction(
		async (f, { locals, params }) => {
			await addGroupTerms(locals.ctx, locals.actor, params.slug, f);
			return { saved: 'terms' };
		},
		(f) => ({ form: 'terms', ...f })
	),
	population: formAction(
		async (f, { locals, params }) => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await setPopulation(locals.ctx, locals.actor, g.municipality_code, f);
			return { saved: 'population' };
		},
		(f) => ({ form: 'population', ...f })
	),
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
