import { z } from 'zod';
import { commentInputSchema } from '../feed/comments';
import { commentEditSchema } from '../feed/comment-authoring';
import { reactionSchema } from '../feed/engagement';
import { eventResponseSchema } from '../events/events';
import { isId } from '../core/validation';
import { operation } from './contract';
import { Comment, count, Created, Post } from './schemas';

const postParams = z.object({
	id: z.string().meta({ description: 'Identyfikator posta', pattern: '^\\d+$', example: '1' })
});
const notJson = 'Treść żądania musi być poprawnym obiektem JSON.';

export const getPost = operation({
	method: 'get',
	path: '/posts/{id}',
	operationId: 'getPost',
	summary: 'Jeden post',
	tag: 'posts',
	access: 'optional',
	params: postParams,
	responses: { 200: { description: 'Post', schema: Post } },
	errors: ['forbidden', 'not_found']
});

export const listComments = operation({
	method: 'get',
	path: '/posts/{id}/comments',
	operationId: 'listComments',
	summary: 'Komentarze (wątki)',
	tag: 'posts',
	access: 'optional',
	params: postParams,
	responses: { 200: { description: 'Komentarze', schema: z.object({ items: z.array(Comment) }) } },
	errors: ['forbidden', 'not_found']
});

export const createComment = operation({
	method: 'post',
	path: '/posts/{id}/comments',
	operationId: 'createComment',
	summary: 'Nowy komentarz lub odpowiedź',
	tag: 'posts',
	access: 'required',
	params: postParams,
	body: {
		invalidJson: notJson,
		schema: z.object(commentInputSchema.shape, { error: 'Treść żądania musi być obiektem JSON.' })
	},
	responses: { 201: { description: 'Utworzono', schema: Created } },
	errors: ['forbidden', 'not_found', 'conflict', 'rate_limited']
});

const commentParams = z.object({
	id: z.string().meta({ description: 'Identyfikator komentarza', pattern: '^\\d+$', example: '1' })
});

export const editComment = operation({
	method: 'patch',
	path: '/comments/{id}',
	operationId: 'editComment',
	summary:
		'Zmiana własnego komentarza, także zatrzymanego („popraw i wyślij ponownie”): nowa treść przechodzi moderację jak nowy komentarz; w historii zostaje tylko treść, którą widzieli czytelnicy',
	tag: 'posts',
	access: 'required',
	params: commentParams,
	body: {
		invalidJson: notJson,
		schema: z.object(commentEditSchema.shape, { error: 'Treść żądania musi być obiektem JSON.' })
	},
	responses: {
		200: {
			description: 'Zapisano',
			schema: z.object({
				status: z.enum(['published', 'pending']),
				reasons: z.array(z.string()).meta({ description: 'Dlaczego komentarz czeka na akceptację' })
			})
		}
	},
	errors: ['forbidden', 'not_found', 'conflict']
});

export const deleteComment = operation({
	method: 'delete',
	path: '/comments/{id}',
	operationId: 'deleteComment',
	summary: 'Usunięcie własnego komentarza (znika z wątku i z licznika)',
	tag: 'posts',
	access: 'required',
	params: commentParams,
	responses: { 200: { description: 'Usunięto', schema: z.object({ deleted: z.literal(true) }) } },
	errors: ['forbidden', 'not_found']
});

const reactionCounts = z.object({
	reactions: count(),
	reactionsByKind: z.partialRecord(reactionSchema.unwrap(), count())
});
const kindMessage = 'Podaj rodzaj reakcji w polu „kind”.';

export const setReaction = operation({
	method: 'put',
	path: '/posts/{id}/reaction',
	operationId: 'setReaction',
	summary: 'Moja reakcja (jedna na post, można zmienić)',
	tag: 'engagement',
	access: 'required',
	params: postParams,
	body: {
		schema: z.object(
			{
				// Missing or null: this message; any other value goes to the domain's list of reactions.
				kind: z
					.unknown()
					.refine((kind) => kind != null, kindMessage)
					.pipe(reactionSchema.unwrap())
					.meta({ type: 'string', enum: reactionSchema.unwrap().options })
			},
			{ error: kindMessage }
		)
	},
	responses: {
		200: { description: 'Zapisano', schema: z.object({ kind: reactionSchema, counts: reactionCounts }) }
	},
	errors: ['forbidden', 'not_found', 'conflict']
});

export const deleteReaction = operation({
	method: 'delete',
	path: '/posts/{id}/reaction',
	operationId: 'deleteReaction',
	summary: 'Usuń moją reakcję',
	tag: 'engagement',
	access: 'required',
	params: postParams,
	responses: { 200: { description: 'Usunięto', schema: z.object({ kind: z.null(), counts: reactionCounts }) } },
	errors: ['forbidden', 'not_found', 'conflict']
});

