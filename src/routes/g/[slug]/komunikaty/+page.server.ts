import { redirect } from '@sveltejs/kit';
import { alertKinds, getAlertPreferences, setAlertPreferences } from '$lib/server/alerts/alerts';
import { getGroup } from '$lib/server/groups/groups';
import { action, page } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	return page(async () => {
		const group = await getGroup(locals.ctx.db, params.slug);
		return {
			group: { slug: group.slug, name: group.name },
			preferences: await getAlertPreferences(locals.ctx, locals.actor, group),
			kinds: Object.entries(alertKinds).map(([id, label]) => ({ id, label }))
		};
	});
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
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
			{ phone }
		);
	}
};
