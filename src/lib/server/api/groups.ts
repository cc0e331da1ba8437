import { z } from 'zod';
import { FEED_PAGE_SIZE } from '../feed/feed-query';
import { postInputSchema } from '../feed/create-post';
import { categoryCodes } from '../groups/categories';
import { operation } from './contract';
import { Created, Group, Post, Unit } from './schemas';

const slugParams = z.object({ slug: z.string().meta({ description: 'Adres grupy', example: 'wiskitki' }) });

export const listGroups = operation({
	method: 'get',
	path: '/groups',
	operationId: 'listGroups',
	summary: 'Lista grup',
	tag: 'groups',
	access: 'none',
	responses: { 200: { description: 'Grupy', schema: z.object({ items: z.array(Group) }) } },
	errors: []
});

export const getGroup = operation({
	method: 'get',
	path: '/groups/{slug}',
	operationId: 'getGroup',
	summary: 'Jedna grupa',
	tag: 'groups',
	access: 'none',
	params: slugParams,
	responses: { 200: { description: 'Grupa', schema: Group } },
	errors: ['not_found']
});

const limitMessage = 'Parametr limit musi być liczbą całkowitą od 1 do 50.';

export const listGroupPosts = operation({
	method: 'get',
	path: '/groups/{slug}/posts',
	operationId: 'listGroupPosts',
	summary: 'Posty grupy: pilne i przypięte, potem najnowsze',
	description: 'Pierwsza strona zaczyna się od postów pilnych i przypiętych; kolejne strony pobiera się kursorem.',
	tag: 'groups',
	access: 'optional',
	params: slugParams,
	query: z.object({
		limit: z.coerce
			.number({ error: limitMessage })
			.int(limitMessage)
			.min(1, limitMessage)
			.max(50, limitMessage)
			.default(FEED_PAGE_SIZE)
			.meta({ description: 'Ile najnowszych postów (bez pilnych i przypiętych)' }),
		cursor: z.string().optional().meta({ description: 'Kursor następnej strony (`nextCursor` poprzedniej)' }),
		category: z
			.enum(['', ...categoryCodes], { error: 'Nie ma takiej kategorii.' })
			.optional()
			.meta({ description: 'Tylko posty tej kategorii (pusty: wszystkie)' })
	}),
	responses: {
		200: {
			description: 'Strona postów',
			schema: z.object({
				items: z.array(Post),
				nextCursor: z.string().nullable().meta({ description: 'Kursor następnej strony; null na ostatniej' })
			})
		}
	},
	errors: ['forbidden', 'not_found']
});

const asMessage = 'Pole "as" ma postać "unit:<id>".';
const post = postInputSchema.shape;
/** The domain's own schema of the event (`Date`s in, after the JSON strings are read). */
const event = post.event.unwrap().unwrap();
const poll = post.poll.unwrap().unwrap();

/** JSON gives dates as strings; the domain wants `Date`s (an invalid one is refused there, with its message). */
const toDate = (v: string) => new Date(v);

export const createGroupPost = operation({
	method: 'post',
	path: '/groups/{slug}/posts',
	operationId: 'createGroupPost',
	summary: 'Nowy post (opublikowany od razu albo czeka na akceptację)',
	tag: 'groups',
	access: 'required',
	params: slugParams,
	body: {
		invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
		notObject: 'Treść żądania musi być obiektem JSON.',
		schema: z
			.object({
				body: post.body,
				category: post.category,
				as: z
					.string({ error: asMessage })
					.regex(/^unit:\d{1,18}$/, asMessage)
					.nullish()
					.meta({
						description: 'Publikacja w imieniu jednostki, np. "unit:12" (jednostki: GET /groups/{slug}/units)'
					}),
				unitId: post.unitId.meta({ description: 'To samo co "as" (sam identyfikator jednostki)' }),
				questionTo: post.questionTo.meta({
					description:
						'Pytanie mieszkańca (kategoria "questions") skierowane do urzędu lub jednostki gminy: jej identyfikator z GET /groups/{slug}/units'
				}),
				event: z
					.object(
						{
							start: z.string({ error: 'Podaj datę i godzinę rozpoczęcia wydarzenia.' }).meta({ format: 'date-time' }),
							end: z.string({ error: 'Podaj poprawną datę zakończenia.' }).meta({ format: 'date-time' }).nullish(),
							place: event.shape.place
						},
						{ error: 'Podaj datę i godzinę rozpoczęcia wydarzenia.' }
					)
					.transform((e): z.input<typeof event> => ({
						start: toDate(e.start),
						end: e.end == null ? null : toDate(e.end),
						place: e.place
					}))
					.pipe(event)
					.nullish()
					.meta({ description: 'Wydarzenie: początek, koniec (nie wcześniej niż początek), miejsce' }),
				poll: z
					.object(
						{
							options: poll.shape.options.meta({ description: 'Od 2 do 10 różnych odpowiedzi' }),
							multiple: poll.shape.multiple,
							closesAt: z
								.string({ error: 'Podaj, do kiedy trwa głosowanie.' })
								.meta({ format: 'date-time', description: 'Koniec głosowania (od 10 minut do roku od publikacji)' }),
							consultation: poll.shape.consultation.meta({
								description:
									'Konsultacja (tylko w poście jednostki): głosują członkowie, którzy wskazali miejscowość w gminie'
							})
						},
						{ error: 'Ankieta to obiekt z polami options i closesAt.' }
					)
					.transform((p): z.input<typeof poll> => ({ ...p, closesAt: toDate(p.closesAt) }))
					.pipe(poll)
					.nullish()
					.meta({ description: 'Ankieta w poście; opcje sprawdza moderacja jak treść posta' }),
				draft: post.draft.meta({ description: 'Zapisz jako szkic (widzi go tylko autor i zespół jednostki)' }),
				publishAt: z
					.string({ error: 'Podaj poprawną datę i godzinę publikacji.' })
					.meta({ format: 'date-time' })
					.transform(toDate)
					.nullish()
					.meta({ description: 'Publikacja automatyczna o tej porze (od minuty do roku naprzód)' }),
				commentsEnabled: post.commentsEnabled,
				places: post.places.meta({
					description: 'Miejscowości lub sołectwa, których dotyczy post (identyfikatory z GET /groups/{slug}/places)'
				})
			})
			// "as": "unit:12" publishes as unit 12 (the same as "unitId": "12"); the API takes no images.
			.transform(({ as, ...input }) => ({ ...input, unitId: as ? as.slice('unit:'.length) : input.unitId, images: [] }))
	},
	responses: { 201: { description: 'Utworzono', schema: Created } },
	errors: ['forbidden', 'not_found', 'conflict', 'rate_limited']
});

export const listGroupUnits = operation({
	method: 'get',
	path: '/groups/{slug}/units',
	operationId: 'listGroupUnits',
	summary: 'Jednostki gminy, które publikują w grupie',
	tag: 'groups',
	access: 'none',
	params: slugParams,
	responses: { 200: { description: 'Jednostki', schema: z.object({ items: z.array(Unit) }) } },
	errors: ['not_found']
});
