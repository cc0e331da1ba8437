import { page, formAction, requireActor } from '$lib/server/web/http';
import { setInvoiceReceiver } from '$lib/server/subscriptions/customers';
import { cancelSubscription } from '$lib/server/subscriptions/subscriptions';
import { requestPackageChange, withdrawPackageChange } from '$lib/server/subscriptions/package-changes';
import { addUnit, setUnitSettings } from '$lib/server/units/units';
import { officePanel } from '$lib/server/billing/office-views';
import type { Actions, PageServerLoad } from './$types';

/** The coordinator's panel: the municipality's package, its units, their publishing. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => officePanel(event.locals.ctx, actor, event.url.searchParams.get('gmina')));
};

export const actions: Actions = {
	receiver: formAction(
		async (f, { locals }) => {
			await setInvoiceReceiver(locals.ctx, locals.actor, f.municipality, f);
			return { saved: 'receiver' };
		},
		(f) => ({ form: 'receiver', ...f })
	),
	settings: formAction(
		async (f, { locals }) => {
			const flag = { canPublish: 'canPublish', mayAlert: 'mayAlert', officePublishes: 'officePublishes' }[f.setting];
			await setUnitSettings(locals.ctx, locals.actor, f.unitId, flag ? { [flag]: f.value === 'on' } : {});
			return { saved: f.unitId };
		},
		(f) => ({ form: 'settings', unitId: f.unitId })
	),
	add: formAction(
		async (f, { locals }) => {
			await addUnit(locals.ctx, locals.actor, f.municipality, f);
			return { added: f.name };
		},
		(f) => ({ form: 'add', ...f })
	),
	changePackage: formAction(
		async (f, { locals }) => {
			const change = await requestPackageChange(locals.ctx, locals.actor, f.groupId, f);
			return { changed: change };
		},
		() => ({ form: 'change' })
	),
	withdrawChange: formAction(
		async (f, { locals }) => {
			await withdrawPackageChange(locals.ctx, locals.actor, f.groupId);
			return { withdrawn: true };
		},
		() => ({ form: 'change' })
	),
	cancel: formAction(
		async (f, { locals }) => {
			const state = await cancelSubscription(locals.ctx, locals.actor, f.groupId);
			return { cancelled: state.cancelAt };
		},
		() => ({ form: 'cancel' })
	)
};
