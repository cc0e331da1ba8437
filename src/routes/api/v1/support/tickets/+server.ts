import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { api } from '$lib/server/web/http';
import { createTicket } from '$lib/server/support/tickets';
import type { RequestHandler } from './$types';

const apiKinds = ['wrongly_held_post', 'violation', 'technical', 'billing', 'other'];

/** A ticket for the support line; urgent ones need a confirmed address (the on-call administrator is paged by SMS). */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		if (!locals.actor) throw new AppError('unauthenticated', 'Podaj token: nagłówek Authorization: Bearer <token>.');
		const body = await request.json().catch(() => {
			throw new AppError('validation', 'Treść żądania musi być poprawnym obiektem JSON.');
		});
		if (!body || typeof body !== 'object') throw new AppError('validation', 'Treść żądania musi być obiektem JSON.');
		if (!apiKinds.includes(body.kind))
			throw new AppError('validation', `Pole "kind" przyjmuje: ${apiKinds.join(', ')}.`, {
				kind: 'Nieznany rodzaj zgłoszenia.'
			});
		const ticket = await createTicket(
			locals.ctx,
			locals.actor,
			{
				kind: body.kind,
				priority: body.priority,
				body: body.body,
				postId: body.postId ?? null,
				phone: body.phone ?? null
			},
			{ ip: locals.clientIp }
		);
		return json(
			{
				ticket: {
					id: ticket.id,
					kind: ticket.kind,
					priority: ticket.priority,
					status: ticket.status,
					createdAt: ticket.createdAt
				},
				...(ticket.onCallPhone ? { onCallPhone: ticket.onCallPhone } : {})
			},
			{ status: 201 }
		);
	});
