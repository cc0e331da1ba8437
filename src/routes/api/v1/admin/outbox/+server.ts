import { listOutbox as operation } from '$lib/server/api/admin';
import { parseQuery, reply } from '$lib/server/api/contract';
import { assertOperator } from '$lib/server/access/actor';
import { api } from '$lib/server/web/http';
import { listOutbox } from '$lib/server/notify/outbox';
import type { RequestHandler } from './$types';

/** The operator reads the outbox: what was written, where to, and in which state. */
export const GET: RequestHandler = async ({ locals, url }) =>
	api(async () => {
		assertOperator(locals.actor);
		const { limit } = parseQuery(operation, url);
		const items = await listOutbox(locals.ctx.db, { limit });
		return reply(operation, 200, {
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