const Following = z
	.object({ following: z.boolean().meta({ description: 'Czy osoba dostaje powiadomienia o nowych komentarzach' }) })
	.meta({ id: 'Following', description: 'Obserwowanie posta' });

export const followPost = operation({
	method: 'put',
	path: '/posts/{id}/follow',
	operationId: 'followPost',
	summary: 'Obserwuj post: powiadomienia o nowych komentarzach (autor obserwuje swój post bez tego)',
	tag: 'posts',
	access: 'required',
	params: postParams,
	responses: { 200: { description: 'Zapisano', schema: Following } },
	errors: ['forbidden', 'not_found']
});

export const muteFollowedPost = operation({
	method: 'delete',
	path: '/posts/{id}/follow',
	operationId: 'muteFollowedPost',
	summary: 'Wycisz post: bez powiadomień o komentarzach i odpowiedziach pod nim, także dla autora',
	tag: 'posts',
	access: 'required',
	params: postParams,
	responses: { 200: { description: 'Zapisano', schema: Following } },
	errors: ['forbidden', 'not_found']
});

const responseMessage = 'Podaj response: "going" (wezmę udział) albo "interested" (interesuje mnie).';

const Attendance = z
	.object({
		response: eventResponseSchema.meta({ description: 'Moja odpowiedź: wezmę udział, interesuje mnie albo brak' }),
		going: count('Osoby, które wezmą udział'),
		interested: count('Osoby zainteresowane')
	})
	.meta({ id: 'Attendance', description: 'Udział w wydarzeniu zapowiedzianym w poście' });

export const attendEvent = operation({
	method: 'put',
	path: '/posts/{id}/attendance',
	operationId: 'attendEvent',
	summary: '„Wezmę udział” albo „Interesuje mnie” przy wydarzeniu (można zmienić; przed jego końcem)',
	tag: 'engagement',
	access: 'required',
	params: postParams,
	body: {
		schema: z.object(
			{
				response: z
					.unknown()
					.refine((r) => r != null, responseMessage)
					.pipe(eventResponseSchema.unwrap())
					.meta({ type: 'string', enum: eventResponseSchema.unwrap().options })
			},
			{ error: responseMessage }
		)
	},
	responses: { 200: { description: 'Zapisano', schema: Attendance } },
	errors: ['forbidden', 'not_found', 'conflict']
});

export const withdrawAttendance = operation({
	method: 'delete',
	path: '/posts/{id}/attendance',
	operationId: 'withdrawAttendance',
	summary: 'Wycofaj moją odpowiedź przy wydarzeniu',
	tag: 'engagement',
	access: 'required',
	params: postParams,
	responses: { 200: { description: 'Wycofano', schema: Attendance } },
	errors: ['forbidden', 'not_found', 'conflict']
});

export const sharePost = operation({
	method: 'post',
	path: '/posts/{id}/share',
	operationId: 'sharePost',
	summary: 'Udostępnienie: zwraca link i licznik (liczone raz na osobę i post; roboty się nie liczą)',
	tag: 'engagement',
	access: 'optional',
	params: postParams,
	responses: {
		200: {
			description: 'Link',
			schema: z.object({ shares: count('Udostępnienia posta'), url: z.url().meta({ description: 'Adres posta' }) })
		}
	},
	errors: ['forbidden', 'not_found', 'conflict']
});

export const recordViews = operation({
	method: 'post',
	path: '/views',
	operationId: 'recordViews',
	summary: 'Posty, które przeglądarka pokazała na ekranie (wyświetlenie liczone raz na osobę, post i dzień)',
	tag: 'engagement',
	access: 'optional',
	body: {
		schema: z.object(
			{
				postIds: z
					.array(z.string().refine(isId, 'Nie ma takiego posta.').meta({ pattern: '^\\d+$' }))
					.min(1)
					.max(50),
				group: z
					.string({ error: 'Podaj adres (slug) grupy jako tekst.' })
					.max(100, 'Adres grupy może mieć najwyżej 100 znaków.')
					.optional()
					.meta({
						description:
							'Adres (slug) grupy, w której posty były na ekranie: post pokazany w niej z innej gminy (Pakiet 3) liczy się też dla niej',
						example: 'wiskitki'
					})
			},
			{ error: 'Podaj listę identyfikatorów postów (postIds).' }
		)
	},
	responses: {
		202: {
			description:
				'Przyjęto do policzenia: wyświetlenia zapisujemy zbiorczo co sekundę, a powtórne wyświetlenie tego samego posta tego samego dnia nic nie dodaje',
			schema: z.object({
				accepted: count('Ile postów z listy przyjęto do policzenia (0, gdy przekroczono limit zgłoszeń)')
			})
		}
	},
	errors: []
});
