import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { createApiToken } from '../auth/sessions';
import { createPost } from '../feed/create-post';
import { createGroup, getGroup } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { apiGroupFeed } from '../api/group-feed';
import { answerApiRead, isFastApiRead, jsonHeaders } from './api-fast-path';

// The feed read with a token, answered before SvelteKit: the same answer as the route's function, and
// every request it should not answer left to SvelteKit (here: 599) with nothing sent.
let database: Database;
let ctx: Ctx;
let server: http.Server;
let base: string;
let token: string;
let resident: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	resident = await makeUser(ctx, 'anna@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await createGroup(ctx, operator, {
		slug: 'radziejowice',
		municipalityCode: '1438042',
		name: 'Radziejowice',
		membershipQuestion: 'Czy mieszkasz w gminie?',
		isPublic: false
	});
	const group = await getGroup(ctx.db, 'wiskitki');
	for (let i = 1; i <= 3; i++)
		await createPost(ctx, operator, group, { body: `Komunikat ${i}`, category: 'municipal' });
	token = await createApiToken(ctx, resident.id, 'strona szkoły');
	const rt = { ctx, readCtx: ctx, headers: jsonHeaders('https://tablica.example') };
	server = http.createServer(async (req, res) => {
		const fast = isFastApiRead(req) && (await answerApiRead(rt, req, res));
		if (!fast) res.writeHead(599).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server?.close();
	await database?.close();
});

const get = (path: string, authorization: string | null = `Bearer ${token}`, method = 'GET') =>
	fetch(base + path, { method, headers: authorization ? { authorization } : {} });

describe('the feed read with an API token, before SvelteKit', () => {
	it('answers as the route does, with the security headers and an exact length', async () => {
		const r = await get('/api/v1/groups/wiskitki/posts?limit=2');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('strict-transport-security')).toContain('max-age=');
		const text = await r.text();
		expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(text));
		const body = JSON.parse(text);
		const url = new URL('/api/v1/groups/wiskitki/posts?limit=2', base);
		expect(body).toEqual(JSON.parse(JSON.stringify(await apiGroupFeed(ctx, resident, { slug: 'wiskitki' }, url))));
		expect(body.items.map((p: { body: string }) => p.body)).toEqual(['Komunikat 3', 'Komunikat 2']);
		// The next page by its cursor.
		const next = await (await get(`/api/v1/groups/wiskitki/posts?limit=2&cursor=${body.nextCursor}`)).json();
		expect(next.items.map((p: { body: string }) => p.body)).toEqual(['Komunikat 1']);
	});

	it('leaves to SvelteKit what the route would refuse or that is not this read', async () => {
		for (const [path, auth, method] of [
			['/api/v1/groups/wiskitki/posts', null, 'GET'], // anonymous: the page cache's
			['/api/v1/groups/wiskitki/posts', 'Bearer tbl_nieznany', 'GET'], // unknown token: 401
			['/api/v1/groups/wiskitki/posts', `Basic ${token}`, 'GET'],
			['/api/v1/groups/wiskitki/posts?limit=0', undefined, 'GET'], // 400
			['/api/v1/groups/wiskitki/posts?category=nie-ma', undefined, 'GET'],
			['/api/v1/groups/nie-ma-takiej/posts', undefined, 'GET'], // 404
			['/api/v1/groups/radziejowice/posts', undefined, 'GET'], // private, not a member: 403
			['/api/v1/groups/wiskitki/posts', undefined, 'HEAD'],
			['/api/v1/groups/wiskitki/posts/1', undefined, 'GET'],
			['/api/v1/groups/wiskitki%00/posts', undefined, 'GET']
		] as const) {
			const r = await get(path, auth === undefined ? `Bearer ${token}` : auth, method);
			expect(r.status, `${method} ${path} ${auth}`).toBe(599);
		}
	});
});
