import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { assertOperator } from '$lib/server/access/actor';
import { api } from '$lib/server/web/http';
import { listOutbox } from '$lib/server/notify/outbox';
import type { RequestHandler } from './$types';

/** The operator reads the outbox: what was written, where to, and in which state. */
export const GET: RequestHandler = async ({ locals, url }) =>
	api(async () => {
		assertOperator(locals.actor);
		const raw = url.searchParams.get('limit');
		const limit = raw === null ? 50 : Number(raw);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500)
			throw new AppError('validation', 'Parametr limit musi być liczbą całkowitą od 1 do 500.');
		const items = await listOutbox(locals.ctx.db, { limit });
		return json({
			items: items.map((m) => ({
				id: m.id,
				channel: m.channel,
				to: m.recipient,
				subject: m.subject,
				status: m.status,
				createdAt: m.created_at.toISOString()
			}))
		});
	});
