import { parseBody, reply } from '$lib/server/api/contract';
import { createTicket as operation } from '$lib/server/api/support';
import { AppError } from '$lib/server/core/errors';
import { api } from '$lib/server/web/http';
import { createTicket } from '$lib/server/support/tickets';
import type { RequestHandler } from './$types';

/** A ticket for the support line; urgent ones need a confirmed address (the on-call administrator is paged by SMS). */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		if (!locals.actor) throw new AppError('unauthenticated', 'Podaj token: nagłówek Authorization: Bearer <token>.');
		const input = await parseBody(operation, request);
		const ticket = await createTicket(
			locals.ctx,
			locals.actor,
			{ ...input, postId: input.postId ?? null, phone: input.phone ?? null },
			{ ip: locals.clientIp }
		);
		return reply(operation, 201, {
			ticket: {
				id: ticket.id,
				kind: ticket.kind,
				priority: ticket.priority,
				status: ticket.status,
				createdAt: ticket.createdAt
			},
			...(ticket.onCallPhone ? { onCallPhone: ticket.onCallPhone } : {})
		});
	});
