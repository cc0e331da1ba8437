import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, sessionCookie, startServer, type Server } from './harness';

let server: Server;
let residentToken: string;
let moderatorToken: string;

const get = (path: string, token?: string) =>
	fetch(`${server.url}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const send = (method: string, path: string, body: unknown, token?: string) =>
	fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

beforeAll(async () => {
	server = await startServer();
	[residentToken, moderatorToken] = await Promise.all([
		apiToken(server.url, 'mieszkaniec@tablica.test'),
		apiToken(server.url, 'moderator@tablica.test')
	]);
});
afterAll(async () => server?.stop());

describe('the JSON API', () => {
	it('answers health and describes itself', async () => {
		expect(await (await get('/health')).json()).toEqual({ status: 'ok', database: 'ok', jobs: 'ok' });
		const spec = await (await get('/openapi.json')).json();
		expect(spec.openapi).toBe('3.1.0');
		expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/groups/{slug}/posts', '/posts/{id}/reaction']));
	});

	it('lists groups and one group', async () => {
		const { items } = await (await get('/groups')).json();
		expect(items.map((g: { slug: string }) => g.slug)).toEqual(
			expect.arrayContaining(['wiskitki', 'radziejowice', 'puszcza-marianska'])
		);
		const wiskitki = await (await get('/groups/wiskitki')).json();
		expect(wiskitki).toMatchObject({ slug: 'wiskitki', municipality: { terytCode: '1438053', name: 'Wiskitki' } });
		expect(wiskitki.memberCount).toBeGreaterThanOrEqual(3000);
		const missing = await get('/groups/nie-ma');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Nie ma takiej grupy.' } });
	});

	it('pages the feed: pinned first, then newest, by cursor', async () => {
		const first = await (await get('/groups/wiskitki/posts?limit=5')).json();
		// On top: the demo's active alert (for sołectwo Guzów), then the promoted post the Radziejowice
		// pilot cross-posted here (Pakiet 3), then the pinned post.
		type Item = { pinned: boolean; urgent: boolean; promotion: unknown };
		const featured = first.items.filter((p: Item) => p.pinned || p.urgent || p.promotion);
		expect(first.items.slice(0, featured.length)).toEqual(featured);
		expect(featured).toEqual([
			expect.objectContaining({ urgent: true, pinned: false, places: ['sołectwo Guzów'] }),
			expect.objectContaining({
				group: 'radziejowice',
				crossPostedFrom: 'Radziejowice',
				promotion: expect.objectContaining({ sponsor: 'Gminny Ośrodek Kultury w Radziejowicach' })
			}),
			expect.objectContaining({ pinned: true, author: expect.objectContaining({ type: 'user' }) })
		]);
		const rest = first.items.slice(featured.length);
		expect(rest).toHaveLength(5);
		expect(rest[0]).toEqual(
			expect.objectContaining({
				id: expect.any(String),
				category: expect.any(String),
				body: expect.any(String),
				createdAt: expect.any(String),
				urgent: false,
				counts: expect.objectContaining({
					comments: expect.any(Number),
					reactions: expect.any(Number),
					views: expect.any(Number),
					shares: expect.any(Number)
				})
			})
		);
		const second = await (await get(`/groups/wiskitki/posts?limit=5&cursor=${first.nextCursor}`)).json();
		expect(second.items.every((p: { pinned: boolean }) => !p.pinned)).toBe(true);
		const dates = [...rest, ...second.items].map((p: { createdAt: string }) => p.createdAt);
		expect([...dates].sort().reverse()).toEqual(dates);
		expect(new Set([...rest, ...second.items].map((p: { id: string }) => p.id)).size).toBe(10);
		const sport = await (await get('/groups/wiskitki/posts?category=sport&limit=20')).json();
		expect(sport.items.length).toBeGreaterThan(0);
		expect(sport.items.every((p: { category: string }) => p.category === 'sport')).toBe(true);
	});

	it('refuses bad parameters with a Polish message', async () => {
		const r = await get('/groups/wiskitki/posts?limit=500');
		expect(r.status).toBe(400);
		expect((await r.json()).error).toEqual({
			code: 'validation',
			message: 'Parametr limit musi być liczbą całkowitą od 1 do 50.'
		});
		expect((await get('/groups/wiskitki/posts?cursor=xyz')).status).toBe(400);
		expect((await get('/groups/wiskitki/posts?category=polityka')).status).toBe(400);
	});

	it('publishes with a token: a member’s post waits, a moderator’s is published', async () => {
		const anonymous = await send('POST', '/groups/wiskitki/posts', { body: 'x', category: 'other' });
		expect(anonymous.status).toBe(401);
		expect((await send('POST', '/groups/wiskitki/posts', { body: 'x', category: 'other' }, 'tbl_zly')).status).toBe(
			401
		);

		const held = await send(
			'POST',
			'/groups/wiskitki/posts',
			{ body: 'Czy w sobotę działa PSZOK?', category: 'questions' },
			residentToken
		);
		expect(held.status).toBe(201);
		expect(await held.json()).toMatchObject({ status: 'pending', reasons: [expect.stringContaining('akceptacji')] });

		const bad = await send('POST', '/groups/wiskitki/posts', { body: '', category: 'polityka' }, moderatorToken);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toMatchObject({
			code: 'validation',
			fields: { body: 'Napisz treść posta.', category: 'Wybierz kategorię z listy.' }
		});
		expect((await send('POST', '/groups/wiskitki/posts', '{nie json', moderatorToken)).status).toBe(400);

		const ok = await send(
			'POST',
			'/groups/wiskitki/posts',
			{
				body: 'Zebranie wiejskie w czwartek',
				category: 'community',
				event: { start: '2026-12-03T17:00:00+01:00', place: 'Świetlica' }
			},
			moderatorToken
		);
		expect(ok.status).toBe(201);
		const created = await ok.json();
		expect(created.status).toBe('published');
		const post = await (await get(`/posts/${created.id}`)).json();
		expect(post).toMatchObject({
			body: 'Zebranie wiejskie w czwartek',
			event: { start: '2026-12-03T16:00:00.000Z', place: 'Świetlica' }
		});
		const ics = await fetch(`${server.url}/g/wiskitki/p/${created.id}/wydarzenie.ics`);
		expect(ics.headers.get('content-type')).toContain('text/calendar');
		expect(await ics.text()).toContain('DTSTART:20261203T160000Z');
	});

	it('posts once per Idempotency-Key: a retry gets the first answer, another body with the key a 409', async () => {
		const key = `retry-${Date.now()}`;
		const body = JSON.stringify({ body: `Komunikat wysłany dwa razy przez słabe łącze ${key}`, category: 'official' });
		const write = (b: string) =>
			fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Bearer ${moderatorToken}`,
					'idempotency-key': key
				},
				body: b
			});
		const [first, retry] = [await write(body), await write(body)];
		expect(first.status).toBe(201);
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotency-replayed')).toBe('true');
		const { id } = await first.json();
		expect((await retry.json()).id).toBe(id);
		const feed = await (await get('/groups/wiskitki/posts?limit=50')).json();
		expect(feed.items.filter((p: { body: string }) => p.body.includes(key))).toHaveLength(1);
		const other = await write(
			JSON.stringify({ body: 'Zupełnie inny komunikat z tym samym kluczem.', category: 'official' })
		);
		expect(other.status).toBe(409);
		expect((await other.json()).error.code).toBe('conflict');
	});

	it('comments and reacts with a token, one reaction per person', async () => {
		const { items } = await (await get('/groups/wiskitki/posts?limit=1')).json();
		const id = items.find((p: { group: string; urgent: boolean }) => p.group === 'wiskitki' && !p.urgent).id;
		// The demo's reactions come from members chosen by the post's random id: the resident may have reacted.
		expect((await send('DELETE', `/posts/${id}/reaction`, undefined, residentToken)).status).toBeLessThan(300);
		const before = await (await get(`/posts/${id}`)).json();
		const c = await send('POST', `/posts/${id}/comments`, { body: 'Dziękuję za informację' }, residentToken);
		expect(c.status).toBe(201);
		expect((await c.json()).status).toBe('published');
		expect((await send('PUT', `/posts/${id}/reaction`, { kind: 'kocham' }, residentToken)).status).toBe(400);
		await send('PUT', `/posts/${id}/reaction`, { kind: 'like' }, residentToken);
		const changed = await send('PUT', `/posts/${id}/reaction`, { kind: 'wow' }, residentToken);
		expect((await changed.json()).kind).toBe('wow');
		const after = await (await get(`/posts/${id}`)).json();
		expect(after.counts.comments).toBe(before.counts.comments + 1);
		expect(after.counts.reactions).toBe(before.counts.reactions + 1);
		// A browser shares (a script without one would be taken for a robot and not counted).
		const share = () =>
			fetch(`${server.url}/api/v1/posts/${id}/share`, {
				method: 'POST',
				headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }
			});
		expect((await (await share()).json()).shares).toBe(before.counts.shares + 1);
	});

	it('checks a text before publishing, as the composer does', async () => {
		const r = await send(
			'POST',
			'/moderation/check',
			{ text: 'Co za k***a bałagan', group: 'wiskitki' },
			residentToken
		);
		const body = await r.json();
		expect(body).toMatchObject({
			decision: 'hold',
			findings: [{ rule: 'vulgarity.word', start: 6, end: 11, severity: 'hold' }]
		});
		expect(body.summary).toContain('trafi do akceptacji moderatora');
		const clean = await (
			await send(
				'POST',
				'/moderation/check',
				{ text: 'Zebranie wiejskie w czwartek', group: 'wiskitki' },
				moderatorToken
			)
		).json();
		expect(clean).toEqual({ decision: 'publish', summary: 'Ten post zostanie opublikowany od razu.', findings: [] });
		expect(
			(await send('POST', '/moderation/check', { text: 'x', group: 'wiskitki', as: '1' }, residentToken)).status
		).toBe(403);
		expect((await send('POST', '/moderation/check', { group: 'wiskitki' })).status).toBe(400);
	});

	it('gives the operator the outbox, and no one else', async () => {
		const operatorToken = await apiToken(server.url, 'operator@tablica.test');
		expect((await get('/admin/outbox')).status).toBe(401);
		expect((await get('/admin/outbox', residentToken)).status).toBe(403);
		expect((await get('/admin/outbox?limit=0', operatorToken)).status).toBe(400);
		const { items } = await (await get('/admin/outbox?limit=2', operatorToken)).json();
		expect(items).toHaveLength(2);
		expect(Number(items[0].id)).toBeGreaterThan(Number(items[1].id));
		expect(Object.keys(items[0]).sort()).toEqual(['channel', 'createdAt', 'id', 'status', 'subject', 'to']);
		// The delivery job may have sent the newest message already: any of the outbox's states.
		expect(items[0]).toMatchObject({
			channel: expect.stringMatching(/^(email|sms|push)$/),
			status: expect.stringMatching(/^(pending|sent|failed|dead|skipped)$/)
		});
	});

	it('takes support tickets: urgent ones page the on-call administrator without giving out the number', async () => {
		expect(
			(await send('POST', '/support/tickets', { kind: 'technical', body: 'Nie działa wyszukiwarka w grupie.' })).status
		).toBe(401);
		expect(
			(
				await send(
					'POST',
					'/support/tickets',
					{ kind: 'hack', body: 'Nie działa wyszukiwarka w grupie.' },
					residentToken
				)
			).status
		).toBe(400);
		const normal = await send(
			'POST',
			'/support/tickets',
			{ kind: 'technical', priority: 'normal', body: 'Nie działa wyszukiwarka w grupie.' },
			residentToken
		);
		expect(normal.status).toBe(201);
		const n = await normal.json();
		expect(n).toEqual({
			ticket: {
				id: expect.any(String),
				kind: 'technical',
				priority: 'normal',
				status: 'new',
				createdAt: expect.any(String)
			}
		});
		const urgent = await (
			await send(
				'POST',
				'/support/tickets',
				{ kind: 'violation', priority: 'urgent', body: 'Ktoś grozi pod postem urzędu.' },
				residentToken
			)
		).json();
		expect(urgent).toEqual({ ticket: expect.objectContaining({ priority: 'urgent' }) });
	});

	it('the public contact form creates a ticket of its kind and acknowledges it by e-mail', async () => {
		const post = (body: Record<string, string>) =>
			fetch(`${server.url}/kontakt`, {
				method: 'POST',
				headers: {
					origin: server.url,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true'
				},
				body: new URLSearchParams(body).toString()
			});
		const bad = await (
			await post({
				kind: 'advertising',
				name: 'Piekarnia Kłos',
				email: 'zly-adres',
				body: 'Chcemy reklamować pieczywo.'
			})
		).json();
		expect(bad.type).toBe('failure');
		const ok = await (
			await post({
				kind: 'advertising',
				name: 'Piekarnia Kłos',
				email: 'biuro@klos.example.pl',
				body: 'Chcemy reklamować pieczywo w grupie Wiskitki.'
			})
		).json();
		expect(ok.type).toBe('success');
		const operatorToken = await apiToken(server.url, 'operator@tablica.test');
		const { items } = await (await get('/admin/outbox?limit=20', operatorToken)).json();
		expect(items.find((m: { to: string }) => m.to === 'biuro@klos.example.pl')).toMatchObject({
			channel: 'email',
			subject: expect.stringMatching(/^Przyjęliśmy zgłoszenie #\d+$/)
		});
		expect(
			items.find(
				// Companies' messages go to the companies' inbox (CONTACT_BUSINESS_EMAIL, by default poczta@pl-media.pl).
				(m: { to: string; subject: string }) => m.to === 'poczta@pl-media.pl' && m.subject.includes('reklama (firmy)')
			)
		).toBeTruthy();
	});

	it('guards the staff pages: every role against every page', async () => {
		const people = [
			'anonymous',
			'mieszkaniec@tablica.test',
			'moderator@tablica.test',
			'operator@tablica.test'
		] as const;
		const cookies = Object.fromEntries(
			await Promise.all(people.map(async (p) => [p, p === 'anonymous' ? '' : await sessionCookie(server.url, p)]))
		);
		// The demo's removal decision: its statement is for its addressee and the moderators.
		const log = await (
			await fetch(`${server.url}/moderacja/dziennik?grupa=wiskitki&dzialanie=remove`, {
				headers: { cookie: cookies['moderator@tablica.test'] }
			})
		).text();
		const decision = /href="(\/decyzje\/\d+)"/.exec(log)![1];
		// 200 shown, 303 sent to sign in, 403 refused.
		const expected: Record<string, number[]> = {
			'/moderacja': [303, 403, 200, 200],
			'/moderacja/zasady': [303, 403, 200, 200],
			'/moderacja/sankcje': [303, 403, 200, 200],
			'/moderacja/dziennik': [303, 403, 200, 200],
			[decision]: [303, 403, 200, 200],
			'/decyzje/999999': [303, 404, 404, 404],
			'/przejrzystosc': [200, 200, 200, 200],
			'/urzad': [303, 403, 403, 200],
			'/urzad/jednostki/1': [303, 403, 403, 200],
			'/urzad/jednostki/1/posty': [303, 403, 403, 200],
			'/urzad/miejsca?grupa=wiskitki': [303, 403, 403, 200],
			'/urzad/imgw?grupa=wiskitki': [303, 403, 403, 200],
			'/urzad/imgw': [303, 403, 403, 200],
			'/urzad/komunikat?grupa=wiskitki': [303, 403, 403, 403],
			'/zaproszenie/nieznany-token': [404, 404, 404, 404],
			'/przejrzystosc/wiskitki': [200, 200, 200, 200],
			'/grupy/wiskitki': [200, 200, 200, 200],
			'/grupy/nie-ma-takiej': [404, 404, 404, 404],
			'/admin': [303, 403, 403, 200],
			'/admin/poczta': [303, 403, 403, 200],
			'/admin/zgloszenia': [303, 403, 403, 200],
			'/admin/dyzury': [303, 403, 403, 200],
			'/pomoc': [303, 200, 200, 200],
			'/admin/grupy/wiskitki': [303, 403, 403, 200],
			'/admin/strony': [303, 403, 403, 200],
			'/admin/strony/o-nas': [303, 403, 403, 200],
			'/admin/faktury': [303, 403, 403, 200],
			'/admin/faktury/paczka': [401, 403, 403, 200],
			'/admin/umowy': [303, 403, 403, 200],
			'/urzad/zamowienie': [303, 403, 403, 200],
			'/urzad/faktury/999999/pdf': [401, 404, 404, 404],
			'/urzad/umowy/999999/pdf': [401, 404, 404, 404],
			'/g/wiskitki/czlonkowie': [303, 200, 200, 200],
			'/konto': [303, 200, 200, 200],
			'/powiadomienia': [303, 200, 200, 200]
		};
		const got: Record<string, number[]> = {};
		for (const path of Object.keys(expected)) {
			got[path] = [];
			for (const p of people) {
				const r = await fetch(`${server.url}${path}`, {
					redirect: 'manual',
					headers: cookies[p] ? { cookie: cookies[p] } : {}
				});
				got[path].push(r.status);
			}
		}
		expect(got).toEqual(expected);
	});

	it('sends security headers and refuses cross-site form posts', async () => {
		const page = await fetch(`${server.url}/g/wiskitki`);
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		const forged = await fetch(`${server.url}/logowanie`, {
			method: 'POST',
			headers: { origin: 'https://zly.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=a@b.pl&password=x'
		});
		expect(forged.status).toBe(403);
	});
});
