import { redirect } from '@sveltejs/kit';
import { action, formFields, page, requireActor } from '$lib/server/web/http';
import { storeTicketFiles, removeTicketFiles, type StoredAttachment } from '$lib/server/support/attachments';
import { createTicket } from '$lib/server/support/tickets';
import { helpPage } from '$lib/server/support/help-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return {
		...(await page(() => helpPage(event.locals.ctx, actor))),
		postId: event.url.searchParams.get('post')
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const f = formFields(form);
		let stored: StoredAttachment[] = [];
		const result = await action(async () => {
			stored = await storeTicketFiles(locals.rt.mediaDir, form);
			const t = await createTicket(
				locals.ctx,
				locals.actor,
				{
					kind: f.kind,
					priority: f.priority === 'urgent' ? 'urgent' : 'normal',
					body: f.body,
					postId: f.postId || null,
					phone: f.phone
				},
				{ attachments: stored, ip: locals.clientIp }
			);
			return { created: t.id };
		}, f);
		if (result && 'status' in result) await removeTicketFiles(locals.rt.mediaDir, stored);
		if (result && 'created' in result) redirect(303, `/pomoc/${result.created}?nowe=1`);
		return result;
	}
};
