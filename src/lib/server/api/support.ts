import { z } from 'zod';
import { ticketSchema } from '../support/tickets';
import { operation } from './contract';
import { dateTime, id } from './schemas';

/** What a ticket sent through the API may be about (the public contact form has its own kinds). */
export const apiTicketKinds = ['wrongly_held_post', 'violation', 'technical', 'billing', 'other'] as const;
const kindMessage = `Pole "kind" przyjmuje: ${apiTicketKinds.join(', ')}.`;
const ticket = ticketSchema.shape;

export const createTicket = operation({
	method: 'post',
	path: '/support/tickets',
	operationId: 'createTicket',
	summary: 'Zgłoszenie do administratorów (pilne: tylko z potwierdzonym adresem e-mail; dyżurny dostaje SMS)',
	tag: 'support',
	access: 'required',
	body: {
		invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
		notObject: 'Treść żądania musi być obiektem JSON.',
		schema: z.object({
			kind: z.enum(apiTicketKinds, { error: kindMessage }),
			priority: ticket.priority,
			body: ticket.body,
			postId: ticket.postId.meta({
				pattern: '^\\d+$',
				description: 'Wymagane przy wrongly_held_post (zgłoszenie jest wtedy zawsze pilne)'
			}),
			phone: z
				.string()
				.nullish()
				.meta({ description: 'Numer do SMS z informacją o rozwiązaniu', example: '600 700 800' })
		})
	},
	responses: {
		201: {
			description: 'Przyjęto',
			schema: z.object({
				ticket: z.object({
					id: id(),
					kind: ticket.kind,
					priority: z.enum(['urgent', 'normal']),
					status: z.enum(['new', 'in_progress', 'waiting', 'resolved']),
					createdAt: dateTime()
				}),
				onCallPhone: z
					.string()
					.optional()
					.meta({ description: 'Numer dyżurnego (tylko dla operatorów)', example: '+48 600 100 200' })
			})
		}
	},
	errors: ['forbidden', 'not_found', 'conflict', 'rate_limited']
});
