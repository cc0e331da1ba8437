import { redirect } from '@sveltejs/kit';
import { action, formFields } from '$lib/server/web/http';
import { storeTicketFiles, removeTicketFiles, type StoredAttachment } from '$lib/server/support/attachments';
import { createTicket, kindLabels, statusLabels } from '$lib/server/support/tickets';
import { onCallPhoneFor } from '$lib/server/support/on-call';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname + url.search)}`);
	const { ctx, actor } = locals;
	const [mine, onCallPhone] = await Promise.all([
		ctx.db
			.selectFrom('tickets')
			.select(['id', 'kind', 'priority', 'status', 'created_at'])
			.where('requester_id', '=', actor.id)
			.orderBy('id', 'desc')
			.limit(50)
			.execute(),
		onCallPhoneFor(ctx, actor)
	]);
	return {
		kinds: (['violation', 'technical', 'billing', 'other'] as const).map((id) => ({ id, label: kindLabels[id] })),
		postId: url.searchParams.get('post'),
		onCallPhone,
		tickets: mine.map((t) => ({
			id: t.id,
			kindLabel: kindLabels[t.kind],
			urgent: t.priority === 'urgent',
			statusLabel: statusLabels[t.status],
			createdAt: t.created_at.toISOString()
		}))
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
