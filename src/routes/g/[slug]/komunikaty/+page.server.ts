import { alertKinds, getAlertPreferences, setAlertPreferences } from '$lib/server/alerts/alerts';
import { sendPhoneCode, verifyPhoneCode } from '$lib/server/alerts/phone-verification';
import { getGroup } from '$lib/server/groups/groups';
import { getMemberNotificationSettings, setMemberNotificationSettings } from '$lib/server/notify/member-settings';
import { action, formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(async () => {
		const group = await getGroup(locals.ctx.db, params.slug);
		return {
			group: { slug: group.slug, name: group.name },
			preferences: await getAlertPreferences(locals.ctx, actor, group),
			settings: await getMemberNotificationSettings(locals.ctx, actor, group),
			kinds: Object.entries(alertKinds).map(([id, label]) => ({ id, label }))
		};
	});
};

export const actions: Actions = {
	/** One click turns "ogłoszenia gminy" or the weekly digest on or off. */
	toggle: async ({ locals, params, request }) => {
		const form = await request.formData();
		const setting = String(form.get('setting') ?? '');
		const on = form.get('on') === 'true';
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, params.slug);
				await setMemberNotificationSettings(
					locals.ctx,
					locals.actor,
					group,
					setting === 'weeklyDigest' ? { weeklyDigest: on } : { announcements: on }
				);
				return { toggled: setting === 'weeklyDigest' ? 'weeklyDigest' : 'announcements' };
			},
			{ form: 'toggle' }
		);
	},
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const phone = String(form.get('phone') ?? '');
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, params.slug);
				await setAlertPreferences(locals.ctx, locals.actor, group, {
					kinds: form.getAll('kinds').map(String),
					byEmail: form.get('byEmail') === 'on',
					byPush: form.get('byPush') === 'on',
					bySms: form.get('bySms') === 'on',
					phone
				});
				return { saved: true };
			},
			{ form: 'preferences', phone }
		);
	},
	sendCode: formAction(
		async (f, { locals, params }) => {
			const group = await getGroup(locals.ctx.db, params.slug);
			const sent = await sendPhoneCode(locals.ctx, locals.actor, group, { phone: f.phone ?? '' });
			return { codeSent: sent.phone };
		},
		(f) => ({ form: 'phone', phone: f.phone })
	),
	verifyCode: formAction(
		async (f, { locals, params }) => {
			const group = await getGroup(locals.ctx.db, params.slug);
			const verified = await verifyPhoneCode(locals.ctx, locals.actor, group, { code: f.code ?? '' });
			return { phoneVerified: verified.phone };
		},
		() => ({ form: 'code' })
	)
};
