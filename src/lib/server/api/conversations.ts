import { z } from 'zod';
import { messageSchema, startSchema } from '../conversations/conversations';
import { reportSchema } from '../conversations/reports';
import { idSchema } from '../core/validation';
import { operation } from './contract';
import { count, dateTime, id } from './schemas';

const conversationParams = z.object({
	id: z.string().meta({ description: 'Identyfikator rozmowy', pattern: '^\\d+$', example: '1' })
});
const messageParams = conversationParams.extend({
	messageId: z.string().meta({ description: 'Identyfikator wiadomości', pattern: '^\\d+$', example: '1' })
});
const notJson = 'Treść żądania musi być poprawnym obiektem JSON.';
const notObject = 'Treść żądania musi być obiektem JSON.';

const Other = z
	.object({
		name: z.string().meta({ description: 'Imię i nazwisko („Konto usunięte”, gdy osoba usunęła konto)' }),
		deleted: z.boolean().meta({ description: 'Druga osoba usunęła konto' })
	})
	.meta({ description: 'Druga osoba rozmowy' });

const ConversationGroup = z
	.object({ slug: z.string().meta({ example: 'wiskitki' }), name: z.string() })
	.meta({ description: 'Grupa, w której rozmowa się zaczęła (obie osoby muszą do niej należeć, by pisać)' });

const blocked = z.boolean().meta({ description: 'Pytająca osoba zablokowała drugą' });

const ConversationSummary = z
	.object({
		id: id(),
		other: Other,
		group: ConversationGroup,
		last: z.object({
			excerpt: z
				.string()
				.meta({ description: 'Początek ostatniej wiadomości („Wiadomość usunięta”, gdy usunęli ją moderatorzy)' }),
			at: dateTime(),
			mine: z.boolean().meta({ description: 'Ostatnią wiadomość napisała pytająca osoba' })
		}),
		unread: count('Nieprzeczytane wiadomości od drugiej osoby'),
		blocked
	})
	.meta({ id: 'ConversationSummary', description: 'Rozmowa na liście: z kim, ostatnia wiadomość, nieprzeczytane' });

const Message = z
	.object({
		id: id(),
		mine: z.boolean().meta({ description: 'Napisana przez pytającą osobę' }),
		body: z.string().meta({ description: 'Treść; pusta, gdy wiadomość usunęli moderatorzy' }),
		removed: z.boolean().meta({ description: 'Usunięta przez moderatorów po zgłoszeniu' }),
		at: dateTime()
	})
	.meta({ id: 'Message', description: 'Wiadomość prywatna' });

const Conversation = z
	.object({
		id: id(),
		other: Other,
		group: ConversationGroup,
		post: z
			.object({ id: id(), excerpt: z.string() })
			.nullable()
			.meta({ description: 'Post, od którego zaczęła się rozmowa (null, gdy nie jest już opublikowany)' }),
		messages: z.array(Message).meta({ description: 'Najwyżej 50 wiadomości, od najstarszej' }),
		more: z.boolean().meta({
			description: 'Są starsze wiadomości: pobiera się je z parametrem before = id pierwszej wiadomości na liście'
		}),
		unread: count('Wiadomości od drugiej osoby nieprzeczytane przed tym pobraniem (pobranie ich nie oznacza)'),
		blocked,
		cannotWrite: z
			.string()
			.nullable()
			.meta({ description: 'Dlaczego pytająca osoba nie może teraz pisać; null: może' }),
		reported: z.array(id()).meta({ description: 'Wiadomości, które pytająca osoba już zgłosiła' })
	})
	.meta({ id: 'Conversation', description: 'Rozmowa dwóch osób z jej wiadomościami' });

const SentMessage = z
	.object({ id: id('Wiadomość'), conversationId: id('Rozmowa'), createdAt: dateTime() })
	.meta({ id: 'SentMessage', description: 'Wysłana wiadomość i rozmowa, do której należy' });

const Blocking = z
	.object({ blocked: z.boolean().meta({ description: 'Czy pytająca osoba blokuje teraz drugą' }) })
	.meta({ id: 'Blocking', description: 'Blokada drugiej osoby rozmowy: żadna z nich nie może pisać do drugiej' });

export const listConversations = operation({
	method: 'get',
	path: '/conversations',
	operationId: 'listConversations',
	summary: 'Moje rozmowy, od ostatnio aktywnej (najwyżej 200), z liczbą nieprzeczytanych wiadomości',
	tag: 'messages',
	access: 'required',
	responses: {
		200: { description: 'Rozmowy', schema: z.object({ items: z.array(ConversationSummary) }) }
	},
	errors: []
});

const start = startSchema.shape;

