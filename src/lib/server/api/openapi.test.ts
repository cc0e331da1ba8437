import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postStatuses } from '../db/schema';
import { AppError, errorCodes } from '../core/errors';
import { listOutbox } from './admin';
import { parseBody, parseQuery } from './contract';
import { createGroupPost, listGroupPosts } from './groups';
import { openApi, operations } from './openapi';
import { setReaction } from './posts';
import { createTicket } from './support';

const routes = path.resolve('src/routes/api/v1');

/** Every `+server.ts` under /api/v1 as `METHOD /path/{param}`, from the file tree and its exports. */
function routeOperations(): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route = `/${path.relative(routes, dir)}`.replace(/\[(\w+)\]/g, '{$1}');
				for (const [, method] of readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
					found.push(`${method} ${route}`);
			}
		}
	};
	walk(routes);
	return found.sort();
}

const request = (body: string) => new Request('http://x/', { method: 'POST', body });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
	const e = await promise.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(AppError);
	return e as AppError;
}

describe('the OpenAPI document', () => {
	it('describes every route file under src/routes/api/v1, and nothing else', () => {
		const documented = Object.entries(openApi.paths)
			.flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
			.sort();
		expect(routeOperations().length).toBeGreaterThanOrEqual(21);
		expect(documented).toEqual(routeOperations());
	});

	it('gives every operation a unique operationId, tags, a security declaration and an error answer', () => {
		const ids = operations.map((o) => o.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const methods of Object.values(openApi.paths))
			for (const op of Object.values(methods) as Record<string, unknown>[]) {
				expect(op.operationId).toEqual(expect.any(String));
				expect(op.tags).toHaveLength(1);
				expect(Array.isArray(op.security)).toBe(true);
				expect(Object.keys(op.responses as object).some((s) => s.startsWith('4'))).toBe(true);
			}
	});

	it('takes the error codes from errors.ts and the post states from the schema', () => {
		type Json = { properties: Record<string, Json>; enum?: unknown[] };
		const schemas = openApi.components.schemas as unknown as Record<string, Json>;
		expect(schemas.Error.properties.error.properties.code.enum).toEqual(errorCodes);
		expect(schemas.Post.properties.status.enum).toEqual([...postStatuses]);
		expect(schemas.Post.properties.status.enum).toEqual(
			expect.arrayContaining(['draft', 'scheduled', 'changes_requested', 'deleted'])
		);
	});

	it('declares who may call: anonymous, optional or bearer', () => {
		const security = (p: string, m: string) =>
			(openApi.paths as Record<string, Record<string, { security: unknown }>>)[p][m].security;
		expect(security('/groups', 'get')).toEqual([]);
		expect(security('/groups/{slug}/posts', 'get')).toEqual([{}, { bearerAuth: [] }]);
		expect(security('/groups/{slug}/posts', 'post')).toEqual([{ bearerAuth: [] }]);
	});
});

describe('requests parsed by their contract', () => {
	it('refuses a bad post body with the Polish messages of the domain, field by field', async () => {
		const e = await refusal(parseBody(createGroupPost, request(JSON.stringify({ body: '', category: 'polityka' }))));
		expect(e.code).toBe('validation');
		expect(e.fields).toEqual({ body: 'Napisz treść posta.', category: 'Wybierz kategorię z listy.' });
		expect((await refusal(parseBody(createGroupPost, request('{nie json')))).message).toBe(
			'Treść żądania musi być poprawnym obiektem JSON.'
		);
		expect((await refusal(parseBody(createGroupPost, request('5')))).message).toBe(
			'Treść żądania musi być obiektem JSON.'
		);
		const as = await refusal(
			parseBody(createGroupPost, request(JSON.stringify({ body: 'x', category: 'other', as: 12 })))
		);
		expect(as.fields).toEqual({ as: 'Pole "as" ma postać "unit:<id>".' });
		const late = await refusal(
			parseBody(
				createGroupPost,
				request(
					JSON.stringify({ body: 'x', category: 'other', event: { start: '2026-12-03T17:00', end: '2026-12-02' } })
				)
			)
		);
		expect(late.fields).toEqual({ 'event.end': 'Wydarzenie nie może się skończyć, zanim się zacznie.' });
	});

	it('turns the JSON of a post into the domain input: unit, dates, no images', async () => {
		const input = await parseBody(
			createGroupPost,
			request(
				JSON.stringify({
					body: ' Zebranie ',
					category: 'community',
					as: 'unit:12',
					event: { start: '2026-12-03T17:00:00+01:00', place: 'Świetlica' },
					publishAt: '2026-12-01T08:00:00Z',
					urgent: null
				})
			)
		);
		expect(input).toMatchObject({
			body: 'Zebranie',
			unitId: '12',
			event: { start: new Date('2026-12-03T16:00:00Z'), end: null, place: 'Świetlica' },
			publishAt: new Date('2026-12-01T08:00:00Z'),
			images: [],
			commentsEnabled: true,
			draft: false
		});
		expect(input).not.toHaveProperty('as');
	});

	it('reads query parameters with their limits and defaults', () => {
		const url = (q: string) => new URL(`http://x/api/v1/groups/wiskitki/posts${q}`);
		expect(parseQuery(listGroupPosts, url(''))).toEqual({ limit: 20 });
		expect(parseQuery(listGroupPosts, url('?limit=5&cursor=abc&category=sport'))).toEqual({
			limit: 5,
			cursor: 'abc',
			category: 'sport'
		});
		for (const limit of ['0', '51', '1.5', 'x', ''])
			expect(() => parseQuery(listGroupPosts, url(`?limit=${limit}`))).toThrow(
				'Parametr limit musi być liczbą całkowitą od 1 do 50.'
			);
		expect(() => parseQuery(listGroupPosts, url('?category=polityka'))).toThrow('Nie ma takiej kategorii.');
		try {
			parseQuery(listGroupPosts, url('?limit=500'));
		} catch (e) {
			expect(e).toMatchObject({ code: 'validation', fields: {} });
		}
		expect(parseQuery(listOutbox, new URL('http://x/'))).toEqual({ limit: 50 });
	});

	it('asks for the reaction by name, and names the allowed ones', async () => {
		expect((await refusal(parseBody(setReaction, request('{}')))).message).toBe('Podaj rodzaj reakcji w polu „kind”.');
		expect((await refusal(parseBody(setReaction, request('null')))).message).toBe(
			'Podaj rodzaj reakcji w polu „kind”.'
		);
		expect((await refusal(parseBody(setReaction, request('{"kind":"kocham"}')))).message).toBe(
			'Nie ma takiej reakcji. Dozwolone: like, love, haha, wow, sad, angry.'
		);
		expect(await parseBody(setReaction, request('{"kind":"wow"}'))).toEqual({ kind: 'wow' });
	});

	it('takes tickets of the API kinds only', async () => {
		const e = await refusal(parseBody(createTicket, request(JSON.stringify({ kind: 'advertising', body: 'x' }))));
		expect(e.fields.kind).toBe('Pole "kind" przyjmuje: wrongly_held_post, violation, technical, billing, other.');
	});
});
