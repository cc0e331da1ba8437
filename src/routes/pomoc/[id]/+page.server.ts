import { redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/http';
import { acknowledgeTicket, formatPhone, getTicket, onCallAt, releaseFromTicket, replyToTicket, statusLabels } from '$lib/server/support/tickets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	const ticket = await page(() => getTicket(locals.ctx, locals.actor, params.id));
	const onCall = ticket.priority === 'urgent' && ticket.status !== 'resolved' ? await onCallAt(locals.ctx.db, locals.ctx.clock.now()) : null;
	return { ticket, fresh: url.searchParams.has('nowe'), onCallPhone: onCall ? formatPhone(onCall.primaryPhone) : null, statuses: Object.entries(statusLabels).map(([id, label]) => ({ id, label })) };
};

export const actions: Actions = {
	reply: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await replyToTicket(locals.ctx, locals.actor, params.id, { body: f.body, status: f.status || null });
			return { replied: true };
		}, { body: f.body });
	},
	acknowledge: async ({ locals, params }) =>
		action(async () => {
			await acknowledgeTicket(locals.ctx, locals.actor, params.id);
			return { acknowledged: true };
		}),
	release: async ({ locals, params }) =>
		action(async () => {
			await releaseFromTicket(locals.ctx, locals.actor, params.id);
			return { released: true };
		})
};
