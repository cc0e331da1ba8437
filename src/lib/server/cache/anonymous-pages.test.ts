import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent, Notifier } from '../db/database';
import { AnonymousPageCache, anonymousCacheKey } from './anonymous-pages';

function fakeNotifier() {
	const listeners: ((e: LiveEvent) => void)[] = [];
	const notifier: Notifier = { publish: async () => {}, subscribe: (l) => (listeners.push(l), () => {}) };
	return { notifier, emit: (e: LiveEvent) => listeners.forEach((l) => l(e)) };
}

describe('the anonymous feed cache', () => {
	it('serves a stored page until the group changes', async () => {
		const { notifier, emit } = fakeNotifier();
		const cache = new AnonymousPageCache(notifier, 60_000);
		const sent = await cache.put(
			'/g/wiskitki',
			'7',
			new Response('strona', { headers: { 'content-type': 'text/html' } })
		);
		expect(await sent.text()).toBe('strona');
		const hit = cache.get('/g/wiskitki')!;
		expect(await hit.text()).toBe('strona');
		expect(hit.headers.get('content-type')).toBe('text/html');
		emit({ type: 'post', groupId: '8', postId: '1' });
		expect(cache.get('/g/wiskitki')).not.toBeNull();
		emit({ type: 'counts', groupId: '7', postId: '1', comments: 1, reactions: 0, views: 0, shares: 0 });
		expect(cache.get('/g/wiskitki')).toBeNull();
	});

	it('forgets pages after their age limit and never keeps errors or cookies', async () => {
		vi.useFakeTimers({ toFake: ['performance'] });
		const cache = new AnonymousPageCache(fakeNotifier().notifier, 2000);
		await cache.put('/a', '1', new Response('x'));
		vi.advanceTimersByTime(2001);
		expect(cache.get('/a')).toBeNull();
		vi.useRealTimers();
		await cache.put('/b', '1', new Response('błąd', { status: 500 }));
		await cache.put('/c', '1', new Response('x', { headers: { 'set-cookie': 'a=b' } }));
		expect(cache.get('/b')).toBeNull();
		expect(cache.get('/c')).toBeNull();
	});

	it('is off with a zero age', async () => {
		const cache = new AnonymousPageCache(fakeNotifier().notifier, 0);
		await cache.put('/a', '1', new Response('x'));
		expect(cache.get('/a')).toBeNull();
	});

	it('takes only feed reads without search, keyed by the parameters the page reads', () => {
		const u = (s: string) => new URL(s, 'http://x');
		expect(anonymousCacheKey('GET', u('/g/wiskitki?kategoria=sport'))).toEqual({
			slug: 'wiskitki',
			key: '/g/wiskitki?kategoria=sport',
			postId: null
		});
		expect(anonymousCacheKey('GET', u('/api/v1/groups/wiskitki/posts?limit=20&cursor=abc'))).toEqual({
			slug: 'wiskitki',
			key: '/api/v1/groups/wiskitki/posts?cursor=abc&limit=20',
			postId: null
		});
		// Unknown parameters and their order do not make another page.
		expect(anonymousCacheKey('GET', u('/g/wiskitki?x=1&utm_source=fb'))?.key).toBe('/g/wiskitki');
		expect(anonymousCacheKey('GET', u('/g/wiskitki?miejsce=5&kategoria=sport&y'))?.key).toBe(
			anonymousCacheKey('GET', u('/g/wiskitki?kategoria=sport&miejsce=5'))?.key
		);
		expect(anonymousCacheKey('GET', u('/g/wiskitki?miejsce=5'))?.key).not.toBe('/g/wiskitki');
		expect(anonymousCacheKey('GET', u('/g/wiskitki?q=zolw'))).toBeNull();
		expect(anonymousCacheKey('POST', u('/g/wiskitki'))).toBeNull();
		// A post's page reads no parameters; its view is counted apart, on every hit.
		expect(anonymousCacheKey('GET', u('/g/wiskitki/p/17?fbclid=x'))).toEqual({
			slug: 'wiskitki',
			key: '/g/wiskitki/p/17',
			postId: '17'
		});
		expect(anonymousCacheKey('GET', u('/g/wiskitki/p/17/wydarzenie.ics'))).toBeNull();
		expect(anonymousCacheKey('GET', u('/g/wiskitki/p/0'))).toBeNull();
		expect(anonymousCacheKey('GET', u('/g/wiskitki/czlonkowie'))).toBeNull();
	});

	it('answers a stored page on node:http for plain anonymous GETs only', async () => {
		const cache = new AnonymousPageCache(fakeNotifier().notifier, 60_000);
		const page = new Response('strona ż', { headers: { 'content-type': 'text/html', etag: '"v1"' } });
		await cache.put('/g/wiskitki', '7', page);
		await cache.put('/api/v1/groups/wiskitki/posts', '7', new Response('{"items":[]}'));
		const server = http.createServer((req, res) => {
			if (!cache.answer(req, res)) res.writeHead(404).end('dalej');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const get = (path: string, init: RequestInit = {}) => fetch(base + path, init);
		try {
			const hit = await get('/g/wiskitki?utm_source=fb');
			expect(hit.status).toBe(200);
			expect(hit.headers.get('x-cache')).toBe('hit');
			expect(hit.headers.get('content-type')).toBe('text/html');
			expect(Number(hit.headers.get('content-length'))).toBe(Buffer.byteLength('strona ż'));
			expect(await hit.text()).toBe('strona ż');
			const unchanged = await get('/g/wiskitki', { headers: { 'if-none-match': '"v1"' } });
			expect(unchanged.status).toBe(304);
			expect(await get('/g/wiskitki', { headers: { 'if-none-match': '"v0"' } }).then((r) => r.status)).toBe(200);
			// Pages ignore an Authorization header (as the hooks do); the API and a session go the usual way.
			expect((await get('/g/wiskitki', { headers: { authorization: 'Bearer x' } })).status).toBe(200);
			expect((await get('/api/v1/groups/wiskitki/posts')).status).toBe(200);
			expect((await get('/api/v1/groups/wiskitki/posts', { headers: { authorization: 'Bearer x' } })).status).toBe(404);
			expect((await get('/g/wiskitki', { headers: { cookie: 'theme=dark; sid=abc' } })).status).toBe(404);
			expect((await get('/g/wiskitki', { headers: { cookie: 'xsid=abc' } })).status).toBe(200);
			expect((await get('/g/wiskitki', { method: 'POST' })).status).toBe(404);
			expect((await get('/g/wiskitki?kategoria=sport')).status).toBe(404);
		} finally {
			server.close();
		}
	});
});
