import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type Server } from './harness';

// The public address is https (as in production) and the test client counts as the reverse proxy.
const BASE_URL = 'https://tablica.example';
let server: Server;

const form = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: BASE_URL, 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(body)
	});
/** A form action answered as SvelteKit's enhanced forms see it (JSON). */
const formJson = async (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
	(await form(path, body, { accept: 'application/json', 'x-sveltekit-action': 'true', ...headers })).json();

async function signIn(email: string, forwardedFor = '198.51.100.1'): Promise<string> {
	const r = await form('/logowanie', { email, password: DEMO_PASSWORD }, { 'x-forwarded-for': forwardedFor });
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('sid='));
	if (!cookie) throw new Error(`log-in failed for ${email}: ${r.status}`);
	return cookie.split(';')[0];
}

beforeAll(async () => {
	server = await startServer({ env: { BASE_URL, TRUSTED_PROXIES: '127.0.0.1, ::1' } });
});
afterAll(async () => server?.stop());

describe('abuse limits over HTTP', () => {
	it('the log-in redirect stays on this site', async () => {
		const tries = [
			'/\\evil.example',
			'//evil.example',
			'/%5Cevil.example',
			'/\t/evil.example',
			'https://evil.example/',
			'javascript:alert(1)'
		];
		for (const next of tries) {
			const r = await form(
				'/logowanie',
				{ email: 'mieszkaniec@tablica.test', password: DEMO_PASSWORD, next },
				{ accept: 'text/html' }
			);
			// An unsafe way back is ignored: the resident lands on their group, as after any sign-in.
			expect([next, r.status, r.headers.get('location')]).toEqual([next, 303, '/g/wiskitki']);
		}
		const cookie = await signIn('mieszkaniec@tablica.test');
		const signedIn = (dalej: string) =>
			fetch(`${server.url}/logowanie?dalej=${encodeURIComponent(dalej)}`, { redirect: 'manual', headers: { cookie } });
		expect((await signedIn('/\\evil.example')).headers.get('location')).toBe('/g/wiskitki');
		expect(
			(
				await fetch(`${server.url}/logowanie?dalej=/%5Cevil.example`, { redirect: 'manual', headers: { cookie } })
			).headers.get('location')
		).toBe('/g/wiskitki');
		expect((await signedIn('/g/wiskitki?kategoria=pytania')).headers.get('location')).toBe(
			'/g/wiskitki?kategoria=pytania'
		);
	});

	it('sends HSTS when the public address is https', async () => {
		const r = await fetch(`${server.url}/grupy`);
		expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
	});

	it('a revoked or unknown API token gets 401 with the usual error body, not anonymous access', async () => {
		const cookie = await signIn('redakcja@sp-wiskitki.test');
		const created = await (
			await form('/konto?/token', { name: 'do unieważnienia' }, { cookie, accept: 'text/html' })
		).text();
		const token = /tbl_[\w-]+/.exec(created)![0];
		const feed = (bearer: string) =>
			fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=1`, { headers: { authorization: `Bearer ${bearer}` } });
		expect((await feed(token)).status).toBe(200);
		const page = await (await fetch(`${server.url}/konto`, { headers: { cookie } })).text();
		const tokenId = /name="tokenId" value="(\d+)"/.exec(page)![1];
		expect((await form('/konto?/revoke', { tokenId }, { cookie })).status).toBeLessThan(400);
		for (const bearer of [token, 'tbl_nieznany', 'cokolwiek']) {
			const r = await feed(bearer);
			expect(r.status).toBe(401);
			expect(r.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
			expect(await r.json()).toEqual({
				error: { code: 'unauthenticated', message: expect.stringContaining('Token jest nieprawidłowy') }
			});
		}
		// Other credentials are refused the same way; without any the feed is public as before.
		const basic = await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=1`, {
			headers: { authorization: 'Basic YWxhOm1ha290YQ==' }
		});
		expect(basic.status).toBe(401);
		expect((await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=1`)).status).toBe(200);
	});

	it("a page's inline script is allowed by its CSP hash, and a page's ETag answers 304", async () => {
		const r = await fetch(`${server.url}/g/wiskitki?kategoria=kultura`);
		const html = await r.text();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(inline.length).toBeGreaterThan(0);
		const csp = r.headers.get('content-security-policy') ?? '';
		for (const script of inline)
			expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
		const etag = r.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]{16}"$/);
		const login = await fetch(`${server.url}/logowanie`);
		const tag = login.headers.get('etag')!;
		expect((await fetch(`${server.url}/logowanie`, { headers: { 'if-none-match': tag } })).status).toBe(304);
	});

	it('the anonymous cache cannot be walked around with unknown parameters or headers', async () => {
		const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
		// Kept once (a first request, or one after the group's last event), then served from memory.
		await expect.poll(async () => (await get('/g/wiskitki')).headers.get('x-cache'), { timeout: 30_000 }).toBe('hit');
		for (const [path, headers] of [
			['/g/wiskitki?x=1', {}],
			['/g/wiskitki?utm_source=fb&fbclid=abc', {}],
			['/g/wiskitki', { authorization: 'Bearer cokolwiek' }],
			['/g/wiskitki', { cookie: 'sid=nieznana-sesja' }]
		] as const) {
			const r = await get(path, headers);
			expect(r.status, path).toBe(200);
			expect(r.headers.get('x-cache'), `${path} ${JSON.stringify(headers)}`).toBe('hit');
		}
		// Parameters the page reads make their own pages.
		expect((await get('/g/wiskitki?kategoria=sport')).headers.get('x-cache')).toBeNull();
	});

	it("a post's page is kept for anonymous visitors and still counts each one's view", async () => {
		const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
		const { items } = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=10`)).json();
		const id = items.filter((p: { pinned: boolean }) => !p.pinned)[1].id as string;
		const views = async () => (await (await fetch(`${server.url}/api/v1/posts/${id}`)).json()).counts.views as number;
		const before = await views();
		let visitors = 0;
		// Each visitor from their own address: the first request renders the page, later ones are hits.
		const visit = async () => {
			visitors++;
			const r = await fetch(`${server.url}/g/wiskitki/p/${id}?fbclid=x`, {
				headers: { 'user-agent': firefox, 'x-forwarded-for': `198.51.100.${100 + visitors}` }
			});
			expect(r.status).toBe(200);
			expect(await r.text()).toContain('</html>');
			return r.headers.get('x-cache');
		};
		await expect.poll(visit, { timeout: 30_000 }).toBe('hit');
		expect(await visit()).toBe('hit');
		// A stale session cookie goes through the hooks instead; the page comes from the cache there too.
		visitors++;
		const stale = await fetch(`${server.url}/g/wiskitki/p/${id}`, {
			headers: {
				cookie: 'sid=nieznana-sesja',
				'user-agent': firefox,
				'x-forwarded-for': `198.51.100.${100 + visitors}`
			}
		});
		expect(stale.headers.get('x-cache')).toBe('hit');
		await expect.poll(views, { timeout: 30_000 }).toBe(before + visitors);
		// A client-side navigation's data for the same page is never what the next visitor gets.
		for (const path of [`/g/wiskitki/p/${id}`, '/g/wiskitki']) {
			const data = await fetch(`${server.url}${path}/__data.json?x-sveltekit-invalidated=01`);
			expect(data.headers.get('content-type')).toContain('application/json');
			const html = await fetch(`${server.url}${path}`, { headers: { 'user-agent': firefox } });
			expect(html.headers.get('content-type')).toContain('text/html');
			expect(await html.text()).toContain('</html>');
		}
	});

	it('registration answers a taken address exactly as a new one', async () => {
		const taken = await formJson(
			'/rejestracja',
			{ displayName: 'Ktoś Obcy', email: 'mieszkaniec@tablica.test', password: 'dowolne-haslo-1', accept: 'on' },
			{ 'x-forwarded-for': '198.51.100.30' }
		);
		const fresh = await formJson(
			'/rejestracja',
			{ displayName: 'Nowa Osoba', email: 'nowa.osoba@example.pl', password: 'dowolne-haslo-1', accept: 'on' },
			{ 'x-forwarded-for': '198.51.100.31' }
		);
		const shape = (r: { type: string; status: number; data: string }) => ({
			type: r.type,
			status: r.status,
			// Demo mode shows a confirmation link for both: its token differs, its shape does not.
			data: r.data
				.replace(/mieszkaniec@tablica\.test|nowa\.osoba@example\.pl/g, 'ADRES')
				.replace(/token=[\w-]+/g, 'token=T')
		});
		expect(shape(taken)).toEqual(shape(fresh));
		expect(taken.type).toBe('success');
	});

	it('failed log-ins are limited per client address read from X-Forwarded-For behind the trusted proxy', async () => {
		const attacker = '203.0.113.66';
		for (let i = 0; i < 50; i++) {
			const r = await form(
				'/logowanie',
				{ email: `zgadywany${i}@example.pl`, password: 'zle-haslo' },
				{ 'x-forwarded-for': attacker, accept: 'application/json', 'x-sveltekit-action': 'true' }
			);
			expect((await r.json()).status).toBe(401);
		}
		const blocked = await formJson(
			'/logowanie',
			{ email: 'operator@tablica.test', password: DEMO_PASSWORD },
			{ 'x-forwarded-for': attacker }
		);
		expect(blocked).toMatchObject({ type: 'failure', status: 429 });
		expect(blocked.data).toContain('Zbyt wiele nieudanych prób logowania z tego adresu IP');
		// The operator behind the same proxy, from their own address, is not locked out.
		await signIn('operator@tablica.test', '198.51.100.77');
	});
});
