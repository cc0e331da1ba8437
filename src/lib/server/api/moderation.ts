import { z } from 'zod';
import { isId } from '../core/validation';
import { operation } from './contract';

export const checkText = operation({
	method: 'post',
	path: '/moderation/check',
	operationId: 'checkText',
	summary: 'Co zdecyduje moderacja o tym tekście, zanim zostanie opublikowany',
	tag: 'moderation',
	access: 'optional',
	body: {
		schema: z.object(
			{
				text: z.string({ error: 'Podaj tekst do sprawdzenia.' }).max(10_000, 'Tekst może mieć najwyżej 10 000 znaków.'),
				group: z.string({ error: 'Podaj adres grupy.' }).meta({ example: 'wiskitki' }),
				as: z
					.string()
					.refine(isId)
					.nullish()
					.meta({ pattern: '^\\d+$', description: 'Identyfikator jednostki, w której imieniu ma wyjść post' }),
				kind: z.enum(['post', 'comment']).default('post')
			},
			{ error: 'Treść żądania musi być obiektem JSON.' }
		)
	},
	responses: {
		200: {
			description: 'Decyzja i uwagi',
			schema: z.object({
				decision: z.enum(['publish', 'hold']),
				summary: z.string().meta({ description: 'Zdanie dla piszącej osoby' }),
				findings: z.array(
					z.object({
						rule: z.string(),
						category: z.string(),
						severity: z.enum(['info', 'hold', 'block']),
						start: z.int().min(0).meta({ description: 'Początek fragmentu (indeks w tekście, UTF-16)' }),
						end: z.int().min(0).meta({ description: 'Koniec fragmentu (bez tego znaku)' }),
						message: z.string().meta({ description: 'Co znaleziono i jak to przepisać' })
					})
				)
			})
		}
	},
	errors: ['forbidden', 'not_found']
});
