import { z } from 'zod';
import { operation } from './contract';

const health = z.object({
	status: z.enum(['ok', 'degraded']),
	database: z.enum(['ok', 'unavailable']),
	jobs: z.enum(['ok', 'recovering', 'off']).meta({ description: '`off`, gdy ten proces nie wykonuje zadań w tle' })
});

export const getHealth = operation({
	method: 'get',
	path: '/health',
	operationId: 'getHealth',
	summary:
		'Stan usługi: 200, gdy baza danych odpowiada i zadania w tle działają; 503 ("degraded") w czasie awarii bazy, do jej powrotu',
	tag: 'service',
	access: 'none',
	responses: {
		200: { description: 'OK', schema: health },
		503: { description: 'Usługa działa w ograniczonym zakresie', schema: health }
	},
	errors: []
});

export const getOpenApi = operation({
	method: 'get',
	path: '/openapi.json',
	operationId: 'getOpenApi',
	summary: 'Ten opis API (OpenAPI 3.1)',
	tag: 'service',
	access: 'none',
	responses: {
		200: {
			description: 'Dokument OpenAPI',
			schema: z.record(z.string(), z.unknown()).meta({ description: 'Dokument OpenAPI 3.1' })
		}
	},
	errors: []
});

export const suggestGroups = operation({
	method: 'get',
	path: '/suggest',
	operationId: 'suggestGroups',
	summary: 'Podpowiedzi gmin z grupą (bez względu na polskie znaki)',
	tag: 'groups',
	access: 'none',
	query: z.object({
		q: z
			.string()
			.default('')
			.meta({ description: 'Początek lub fragment nazwy gminy; liczy się pierwsze 100 znaków' })
			.transform((q) => q.slice(0, 100))
	}),
	responses: {
		200: {
			description: 'Gminy',
			schema: z.object({
				items: z.array(
					z.object({
						slug: z.string(),
						municipality: z.string(),
						name: z.string(),
						county: z.string(),
						voivodeship: z.string(),
						members: z.int().min(0)
					})
				)
			})
		}
	},
	errors: []
});
