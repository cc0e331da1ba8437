import { z } from 'zod';
import { errorCodes, errorStatus, type ErrorCode } from '../core/errors';
import { listOutbox } from './admin';
import { closeGroupAlert, listGroupPlaces, previewGroupAlert, sendGroupAlert, updateGroupAlert } from './alerts';
import type { Operation, Tag } from './contract';
import {
	blockInConversation,
	getConversation,
	getMessage,
	listConversations,
	markConversationRead,
	reportMessage,
	sendMessage,
	startConversation,
	unblockInConversation
} from './conversations';
import { createGroupPost, getGroup, listGroupPosts, listGroups, listGroupUnits } from './groups';
import { checkText } from './moderation';
import {
	attendEvent,
	createComment,
	deleteComment,
	deleteReaction,
	editComment,
	followPost,
	getPost,
	listComments,
	muteFollowedPost,
	recordViews,
	setReaction,
	sharePost,
	withdrawAttendance
} from './posts';
import { closePoll, getPoll, votePoll } from './polls';
import { getPushKey, subscribePush, unsubscribePush } from './push';
import { ErrorBody } from './schemas';
import { getHealth, getOpenApi, suggestGroups } from './service';
import { createTicket } from './support';

/** Every operation of `/api/v1`, in the document's order. */
export const operations: readonly Operation[] = [
	getHealth,
	getOpenApi,
	listGroups,
	getGroup,
	listGroupPosts,
	createGroupPost,
	previewGroupAlert,
	sendGroupAlert,
	updateGroupAlert,
	closeGroupAlert,
	listGroupPlaces,
	listGroupUnits,
	suggestGroups,
	getPost,
	listComments,
	createComment,
	editComment,
	deleteComment,
	followPost,
	muteFollowedPost,
	setReaction,
	deleteReaction,
	attendEvent,
	withdrawAttendance,
	getPoll,
	votePoll,
	closePoll,
	sharePost,
	recordViews,
	listConversations,
	startConversation,
	getConversation,
	sendMessage,
	getMessage,
	markConversationRead,
	blockInConversation,
	unblockInConversation,
	reportMessage,
	checkText,
	getPushKey,
	subscribePush,
	unsubscribePush,
	createTicket,
	listOutbox
];

const tags: Record<Tag, string> = {
	groups: 'Grupy gmin, ich posty i jednostki',
	posts: 'Posty i komentarze',
	engagement: 'Reakcje, udostępnienia i wyświetlenia',
	messages: 'Wiadomości prywatne: rozmowy członków grupy, blokowanie, zgłaszanie wiadomości moderatorom',
	moderation: 'Sprawdzenie tekstu przed publikacją',
	push: 'Powiadomienia push przeglądarki',
	support: 'Zgłoszenia do administratorów',
	admin: 'Dla operatorów serwisu',
	service: 'Stan usługi i ten opis'
};

/** What each error code means to a caller, in Polish (the codes themselves come from `errors.ts`). */
const errorMeaning: Record<ErrorCode, string> = {
	validation: 'Niepoprawne dane: komunikat po polsku, przy polach treści także `fields`',
	unauthenticated: 'Brak tokenu albo token nieprawidłowy lub unieważniony',
	forbidden: 'Brak uprawnień do tej czynności',
	not_found: 'Nie ma takiego zasobu (albo nie jest widoczny dla pytającej osoby)',
	conflict: 'Stan nie pozwala na tę czynność albo klucz Idempotency-Key użyty z inną treścią lub w trakcie',
	seller_account_missing: 'Nie można wystawić faktury, dopóki operator nie ustawi rachunku bankowego sprzedawcy',
	gone: 'Zasób już nie istnieje',
	payload_too_large: 'Treść żądania jest za duża',
	unsupported_media: 'Nieobsługiwany rodzaj pliku',
	rate_limited: 'Przekroczony limit: spróbuj później',
	internal: 'Nieoczekiwany błąd serwera'
};

const idempotencyKey = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	schema: { type: 'string', minLength: 1, maxLength: 255 },
	example: '5f0c7a4e-2b1d-4c8e-9a51-0e6f3d2b7c11',
	description:
		'Unikalny klucz żądania (np. UUID), by ponowienie po błędzie sieci nie utworzyło drugiego wpisu: ponowione żądanie z tym samym kluczem i tą samą treścią dostaje pierwszą odpowiedź (nagłówek `Idempotency-Replayed: true`) przez 24 godziny; ten sam klucz z inną treścią albo w trakcie pierwszego żądania — 409. Działa dla każdego zapisu w API.'
};

type JsonSchema = Record<string, unknown>;
const COMPONENTS = '#/components/schemas/';

