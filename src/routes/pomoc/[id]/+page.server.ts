import { redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/web/http';
import { removeTicketFiles, storeTicketFiles, type StoredAttachment } from '$lib/server/support/attachments';
import {
	acknowledgeTicket,
	getTicket,
	releaseFromTicket,
	replyToTicket,
	statusLabels
} from '$lib/server/support/tickets';
import { onCallPhoneFor } from '$lib/server/support/on-call';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	const ticket = await page(() => getTicket(locals.ctx, locals.actor, params.id));
	const onCallPhone =
		ticket.priority === 'urgent' && ticket.status !== 'resolved'
			? await onCallPhoneFor(locals.ctx, locals.actor)
			: null;
	return {
		ticket,
		fresh: url.searchParams.has('nowe'),
		onCallPhone,
		statuses: Object.entries(statusLabels).map(([id, label]) => ({ id, label }))
	};
};

export const actions: Actions = {
	reply: async ({ locals, params, request }) => {
		const form = await request.formData();
		const f = formFields(form);
		let stored: StoredAttachment[] = [];
		const result = await action(
			async () => {
				stored = await storeTicketFiles(locals.rt.mediaDir, form);
				await replyToTicket(locals.ctx, locals.actor, params.id, { body: f.body, status: f.status || null }, stored);
				return { replied: true };
			},
			{ body: f.body }
		);
		if (result && 'status' in result) await removeTicketFiles(locals.rt.mediaDir, stored);
		return result;
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
