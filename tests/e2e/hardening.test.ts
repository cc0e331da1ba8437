import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApi } from '../../src/lib/server/api/openapi';
import { apiToken, sessionCookie, startServer, type Server } from './harness';

let server: Server;
let token: string;
/** A real published post of the demo, so generated requests also reach the code behind the "not found". */
let postId: string;

const firefox = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;
const send = (method: string, path: string, body?: unknown, auth?: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: {
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(auth ? { authorization: `Bearer ${auth}` } : {}),
			...headers
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
const cursor = (text: string) => Buffer.from(text).toString('base64url');

beforeAll(async () => {
	server = await startServer();
	token = await apiToken(server.url, 'mieszkaniec@tablica.test');
	const { items } = await (await send('GET', '/groups/wiskitki/posts?limit=3')).json();
	postId = items.find((p: { pinned: boolean }) => !p.pinned).id;
});
afterAll(async () => server?.stop());

/** The usual error body, with the status the brief asks for. */
async function expectError(r: Response, status: number, code: string) {
	expect(r.status).toBe(status);
	expect((await r.json()).error).toMatchObject({ code, message: expect.any(String) });
}

describe('malformed input gets 400/404, never a 500', () => {
	it('refuses a NUL byte in a path, a query or a JSON body', async () => {
		await expectError(await send('GET', '/groups/%00'), 400, 'validation');
		await expectError(await send('GET', '/groups/wiskitki/posts?category=%00'), 400, 'validation');
		await expectError(
			await send('POST', '/groups/wiskitki/posts', { body: 'Zebranie\u0000 wiejskie', category: 'community' }, token),
			400,
			'validation'
		);
		await expectError(
			await send('POST', `/posts/${postId}/comments`, { body: 'Dziękuję\u0000' }, token),
			400,
			'validation'
		);
		await expectError(
			await send('POST', '/moderation/check', { text: 'tekst', group: 'wi\u0000skitki' }),
			400,
			'validation'
		);
		await expectError(
			await send('POST', '/support/tickets', { kind: 'other', body: 'Opis sprawy\u0000 dość długi' }, token),
			400,
			'validation'
		);
		// A NUL in a form posted to a page: the error page, with status 400.
		const form = await fetch(`${server.url}/kontakt`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				kind: 'contact',
				name: 'Jan\u0000',
				email: 'jan@example.pl',
				body: 'Treść wiadomości do administratorów'
			})
		});
		expect(form.status).toBe(400);
		expect((await fetch(`${server.url}/g/%00`)).status).toBe(400);
		// A multipart form (the composer) is not read by the hook: the database layer refuses the NUL.
		const composer = new FormData();
		composer.set('body', 'Zebranie\u0000 wiejskie');
		composer.set('category', 'community');
		const posted = await fetch(`${server.url}/g/wiskitki?/post`, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'text/html',
				cookie: await sessionCookie(server.url, 'mieszkaniec@tablica.test')
			},
			body: composer
		});
		expect(posted.status).toBe(400);
		expect(await posted.text()).toContain('niedozwolony znak');
	});

	it('refuses ids beyond bigint and cursors with extreme dates', async () => {
		await expectError(
			await send(
				'POST',
				`/posts/${postId}/comments`,
				{ body: 'Odpowiedź', parentId: '99999999999999999999999' },
				token
			),
			400,
			'validation'
		);
		await expectError(await send('GET', '/posts/9223372036854775808'), 404, 'not_found');
		await expectError(
			await send('GET', `/groups/wiskitki/posts?cursor=${cursor('2020-01-01T00:00:00.000Z|99999999999999999999999')}`),
			400,
			'validation'
		);
		await expectError(
			await send('GET', `/groups/wiskitki/posts?cursor=${cursor('-271821-04-20T00:00:00.000Z|1')}`),
			400,
			'validation'
		);
		await expectError(
			await send(
				'POST',
				'/groups/wiskitki/posts',
				{ body: 'Zebranie', category: 'community', event: { start: '-271821-04-20T00:00:00Z' } },
				token
			),
			400,
			'validation'
		);
		await expectError(
			await send(
				'POST',
				'/groups/wiskitki/posts',
				{ body: 'Zebranie', category: 'community', publishAt: { toString: 1 } },
				token
			),
			400,
			'validation'
		);
	});

	it('keeps a kept-alive connection usable after answering before a large body was read', async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const request = (path: string, body?: Buffer, type = 'application/octet-stream') =>
			new Promise<number>((resolve, reject) => {
				const url = new URL(`${server.url}${path}`);
				const r = http.request(
					{
						host: url.hostname,
						port: url.port,
						path: url.pathname,
						method: body ? 'POST' : 'GET',
						agent,
						headers: body ? { 'content-type': type, 'content-length': body.length } : {},
						timeout: 30_000
					},
					(res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode!));
					}
				);
				r.on('timeout', () => r.destroy(new Error(`no answer on the kept-alive connection: ${path}`)));
				r.on('error', reject);
				r.end(body);
			});
		try {
			// Over the anonymous limit (413), and a URL refused by the hook (400): answered with the body unread.
			expect(await request('/api/v1/groups/wiskitki/posts', Buffer.alloc(1_000_000, 'x'))).toBe(413);
			expect(await request('/api/v1/health')).toBe(200);
			expect(await request('/api/v1/groups/a%00/posts', Buffer.alloc(60_000, 'x'), 'application/json')).toBe(400);
			expect(await request('/api/v1/health')).toBe(200);
		} finally {
			agent.destroy();
		}
	});

	it('answers a ticket about a post that does not exist with 404', async () => {
		await expectError(
			await send(
				'POST',
				'/support/tickets',
				{ kind: 'violation', body: 'Ten post łamie regulamin grupy.', postId: '123456789' },
				token
			),
			404,
			'not_found'
		);
		await expectError(
			await send(
				'POST',
				'/support/tickets',
				{ kind: 'wrongly_held_post', body: 'Mój post zatrzymano przez pomyłkę.', postId: '123456789' },
				token
			),
			404,
			'not_found'
		);
	});
});

