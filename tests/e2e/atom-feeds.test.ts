import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type Server } from './harness';

// Links in a feed are absolute, from BASE_URL; the test maps them back to the server it started.
const BASE = 'http://tablica.test';
const work = mkdtempSync(path.join(tmpdir(), 'atom-e2e-'));
let server: Server;

/** Well-formedness by xmllint (it fails on anything else), then an XPath over the Atom namespace by local-name(). */
function xpath(xml: string, expression: string): string {
	const file = path.join(work, 'feed.xml');
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--nonet', '--noout', file], { stdio: 'pipe' });
	return execFileSync('xmllint', ['--nonet', '--xpath', expression, file], { stdio: 'pipe' }).toString().trim();
}
const feedEl = (rest: string) => `/*[local-name()='feed']/${rest}`;
const entryEl = (n: number, rest: string) => feedEl(`*[local-name()='entry'][${n}]/${rest}`);
const local = (url: string) => {
	expect(url.startsWith(`${BASE}/`)).toBe(true);
	return server.url + url.slice(BASE.length);
};

/** Form posts must come from BASE_URL's origin (SvelteKit's CSRF check), so the harness's helpers do not fit. */
async function form(url: string, fields: Record<string, string>, cookie = '', redirect: RequestRedirect = 'follow') {
	return fetch(`${server.url}${url}`, {
		method: 'POST',
		redirect,
		headers: { origin: BASE, cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(fields)
	});
}

/** An API token: signed in as the person, made on their own account page, else issued by the operator. */
async function apiToken(email: string): Promise<string> {
	const signIn = async (who: string) => {
		const r = await form('/logowanie', { email: who, password: DEMO_PASSWORD }, '', 'manual');
		const sid = r.headers.getSetCookie().find((c) => c.startsWith('sid='));
		if (!sid) throw new Error(`log-in failed for ${who}: ${r.status}`);
		return sid.split(';')[0];
	};
	const own = /tbl_[\w-]+/.exec(await (await form('/konto?/token', { name: 'atom' }, await signIn(email))).text());
	if (own) return own[0];
	const issued = /tbl_[\w-]+/.exec(
		await (await form('/admin?/token', { email, tokenName: 'atom' }, await signIn('operator@tablica.test'))).text()
	);
	if (!issued) throw new Error(`no token for ${email}`);
	return issued[0];
}

async function feed(p: string, headers: Record<string, string> = {}) {
	const res = await fetch(`${server.url}${p}`, { headers });
	return { res, xml: await res.text() };
}

/** Entries' authors, links and ids, as parsed. */
function entries(xml: string) {
	const n = Number(xpath(xml, `count(${feedEl("*[local-name()='entry']")})`));
	return Array.from({ length: n }, (_, i) => ({
		author: xpath(xml, `string(${entryEl(i + 1, "*[local-name()='author']/*[local-name()='name']")})`),
		link: xpath(xml, `string(${entryEl(i + 1, "*[local-name()='link'][@rel='alternate']/@href")})`),
		title: xpath(xml, `string(${entryEl(i + 1, "*[local-name()='title']")})`)
	}));
}

describe('Atom feeds of public groups and units', () => {
	beforeAll(async () => {
		server = await startServer({ env: { BASE_URL: BASE } });
	}, 240_000);
	afterAll(async () => {
		await server?.stop();
		rmSync(work, { recursive: true, force: true });
	});

	it("the demo group's feed is Atom 1.0 with its newest 50 posts, each linking a real post page", async () => {
		const { res, xml } = await feed('/g/wiskitki/atom.xml');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect(xpath(xml, 'namespace-uri(/*)')).toBe('http://www.w3.org/2005/Atom');
		for (const required of ['id', 'title', 'updated', 'author'])
			expect(xpath(xml, `count(${feedEl(`*[local-name()='${required}']`)})`)).toBe('1');
		expect(xpath(xml, `string(${feedEl("*[local-name()='link'][@rel='self']/@href")})`)).toBe(
			`${BASE}/g/wiskitki/atom.xml`
		);
		expect(xpath(xml, `string(${feedEl("*[local-name()='link'][@rel='alternate']/@href")})`)).toBe(
			`${BASE}/g/wiskitki`
		);
		expect(xpath(xml, `string(${feedEl("*[local-name()='updated']")})`)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const items = entries(xml);
		expect(items).toHaveLength(50);
		// Units and residents both publish in the demo: a feed of one kind only would be a wrong query.
		expect(new Set(items.map((e) => e.author)).size).toBeGreaterThan(1);
		for (const e of items) {
			expect(e.link).toMatch(new RegExp(`^${BASE}/g/wiskitki/p/\\d+$`));
			expect(e.title.length).toBeGreaterThan(0);
		}
		for (const e of items.slice(0, 3)) {
			const page = await fetch(local(e.link));
			expect(page.status).toBe(200);
			expect(await page.text()).toContain(e.author);
		}
		for (let n = 1; n <= 3; n++)
			expect(xpath(xml, `string(${entryEl(n, "*[local-name()='content']/@type")})`)).toBe('html');
	});

	it('answers 304 to a matching If-None-Match or If-Modified-Since, and a new post changes both', async () => {
		const first = await feed('/g/wiskitki/atom.xml');
		const etag = first.res.headers.get('etag')!;
		const lastModified = first.res.headers.get('last-modified')!;
		expect(etag).toMatch(/^W\/".+"$/);
		expect(new Date(lastModified).toUTCString()).toBe(lastModified);

		const byTag = await feed('/g/wiskitki/atom.xml', { 'if-none-match': etag });
		expect(byTag.res.status).toBe(304);
		expect(byTag.xml).toBe('');
		expect(byTag.res.headers.get('etag')).toBe(etag);
		expect((await feed('/g/wiskitki/atom.xml', { 'if-modified-since': lastModified })).res.status).toBe(304);
		const earlier = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
		expect((await feed('/g/wiskitki/atom.xml', { 'if-modified-since': earlier })).res.status).toBe(200);
		// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
		expect(
			(await feed('/g/wiskitki/atom.xml', { 'if-none-match': 'W/"inny"', 'if-modified-since': lastModified })).res
				.status
		).toBe(200);

		const token = await apiToken('moderator@tablica.test');
		const text = `Nowy komunikat w kanale Atom <ważne> & pilne ${Date.now()}`;
		const created = await fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify({ body: text, category: 'official' })
		});
		expect(created.status).toBe(201);
		const { id } = await created.json();

		const after = await feed('/g/wiskitki/atom.xml', { 'if-none-match': etag });
		expect(after.res.status).toBe(200);
		expect(after.res.headers.get('etag')).not.toBe(etag);
		expect(after.res.headers.get('last-modified')).not.toBe(lastModified);
		const newest = entries(after.xml)[0];
		expect(newest.title).toBe(text);
		expect(newest.link).toBe(`${BASE}/g/wiskitki/p/${id}`);
	});

	it("a unit's feed has only that unit's posts and links the unit's view of the group", async () => {
		const { res, xml } = await feed('/g/wiskitki/j/sp-wiskitki/atom.xml');
		expect(res.status).toBe(200);
		expect(res.headers.get('etag')).toBeTruthy();
		const unitName = xpath(xml, `string(${feedEl("*[local-name()='author']/*[local-name()='name']")})`);
		expect(unitName).toMatch(/Szkoła/);
		expect(xpath(xml, `string(${feedEl("*[local-name()='link'][@rel='alternate']/@href")})`)).toBe(
			`${BASE}/g/wiskitki?jednostka=sp-wiskitki`
		);
		const items = entries(xml);
		expect(items.length).toBeGreaterThan(0);
		for (const e of items) expect(e.author).toBe(unitName);
		const whole = entries((await feed('/g/wiskitki/atom.xml')).xml);
		expect(whole.some((e) => e.author !== unitName)).toBe(true);
		const page = await fetch(local(items[0].link));
		expect(page.status).toBe(200);
	});

	it('an unknown group or unit, or a unit of another municipality, is 404', async () => {
		expect((await feed('/g/nie-ma-takiej/atom.xml')).res.status).toBe(404);
		expect((await feed('/g/wiskitki/j/nie-ma-takiej/atom.xml')).res.status).toBe(404);
		expect((await feed('/g/puszcza-marianska/j/sp-wiskitki/atom.xml')).res.status).toBe(404);
	});

	it("the group page's head links its feed, and the unit's view links the unit's feed too", async () => {
		const group = await (await fetch(`${server.url}/g/wiskitki`)).text();
		expect(group).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/g\/wiskitki\/atom\.xml"/);
		expect(group).not.toContain('/j/sp-wiskitki/atom.xml');
		const unit = await (await fetch(`${server.url}/g/wiskitki?jednostka=sp-wiskitki`)).text();
		expect(unit).toMatch(/href="\/g\/wiskitki\/j\/sp-wiskitki\/atom\.xml"/);
		expect(server.alive()).toBe(true);
	});
});
