import { z } from 'zod';
import { commentStatuses, postStatuses } from '../db/schema';
import { errorCodes } from '../core/errors';
import { reactionKinds } from '../feed/present';
import { categoryCodes } from '../groups/categories';
import { unitTypeIds } from '../groups/unit-types';

/**
 * Shapes the API answers with, shared by several operations. Each has an `id`: the OpenAPI
 * document lists it under `components.schemas` and refers to it there.
 */

export const dateTime = (description?: string) => z.string().meta({ format: 'date-time', description });
export const count = (description?: string) => z.int().min(0).meta({ description });
/** A row id: PostgreSQL's bigint as a string of digits. */
export const id = (description?: string) => z.string().meta({ pattern: '^\\d{1,19}$', description });

export const ErrorBody = z
	.object({
		error: z.object({
			code: z.enum(errorCodes).meta({ description: 'Stały kod błędu (do obsługi w programie)' }),
			message: z.string().meta({ description: 'Komunikat po polsku, do pokazania osobie' }),
			fields: z
				.record(z.string(), z.string())
				.optional()
				.meta({ description: 'Komunikaty przy poszczególnych polach treści żądania' })
		})
	})
	.meta({ id: 'Error', description: 'Błąd: kod, komunikat po polsku i (przy błędach danych) pola' });

export const Group = z
	.object({
		slug: z.string().meta({ example: 'wiskitki' }),
		name: z.string(),
		description: z.string(),
		isPublic: z.boolean(),
		memberCount: count(),
		municipality: z.object({
			terytCode: z.string().regex(/^\d{7}$/),
			name: z.string(),
			county: z.string(),
			voivodeship: z.string()
		})
	})
	.meta({ id: 'Group', description: 'Grupa mieszkańców gminy' });

const reactionsByKind = z
	.partialRecord(z.enum(reactionKinds as [string, ...string[]]), count())
	.meta({ description: 'Liczba reakcji każdego rodzaju' });

export const Counts = z
	.object({
		comments: count(),
		reactions: count(),
		views: count(),
		shares: count(),
		reactionsByKind
	})
	.meta({ id: 'Counts', description: 'Liczniki posta' });

export const Poll = z
	.object({
		options: z.array(z.string()).meta({ description: 'Odpowiedzi do wyboru; głosuje się ich numerami (od 0)' }),
		multiple: z.boolean().meta({ description: 'Można zaznaczyć kilka odpowiedzi' }),
		consultation: z
			.boolean()
			.meta({ description: 'Konsultacja: głosują członkowie, którzy wskazali swoją miejscowość w gminie' }),
		closesAt: dateTime().meta({ description: 'Koniec głosowania (wcześniejszy, gdy autor je zakończył)' }),
		closed: z.boolean(),
		voters: z.int().min(0).meta({ description: 'Osoby, które zagłosowały' }),
		results: z
			.array(z.int().min(0))
			.nullable()
			.meta({ description: 'Głosy na każdą odpowiedź; null, dopóki pytający nie zagłosuje albo głosowanie trwa' }),
		myVotes: z.array(z.int().min(0)).meta({ description: 'Odpowiedzi zaznaczone przez pytającego' })
	})
	.meta({ id: 'Poll', description: 'Ankieta: wyniki po oddaniu głosu albo po zakończeniu głosowania' });

