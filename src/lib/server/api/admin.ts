import { z } from 'zod';
import { operation } from './contract';
import { dateTime, id } from './schemas';

const limitMessage = 'Parametr limit musi być liczbą całkowitą od 1 do 500.';

export const listOutbox = operation({
	method: 'get',
	path: '/admin/outbox',
	operationId: 'listOutbox',
	summary: 'Skrzynka nadawcza (operator)',
	tag: 'admin',
	access: 'required',
	query: z.object({
		limit: z.coerce
			.number({ error: limitMessage })
			.int(limitMessage)
			.min(1, limitMessage)
			.max(500, limitMessage)
			.default(50)
	}),
	responses: {
		200: {
			description: 'Wiadomości, najnowsze pierwsze',
			schema: z.object({
				items: z.array(
					z.object({
						id: id(),
						channel: z.enum(['email', 'sms', 'push']),
						to: z.string(),
						subject: z.string(),
						status: z.enum(['pending', 'sent', 'failed', 'dead', 'skipped']),
						createdAt: dateTime()
					})
				)
			})
		}
	},
	errors: ['forbidden']
});
