import { z } from 'zod';
import { alertInputSchema } from '../alerts/send';
import { alertUpdateSchema, allClearSchema } from '../feed/alert-posts';
import { operation } from './contract';

const slugParams = z.object({ slug: z.string().meta({ description: 'Adres grupy', example: 'wiskitki' }) });
const input = alertInputSchema.shape;

/** The alert as JSON sends it: `until` as an RFC 3339 date-time, read into the domain's `Date`. */
const AlertInput = z.object({
	unitId: input.unitId.meta({
		description: 'Jednostka, która wysyła (musi mieć zgodę koordynatora na komunikaty pilne)'
	}),
	kind: input.kind,
	title: input.title,
	body: input.body,
	places: input.places.meta({
		description: 'Sołectwa lub miejscowości (identyfikatory); pusta lista: cała gmina'
	}),
	until: z
		.string({ error: 'Podaj, do kiedy komunikat jest ważny.' })
		.meta({ format: 'date-time', description: 'Ważny do (najwyżej 7 dni)' })
		.transform((v) => new Date(v)),
	channels: input.channels.meta({ description: 'Kanały poza aplikacją: push, email, sms' })
});

const Audience = z.object({ inApp: z.int(), push: z.int(), email: z.int(), sms: z.int() });

export const previewGroupAlert = operation({
	method: 'post',
	path: '/groups/{slug}/alerts/preview',
	operationId: 'previewGroupAlert',
	summary: 'Podgląd komunikatu pilnego: odbiorcy w każdym kanale, tekst SMS, jego długość i koszt (nic nie wysyła)',
	tag: 'groups',
	access: 'required',
	params: slugParams,
	body: {
		invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
		notObject: 'Treść żądania musi być obiektem JSON.',
		schema: AlertInput
	},
	responses: {
		200: {
			description: 'Podgląd',
			schema: z.object({
				places: z.array(z.string()),
				audience: Audience,
				sms: z
					.object({
						text: z.string(),
						encoding: z.enum(['GSM-7', 'UCS-2']),
						segments: z.int(),
						messages: z.int(),
						priceGrosze: z.int(),
						costGrosze: z.int()
					})
					.nullable()
			})
		}
	},
	errors: ['forbidden', 'not_found', 'conflict']
});

export const sendGroupAlert = operation({
	method: 'post',
	path: '/groups/{slug}/alerts',
	operationId: 'sendGroupAlert',
	summary: 'Wysłanie komunikatu pilnego do członków wybranych miejscowości (po podglądzie)',
	tag: 'groups',
	access: 'required',
	params: slugParams,
	body: {
		invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
		notObject: 'Treść żądania musi być obiektem JSON.',
		schema: AlertInput
	},
	responses: {
		201: { description: 'Wysłano', schema: z.object({ id: z.string(), sent: Audience }) }
	},
	errors: ['forbidden', 'not_found', 'conflict', 'rate_limited']
});

export const listGroupPlaces = operation({
	method: 'get',
	path: '/groups/{slug}/places',
	operationId: 'listGroupPlaces',
	summary: 'Sołectwa, osiedla i miejscowości gminy (do wskazania w poście i w komunikacie pilnym)',
	tag: 'groups',
	access: 'optional',
	params: slugParams,
	responses: {
		200: {
			description: 'Miejsca',
			schema: z.object({
				items: z.array(
					z.object({
						id: z.string(),
						kind: z.enum(['solectwo', 'osiedle', 'locality']),
						name: z.string(),
						label: z.string().meta({ description: 'Jak czytają ją ludzie, np. „sołectwo Guzów”' }),
						areaId: z.string().nullable().meta({ description: 'Sołectwo lub osiedle miejscowości' })
					})
				)
			})
		}
	},
	errors: ['forbidden', 'not_found']
});

/** The body of an alert's update or all-clear: `{"text": "…"}`. */
const textBody = (text: z.ZodType<string>) => ({
	invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
	notObject: 'Treść żądania musi być obiektem JSON.',
	schema: z.object({ text })
});

const postParams = z.object({
	id: z.string().meta({ description: 'Identyfikator komunikatu (posta)', pattern: '^\\d+$', example: '1' })
});

export const updateGroupAlert = operation({
	method: 'post',
	path: '/posts/{id}/alert-updates',
	operationId: 'updateAlert',
	summary: 'Aktualizacja komunikatu pilnego: trafia do tych samych osób co komunikat',
	tag: 'groups',
	access: 'required',
	params: postParams,
	body: textBody(alertUpdateSchema),
	responses: { 201: { description: 'Wysłano aktualizację', schema: z.object({ sent: Audience }) } },
	errors: ['forbidden', 'not_found', 'conflict']
});

export const closeGroupAlert = operation({
	method: 'post',
	path: '/posts/{id}/all-clear',
	operationId: 'closeAlert',
	summary: 'Odwołanie komunikatu pilnego: schodzi z góry grupy, odwołanie trafia do tych samych osób',
	tag: 'groups',
	access: 'required',
	params: postParams,
	body: textBody(allClearSchema),
	responses: { 200: { description: 'Wysłano odwołanie', schema: z.object({ sent: Audience }) } },
	errors: ['forbidden', 'not_found', 'conflict']
});