describe('web push subscriptions', () => {
	it('accept only a browser push service, refusing internal addresses with a clear 400', async () => {
		const keys = {
			p256dh: 'BPcMbnWQL5GOYX_5jsYqGNjEEGgyhBZ5ctu-9uQ4J8Y0EBGKUwmYfNi9Nr2vWSyHkSzlpvJXwOBVnaTNmt4fWnI',
			auth: 'hH9_7WDKVBm_y3kGzbA4Ag'
		};
		for (const endpoint of [
			'http://127.0.0.1:5432/',
			'https://127.0.0.1:6379/x',
			'https://10.0.0.1/x',
			'https://[::1]:22/x',
			'https://evil.example/push'
		]) {
			const r = await send('POST', '/push/subscriptions', { endpoint, keys }, token);
			expect(r.status, endpoint).toBe(400);
			expect((await r.json()).error, endpoint).toMatchObject({
				code: 'validation',
				fields: { endpoint: expect.any(String) }
			});
		}
		expect(
			(
				await send(
					'POST',
					'/push/subscriptions',
					{ endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def', keys },
					token
				)
			).status
		).toBe(201);
	});
});

describe('reach statistics', () => {
	it('50 shares and 50 views with rotating User-Agents add one share, one view and one viewer', async () => {
		const { items } = await (await send('GET', '/groups/wiskitki/posts?limit=10')).json();
		const id = items.filter((p: { pinned: boolean }) => !p.pinned)[3].id;
		const before = (await (await send('GET', `/posts/${id}`)).json()).counts;
		for (let i = 0; i < 50; i++) {
			expect(
				(await send('POST', `/posts/${id}/share`, undefined, undefined, { 'user-agent': firefox(i) })).status
			).toBe(200);
			expect((await send('POST', '/views', { postIds: [id] }, undefined, { 'user-agent': firefox(i) })).status).toBe(
				202
			);
		}
		// Crawlers and link previews count as nobody.
		for (const ua of [
			'facebookexternalhit/1.1',
			'Mozilla/5.0 (compatible; Googlebot/2.1)',
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36'
		]) {
			await send('POST', `/posts/${id}/share`, undefined, undefined, { 'user-agent': ua });
		}
		// Views are written in batches within a second: wait for the first, then nothing more may come.
		const counts = async () => (await (await send('GET', `/posts/${id}`)).json()).counts;
		await vi.waitFor(async () => expect((await counts()).views).toBeGreaterThan(before.views), {
			timeout: 15_000,
			interval: 100
		});
		const after = await counts();
		expect(after.shares).toBe(before.shares + 1);
		expect(after.views).toBe(before.views + 1);
	});

	it('the public statistics pages say how views and shares are counted', async () => {
		for (const path of ['/zasiegi', '/grupy/wiskitki']) {
			const html = await (await fetch(`${server.url}${path}`)).text();
			expect(html, path).toContain(
				'Wyświetlenie posta liczymy raz dziennie na osobę (bez logowania: na łącze internetowe), a udostępnienie raz na osobę; ruchu robotów i podglądów linków nie liczymy.'
			);
		}
	});
});

// --- The property test: every operation of the OpenAPI document, with generated malformed input. ---

type Schema = {
	type?: string | string[];
	enum?: readonly unknown[];
	properties?: Record<string, Schema>;
	items?: Schema;
	$ref?: string;
	format?: string;
	example?: unknown;
	pattern?: string;
};
type Operation = {
	parameters?: readonly { name: string; in: string; schema?: Schema }[];
	requestBody?: { content: Record<string, { schema: Schema }> };
};

const resolve = (s: Schema): Schema =>
	s.$ref ? (openApi.components.schemas as unknown as Record<string, Schema>)[s.$ref.split('/').pop()!] : s;
const operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
	Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({
		name: `${method.toUpperCase()} ${path}`,
		path,
		method: method.toUpperCase(),
		op
	}))
);