/**
 * JSON Schema of one zod schema: requests as they are sent (`input`), answers as they are
 * produced (`output`). Named schemas (`.meta({ id })`) go to `components` and are referred to.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
	const out = z.toJSONSchema(schema, {
		io,
		override: ({ jsonSchema: s }) => {
			// z.int()'s safe-integer bounds say nothing to a reader.
			if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
			if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
			// Answers may gain fields; clients should ignore the ones they do not know.
			if (io === 'output' && s.additionalProperties === false) delete s.additionalProperties;
		}
	}) as JsonSchema;
	const { $schema: _schema, $defs, ...root } = out as JsonSchema & { $defs?: Record<string, JsonSchema> };
	const rewrite = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${COMPONENTS}`));
	for (const [name, def] of Object.entries($defs ?? {})) {
		const previous = components[name];
		const next = rewrite(def);
		if (previous && JSON.stringify(previous) !== JSON.stringify(next))
			throw new Error(`Schema ${name} differs between operations (input and output?)`);
		components[name] = next;
	}
	return rewrite(root);
}

function parameters(op: Operation, components: Record<string, JsonSchema>) {
	const list = (schema: z.ZodObject | undefined, where: 'path' | 'query') => {
		if (!schema) return [];
		const object = jsonSchema(schema, 'input', components);
		const required = (object.required as string[] | undefined) ?? [];
		return Object.entries((object.properties ?? {}) as Record<string, JsonSchema>).map(
			([name, { description, example, ...rest }]) => ({
				name,
				in: where,
				required: where === 'path' || required.includes(name),
				...(description ? { description } : {}),
				schema: rest,
				...(example !== undefined ? { example } : {})
			})
		);
	};
	const write = op.method !== 'get' && op.access !== 'none';
	return [...list(op.params, 'path'), ...list(op.query, 'query'), ...(write ? [idempotencyKey] : [])];
}

/** Errors any request may get besides the operation's own (see `hooks.server.ts`). */
function errorsOf(op: Operation): ErrorCode[] {
	const codes = new Set<ErrorCode>(['validation', ...op.errors]); // a NUL anywhere is refused for every path
	if (op.access !== 'none') codes.add('unauthenticated'); // a revoked or unknown token
	if (op.body) codes.add('payload_too_large');
	if (op.method !== 'get' && op.access !== 'none') codes.add('conflict'); // Idempotency-Key reused
	return errorCodes.filter((c) => codes.has(c));
}

const security = {
	none: [],
	optional: [{}, { bearerAuth: [] }],
	required: [{ bearerAuth: [] }]
} as const;

function build() {
	const components: Record<string, JsonSchema> = {};
	const paths: Record<string, Record<string, unknown>> = {};
	const error = (code: ErrorCode) => ({
		description: errorMeaning[code],
		content: { 'application/json': { schema: { $ref: `${COMPONENTS}Error` } } }
	});
	jsonSchema(ErrorBody, 'output', components);
	for (const op of operations) {
		const responses: Record<string, unknown> = {};
		for (const [status, r] of Object.entries(op.responses))
			responses[status] = {
				description: r.description,
				content: { 'application/json': { schema: jsonSchema(r.schema, 'output', components) } }
			};
		for (const code of errorsOf(op)) responses[errorStatus[code]] ??= error(code);
		const parameterList = parameters(op, components);
		(paths[op.path] ??= {})[op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			...(op.description ? { description: op.description } : {}),
			tags: [op.tag],
			security: security[op.access],
			...(parameterList.length ? { parameters: parameterList } : {}),
			...(op.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: jsonSchema(op.body.schema, 'input', components) } }
						}
					}
				: {}),
			responses
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Tablica API',
			version: '1.0.0',
			description: 'Grupy mieszkańców gmin: posty, komentarze, reakcje. Komunikaty błędów są po polsku.',
			license: { name: 'Wszelkie prawa zastrzeżone', identifier: 'LicenseRef-Proprietary' }
		},
		servers: [{ url: '/api/v1' }],
		tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
		components: {
			securitySchemes: {
				bearerAuth: {
					type: 'http',
					scheme: 'bearer',
					description:
						'Token dostępu: osobisty (`npm run --silent cli -- token-create --user EMAIL`, strona konta) albo jednostki dla jej systemów (`token-create --unit SLUG`, panel koordynatora); token jednostki publikuje tylko jako ta jednostka'
				}
			},
			schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)))
		},
		paths
	};
}

/** The public JSON API, described for people and tools (OpenAPI 3.1), generated from the operations' zod schemas. */
export const openApi = build();
