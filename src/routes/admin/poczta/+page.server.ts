import { error, redirect } from '@sveltejs/kit';
import { listOutbox } from '$lib/server/notify/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Tylko operator ma dostęp do skrzynki nadawczej.' });
	if (!locals.rt.config.demo) error(404, { message: 'Podgląd skrzynki nadawczej działa tylko w trybie demonstracyjnym.' });
	const recipient = url.searchParams.get('do')?.trim() || undefined;
	const messages = await listOutbox(locals.ctx.db, { limit: 100, recipient });
	return { recipient: recipient ?? '', messages: messages.map((m) => ({ ...m, created_at: m.created_at.toISOString() })) };
};