export const Post = z
	.object({
		id: id(),
		group: z.string().meta({ description: 'Adres (slug) grupy' }),
		author: z.object({
			type: z.enum(['user', 'unit']),
			name: z.string(),
			unit: z
				.object({ slug: z.string(), type: z.string(), verified: z.boolean() })
				.optional()
				.meta({ description: 'Jednostka, w której imieniu opublikowano post' })
		}),
		category: z.enum(categoryCodes),
		body: z.string(),
		mentions: z
			.array(z.string())
			.meta({ description: 'Członkowie grupy wspomniani w treści („@Imię Nazwisko”): ich nazwy, jak w treści' }),
		status: z.enum(postStatuses).meta({
			description:
				'Stan posta: opublikowany, czeka na akceptację, do poprawy, odrzucony, usunięty przez moderację, szkic, zaplanowany, usunięty przez autora'
		}),
		createdAt: dateTime(),
		pinned: z.boolean(),
		urgent: z.boolean(),
		promotion: z.object({ sponsor: z.string(), endsAt: dateTime() }).nullable().meta({
			description: 'Wyróżnienie trwające teraz (Pakiet 2): kto wyróżnił i do kiedy; tylko na liście postów grupy'
		}),
		crossPostedFrom: z.string().nullable().meta({
			description:
				'Gmina, z której grupy pochodzi post pokazany tu jako wyróżniony przez sąsiednią gminę (Pakiet 3); komentarze są w grupie źródłowej'
		}),
		event: z
			.object({
				start: dateTime(),
				end: dateTime().nullable(),
				place: z.string().nullable(),
				going: z.int().min(0).meta({ description: 'Osoby, które wezmą udział' }),
				interested: z.int().min(0).meta({ description: 'Osoby zainteresowane' }),
				myResponse: z
					.enum(['going', 'interested'])
					.nullable()
					.meta({ description: 'Odpowiedź pytającej osoby (bez tokenu: null)' })
			})
			.nullable()
			.meta({ description: 'Wydarzenie, gdy post je zapowiada, z odpowiedziami „Wezmę udział” i „Interesuje mnie”' }),
		poll: Poll.nullable().meta({ description: 'Ankieta w poście' }),
		images: z.array(z.object({ url: z.string(), width: z.int().min(1), height: z.int().min(1), alt: z.string() })),
		places: z.array(z.string()).meta({ description: 'Sołectwa i miejscowości, których dotyczy post' }),
		alert: z
			.object({
				kind: z.string(),
				title: z.string().nullable(),
				validUntil: dateTime().nullable(),
				allClearAt: dateTime().nullable(),
				allClearText: z.string().nullable(),
				cap: z.string().meta({ description: 'Komunikat w formacie CAP 1.2 (adres względny)' })
			})
			.nullable()
			.meta({ description: 'Komunikat pilny, gdy post nim jest' }),
		question: z
			.object({
				unit: z.string().meta({ description: 'Urząd lub jednostka, która ma odpowiedzieć (po przekazaniu: ta nowa)' }),
				state: z.enum(['waiting', 'forwarded', 'answered']).meta({
					description: 'czeka na odpowiedź, przekazano (do innej jednostki, nadal czeka), odpowiedziano'
				}),
				forwardedFrom: z.string().nullable().meta({ description: 'Jednostka, która przekazała pytanie' }),
				answeredAt: dateTime().nullable(),
				answerCommentId: id().nullable().meta({ description: 'Komentarz z odpowiedzią urzędu' })
			})
			.nullable()
			.meta({ description: 'Pytanie mieszkańca skierowane do urzędu lub jednostki gminy' }),
		counts: Counts
	})
	.meta({ id: 'Post', description: 'Post w grupie' });

export const Unit = z
	.object({
		id: id(),
		slug: z.string(),
		name: z.string(),
		type: z.enum(unitTypeIds).meta({ description: 'Rodzaj jednostki (typeLabel: jego polska nazwa)' }),
		typeLabel: z.string(),
		verified: z.boolean(),
		publishing: z.boolean().meta({
			description: 'Posty jednostki ukazują się teraz bez akceptacji (pakiet aktywny, jednostka włączona)'
		})
	})
	.meta({ id: 'Unit', description: 'Jednostka gminy (urząd, szkoła, OSP…) publikująca w grupie' });

export const Created = z
	.object({
		id: id(),
		status: z.enum(['published', 'pending', 'draft', 'scheduled']),
		reasons: z.array(z.string()).meta({ description: 'Dlaczego wpis czeka na akceptację' })
	})
	.meta({ id: 'Created', description: 'Utworzony wpis i jego stan' });

export const Comment: z.ZodType<CommentShape, CommentShape> = z
	.object({
		id: id(),
		parentId: id().nullable(),
		authorName: z.string(),
		body: z.string(),
		mentions: z
			.array(z.string())
			.meta({ description: 'Członkowie grupy wspomniani w treści („@Imię Nazwisko”): ich nazwy, jak w treści' }),
		status: z.enum(commentStatuses),
		mine: z.boolean().meta({ description: 'Napisany przez pytającą osobę' }),
		reason: z.string().nullable().meta({ description: 'Dlaczego czeka (widzi autor i moderatorzy)' }),
		createdAt: dateTime(),
		editedAt: dateTime('Kiedy autor ostatnio zmienił komentarz („edytowano”)').nullable(),
		history: z
			.array(z.object({ body: z.string(), editedAt: dateTime('Do kiedy obowiązywała ta wersja') }))
			.meta({ description: 'Wcześniejsze wersje, od najnowszej' }),
		reactions: count(),
		byKind: reactionsByKind,
		myReaction: z.enum(reactionKinds as [string, ...string[]]).nullable(),
		officialAnswer: z.boolean().meta({
			description:
				'Odpowiedź urzędu: pierwsza odpowiedź jednostki, do której skierowano pytanie (jej wątek jest pierwszy)'
		}),
		get replies() {
			return z.array(Comment);
		}
	})
	.meta({ id: 'Comment', description: 'Komentarz z odpowiedziami' });

interface CommentShape {
	id: string;
	parentId: string | null;
	authorName: string;
	body: string;
	mentions: string[];
	status: (typeof commentStatuses)[number];
	mine: boolean;
	reason: string | null;
	createdAt: string;
	editedAt: string | null;
	history: { body: string; editedAt: string }[];
	reactions: number;
	byKind: Partial<Record<string, number>>;
	myReaction: string | null;
	officialAnswer: boolean;
	replies: CommentShape[];
}