const nul = fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`);
const hugeDigits = fc.stringMatching(/^\d{19,40}$/);
const extremeDate = fc.oneof(
	fc.constantFrom(
		'-271821-04-20T00:00:00.000Z',
		'+275760-09-13T00:00:00.000Z',
		'0000-01-01T00:00:00Z',
		'9999-99-99T99:99:99Z',
		'-004713-11-24T00:00:00Z',
		'+294277-01-01T00:00:00Z',
		'2026-02-30T25:61:00Z',
		'1e400'
	),
	fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
);
// Mostly past every limit of the API (10 000 characters at most), sometimes just under one.
const longString = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ minLength: 10_001, maxLength: 12_000, unit: 'binary' }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 2_000, maxLength: 5_001 }) }
);
const evilString = fc.oneof(
	nul,
	hugeDigits,
	extremeDate,
	longString,
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		'',
		' ',
		'-1',
		'0',
		'1.5',
		'1e999',
		'NaN',
		'%',
		'..',
		'../../etc/passwd',
		"' OR 1=1 --",
		'unit:99999999999999999999999',
		'unit:%00',
		'\u0000',
		'\ud800',
		'null',
		'{}'
	)
);
const wrongType = fc.oneof(
	fc.constant(null),
	fc.constant({ toString: 1, valueOf: 'x' }),
	fc.boolean(),
	fc.integer(),
	fc.double(),
	fc.constantFrom(1e308, -1e308, 2 ** 64, Number.MAX_SAFE_INTEGER + 2),
	fc.array(evilString, { maxLength: 3 }),
	fc.dictionary(evilString, evilString, { maxKeys: 3 })
);
const cursorValue = fc
	.tuple(extremeDate, fc.oneof(hugeDigits, fc.constantFrom('1', '-1', '', 'x'), nul))
	.map(([date, id]) => Buffer.from(`${date}|${id}`).toString('base64url'));

/** A plausible value for a schema, so that the malformed neighbour fields reach the code behind the first check. */
function plausible(schema: Schema): fc.Arbitrary<unknown> {
	const s = resolve(schema);
	if (s.enum) return fc.constantFrom(...s.enum);
	if (s.example !== undefined) return fc.constant(s.example);
	if (s.format === 'date-time') return fc.constant(new Date(Date.now() + 86_400_000).toISOString());
	if (s.properties) return body(s);
	const type = Array.isArray(s.type) ? s.type[0] : s.type;
	if (type === 'array') return fc.array(s.items ? plausible(s.items) : fc.string(), { minLength: 1, maxLength: 3 });
	if (type === 'boolean') return fc.boolean();
	if (type === 'integer') return fc.integer({ min: 1, max: 50 });
	if (s.pattern?.includes('\\d')) return fc.constantFrom(postId, '1');
	return fc.string({ minLength: 10, maxLength: 30 });
}

const anyValue = (schema: Schema) => fc.oneof(plausible(schema), evilString, wrongType);

/** An object with the schema's fields, each plausible or malformed, sometimes with an unknown field. */
function body(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
	const props = resolve(schema).properties ?? {};
	return fc
		.tuple(
			fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, anyValue(v)])), { requiredKeys: [] }),
			fc.option(fc.tuple(evilString, wrongType))
		)
		.map(([r, extra]) => (extra ? { ...r, [extra[0]]: extra[1] } : r));
}

/** A generated value as it would stand in a URL (objects may lack a prototype, so no String()). */
const asText = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

function requestFor(op: Operation) {
	const params = op.parameters ?? [];
	const pathParams = fc.record(
		Object.fromEntries(
			params
				.filter((p) => p.in === 'path')
				.map((p) => [p.name, fc.oneof(fc.constantFrom(p.name === 'slug' ? 'wiskitki' : postId), evilString)])
		)
	);
	const query = fc.record(
		Object.fromEntries(
			params
				.filter((p) => p.in === 'query')
				.map((p) => [
					p.name,
					p.name === 'cursor'
						? fc.oneof(cursorValue, evilString)
						: fc.oneof(anyValue(p.schema ?? {}).map(asText), evilString)
				])
		),
		{ requiredKeys: [] }
	);
	const schema = op.requestBody?.content['application/json']?.schema;
	const json = schema
		? fc.oneof(
				{ weight: 4, arbitrary: body(schema).map((b) => JSON.stringify(b)) },
				{ weight: 1, arbitrary: wrongType.map((v) => JSON.stringify(v)) },
				{ weight: 1, arbitrary: fc.constantFrom('{nie json', '', '[', '"\\u0000"', '{"body": "\\u0000"}') }
			)
		: fc.constant(undefined);
	return fc.record({ pathParams, query, json, signedIn: fc.boolean() });
}

const segment = (v: string) => {
	try {
		return encodeURIComponent(v);
	} catch {
		return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'));
	}
};

describe('every API operation, with generated malformed input', () => {
	it('the property test covers the document the server serves', async () => {
		expect(await (await send('GET', '/openapi.json')).json()).toEqual(JSON.parse(JSON.stringify(openApi)));
		expect(operations.length).toBeGreaterThanOrEqual(19);
	});

	// Bounded: a fixed seed and 40 runs per operation keep the whole walk under a minute on a loaded 2-core machine.
	it.each(operations)(
		'$name answers malformed input with 4xx and the usual error body, never 5xx',
		async ({ path, method, op }) => {
			await fc.assert(
				fc.asyncProperty(requestFor(op), async ({ pathParams, query, json, signedIn }) => {
					const url = new URL(
						`${server.url}/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => segment(asText(pathParams[name])))}`
					);
					for (const [k, v] of Object.entries(query)) url.searchParams.set(k, asText(v));
					const r = await fetch(url, {
						method,
						headers: {
							...(json === undefined ? {} : { 'content-type': 'application/json' }),
							...(signedIn ? { authorization: `Bearer ${token}` } : {})
						},
						body: json
					});
					const text = await r.text();
					if (r.status >= 500)
						throw new Error(
							`${method} ${url.pathname}${url.search} ${json?.slice(0, 300) ?? ''} → ${r.status} ${text.slice(0, 200)}`
						);
					if (r.status >= 400 && (r.headers.get('content-type') ?? '').includes('json'))
						expect(JSON.parse(text).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
				}),
				{ seed: 20261126, numRuns: 40, endOnFailure: true }
			);
		}
	);
});
