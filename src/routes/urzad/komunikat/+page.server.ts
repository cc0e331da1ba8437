import { redirect } from '@sveltejs/kit';
import { alertComposer } from '$lib/server/alerts/alert-views';
import { previewAlert, sendAlert } from '$lib/server/alerts/send';
import { getGroup } from '$lib/server/groups/groups';
import { parseWarsawLocal } from '$lib/dates';
import { action, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => alertComposer(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};

/** The form as the domain takes it, and as typed (to show it again). */
async function readForm(request: Request) {
	const form = await request.formData();
	const text = (name: string) => String(form.get(name) ?? '');
	const values = {
		group: text('group'),
		unitId: text('unitId'),
		kind: text('kind'),
		title: text('title'),
		body: text('body'),
		until: text('until'),
		places: form.getAll('places').map(String),
		channels: form.getAll('channels').map(String)
	};
	return { values, input: { ...values, until: parseWarsawLocal(values.until) ?? undefined } };
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const { values, input } = await readForm(request);
		return action(async () => {
			const group = await getGroup(locals.ctx.db, values.group);
			return { preview: await previewAlert(locals.ctx, locals.actor, group, input), values };
		}, values);
	},
	send: async ({ locals, request }) => {
		const { values, input } = await readForm(request);
		const result = await action(async () => {
			const group = await getGroup(locals.ctx.db, values.group);
			return { sent: await sendAlert(locals.ctx, locals.actor, group, input) };
		}, values);
		if ('sent' in result && result.sent) redirect(303, `/urzad/komunikat/${result.sent.postId}`);
		return result;
	}
};
