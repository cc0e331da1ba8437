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
			key: '/g/wiskitki?kategoria=sport'
		});
		expect(anonymousCacheKey('GET', u('/api/v1/groups/wiskitki/posts?limit=20&cursor=abc'))).toEqual({
			slug: 'wiskitki',
			key: '/api/v1/groups/wiskitki/posts?cursor=abc&limit=20'
		});
		// Unknown parameters and their order do not make another page.
		expect(anonymousCacheKey('GET', u('/g/wiskitki?x=1&utm_source=fb'))?.key).toBe('/g/wiskitki');
		expect(anonymousCacheKey('GET', u('/g/wiskitki?miejsce=5&kategoria=sport&y'))?.key).toBe(
			anonymousCacheKey('GET', u('/g/wiskitki?kategoria=sport&miejsce=5'))?.key
		);
		expect(anonymousCacheKey('GET', u('/g/wiskitki?miejsce=5'))?.key).not.toBe('/g/wiskitki');
		expect(anonymousCacheKey('GET', u('/g/wiskitki?q=zolw'))).toBeNull();
		expect(anonymousCacheKey('POST', u('/g/wiskitki'))).toBeNull();
		expect(anonymousCacheKey('GET', u('/g/wiskitki/p/1'))).toBeNull();
	});
});