export const startConversation = operation({
	method: 'post',
	path: '/conversations',
	operationId: 'startConversation',
	summary: '„Napisz do autora”: wiadomość do autora posta albo komentarza w grupie, do której obie osoby należą',
	description:
		'Podaje się dokładnie jedno z pól post albo comment. Para osób ma jedną rozmowę: gdy już ją mają, wiadomość do niej dochodzi. Link od osoby, której adresat jeszcze nie odpisał, przechodzi sprawdzenie jak post w grupie. W pierwszych 14 dniach w grupie można zacząć najwyżej 5 nowych rozmów na dobę.',
	tag: 'messages',
	access: 'required',
	body: {
		invalidJson: notJson,
		notObject,
		schema: startSchema.safeExtend({
			post: start.post.meta({ description: 'Post, którego autorowi piszesz', pattern: '^\\d+$' }),
			comment: start.comment.meta({ description: 'Komentarz, którego autorowi piszesz', pattern: '^\\d+$' })
		})
	},
	responses: { 201: { description: 'Wysłano', schema: SentMessage } },
	errors: ['forbidden', 'not_found', 'rate_limited']
});

export const getConversation = operation({
	method: 'get',
	path: '/conversations/{id}',
	operationId: 'getConversation',
	summary: 'Jedna rozmowa: najnowsze wiadomości albo wcześniejsze od wskazanej (tylko dla jej dwóch osób)',
	tag: 'messages',
	access: 'required',
	params: conversationParams,
	query: z.object({
		before: idSchema('Parametr before to identyfikator wiadomości (same cyfry).')
			.optional()
			.meta({ description: 'Wiadomości starsze od tej (następna strona w tył)', pattern: '^\\d+$' })
	}),
	responses: { 200: { description: 'Rozmowa', schema: Conversation } },
	errors: ['not_found']
});

export const sendMessage = operation({
	method: 'post',
	path: '/conversations/{id}/messages',
	operationId: 'sendMessage',
	summary: 'Nowa wiadomość w rozmowie (odmowa, gdy któraś osoba zablokowała drugą albo nie należy już do grupy)',
	tag: 'messages',
	access: 'required',
	params: conversationParams,
	body: { invalidJson: notJson, schema: z.object(messageSchema.shape, { error: notObject }) },
	responses: { 201: { description: 'Wysłano', schema: SentMessage } },
	errors: ['forbidden', 'not_found']
});

export const getMessage = operation({
	method: 'get',
	path: '/conversations/{id}/messages/{messageId}',
	operationId: 'getMessage',
	summary: 'Jedna wiadomość rozmowy (np. po zdarzeniu na żywo, które podaje same identyfikatory)',
	tag: 'messages',
	access: 'required',
	params: messageParams,
	responses: { 200: { description: 'Wiadomość', schema: Message } },
	errors: ['not_found']
});

export const markConversationRead = operation({
	method: 'put',
	path: '/conversations/{id}/read',
	operationId: 'markConversationRead',
	summary: 'Oznacz rozmowę jako przeczytaną (do ostatniej wiadomości)',
	tag: 'messages',
	access: 'required',
	params: conversationParams,
	responses: { 200: { description: 'Oznaczono', schema: z.object({ read: z.literal(true) }) } },
	errors: ['not_found']
});

export const blockInConversation = operation({
	method: 'put',
	path: '/conversations/{id}/block',
	operationId: 'blockInConversation',
	summary: 'Zablokuj drugą osobę rozmowy: dopóki blokada trwa, ani ona, ani pytająca osoba nie mogą do siebie pisać',
	tag: 'messages',
	access: 'required',
	params: conversationParams,
	responses: { 200: { description: 'Zablokowano', schema: Blocking } },
	errors: ['not_found']
});

export const unblockInConversation = operation({
	method: 'delete',
	path: '/conversations/{id}/block',
	operationId: 'unblockInConversation',
	summary: 'Odblokuj drugą osobę rozmowy',
	tag: 'messages',
	access: 'required',
	params: conversationParams,
	responses: { 200: { description: 'Odblokowano', schema: Blocking } },
	errors: ['not_found']
});

export const reportMessage = operation({
	method: 'post',
	path: '/conversations/{id}/messages/{messageId}/report',
	operationId: 'reportMessage',
	summary: 'Zgłoś wiadomość od drugiej osoby moderatorom grupy (zgłoszenie pozwala im przeczytać tę jedną rozmowę)',
	tag: 'messages',
	access: 'required',
	params: messageParams,
	body: { invalidJson: notJson, schema: z.object(reportSchema.shape, { error: notObject }) },
	responses: { 201: { description: 'Zgłoszono', schema: z.object({ id: id('Zgłoszenie') }) } },
	errors: ['not_found', 'conflict']
});
