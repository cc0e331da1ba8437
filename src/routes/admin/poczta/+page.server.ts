import { error, redirect } from '@sveltejs/kit';
import { action, formFields } from '$lib/server/web/http';
import { retryMessage } from '$lib/server/notify/delivery';
import { listOutbox } from '$lib/server/notify/outbox';
import type { Actions, PageServerLoad } from './$types';

const statuses = ['pending', 'sent', 'failed', 'dead'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Tylko operator ma dostęp do skrzynki nadawczej.' });
	const recipient = url.searchParams.get('do')?.trim() || undefined;
	const status = statuses.find((s) => s === url.searchParams.get('stan'));
	const messages = await listOutbox(locals.ctx.db, { limit: 100, recipient, status });
	// Contents are shown in demo mode only; in production the operator sees state and errors.
	const demo = locals.rt.config.demo;
	return {
		recipient: recipient ?? '',
		status: status ?? '',
		demo,
		messages: messages.map((m) => ({
			id: m.id,
			channel: m.channel,
			recipient: m.recipient,
			subject: m.subject,
			body: demo ? m.body_text : null,
			status: m.status,
			attempts: m.attempts,
			lastError: m.last_error,
			createdAt: m.created_at.toISOString(),
			sentAt: m.sent_at?.toISOString() ?? null
		}))
	};
};

export const actions: Actions = {
	retry: async ({ locals, request }) => {
		if (!locals.actor?.isOperator) error(403, { message: 'Tylko operator może ponawiać wysyłkę.' });
		const f = formFields(await request.formData());
		return action(async () => ({ retried: (await retryMessage(locals.ctx.db, f.id)) ? f.id : null }));
	}
};
