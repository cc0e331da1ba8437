import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warsawDay } from '../../src/lib/dates';
import {
	postgresReachable,
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	startServer,
	WAIT,
	type Screen,
	type Server,
	type TestBrowser
} from './harness';

// Issue 17, Pakiet 3: the group widget for the municipality's website and BIP. The demo's Wiskitki
// group has Pakiet 1, so the widget shows only the link to the group. No UI or API sets a package
// change yet, so the list of posts (Pakiet 3) is checked on a demo in its own PostgreSQL database,
// where the test adds the Pakiet 3 row itself (and in src/lib/server/feed/embed.test.ts).

let server: Server;
let browser: TestBrowser;
const narrow: Screen = { width: 320, height: 640, touch: true };

describe.skipIf(!hasChromium)('the widget on the municipality website', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('may be framed by any site, while every other page refuses framing', async () => {
		const widget = await fetch(`${server.url}/osadz/wiskitki?kolor=ffff00&tlo=ffffff`);
		expect(widget.status).toBe(200);
		expect(widget.headers.get('x-frame-options')).toBeNull();
		const csp = widget.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/frame-ancestors \*(;|$)/);
		expect(csp).not.toContain("frame-ancestors 'none'");
		const html = await widget.text();
		expect(html).not.toMatch(/<script/i);
		expect(html).toMatch(/href="[^"]*\/g\/wiskitki"/);
		expect(html).toContain('target="_blank"');
		expect(html).not.toContain('site-header');
		// Yellow on white is unreadable: the default colours instead.
		expect(html).toContain('--e-accent: #1f5fa8');

		for (const path of ['/', '/g/wiskitki', '/logowanie', '/osadz']) {
			const r = await fetch(`${server.url}${path}`, { redirect: 'manual' });
			expect(r.headers.get('x-frame-options'), path).toBe('DENY');
			if (r.status === 200) expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
		}
		expect((await fetch(`${server.url}/osadz/nie-ma-takiej`)).status).toBe(404);
	});

	for (const screen of [narrow, laptop]) {
		it(`shows Pakiet 1 groups only a link to the group, readable at ${screen.width} px`, async () => {
			const page = await browser.newPage(screen);
			await page.goto(`${server.url}/osadz/wiskitki?kolor=7a1010&tlo=fff8e0`);
			const link = page.getByRole('link', { name: /^Aktualności gminy w grupie .+ \(otwiera się w nowej karcie\)$/ });
			await link.waitFor(WAIT);
			expect(await link.getAttribute('target')).toBe('_blank');
			expect(await link.getAttribute('rel')).toBe('noopener');
			expect(await page.getByRole('link').count()).toBe(1);
			expect(await page.locator('script').count()).toBe(0);
			expect(await page.locator('main').evaluate((m) => getComputedStyle(m).backgroundColor)).toBe(
				'rgb(255, 248, 224)'
			);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		});
	}

	it('gives the coordinator the <iframe> code, says the posts come with Pakiet 3, and previews it', async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		await page
			.getByRole('link', { name: /Widżet na stronę gminy/ })
			.first()
			.click();
		await page.waitForURL(/\/urzad\/widzet\?grupa=/, WAIT);
		await page.getByRole('heading', { name: 'Widżet na stronę gminy' }).waitFor(WAIT);
		expect(await page.getByRole('note').innerText()).toContain('Pakietu 3');
		const code = await page.getByLabel('Kod ramki (iframe)').inputValue();
		expect(code).toMatch(/^<iframe src="[^"]*\/osadz\/wiskitki" title="Aktualności: [^"]+"/);
		await page.getByRole('button', { name: 'Kopiuj kod' }).click();
		await expect
			.poll(() => page.getByRole('status').innerText(), WAIT)
			.toMatch(/Skopiowano kod do schowka|Kod jest zaznaczony/);
		const preview = page.frameLocator('iframe.preview');
		await preview.getByRole('link', { name: /Aktualności gminy w grupie/ }).waitFor(WAIT);
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);
	});
});

const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = hasChromium && (await postgresReachable(pgUrl, 'the Pakiet 3 widget browser test'));
const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;

async function admin(statement: string) {
	const c = new pg.Client({ connectionString: pgUrl });
	await c.connect();
	await c.query(statement);
	await c.end();
}

describe.skipIf(!reachable)('the widget with Pakiet 3 in force', () => {
	let pgServer: Server;
	let db: pg.Client;
	let pgBrowser: TestBrowser;

	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(pgUrl);
		url.pathname = `/${dbName}`;
		pgServer = await startServer({ databaseUrl: url.toString() });
		db = new pg.Client({ connectionString: url.toString() });
		await db.connect();
		pgBrowser = await openBrowser();
	}, 300_000);
	afterAll(async () => {
		await pgBrowser?.close();
		await db?.end();
		await pgServer?.stop();
		await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it("lists the latest unit posts from the day Pakiet 3 starts, never residents' posts", async () => {
		const before = await (await fetch(`${pgServer.url}/osadz/wiskitki`)).text();
		expect(before).toContain('Aktualności gminy w grupie');
		await db.query(
			`INSERT INTO subscription_packages (subscription_id, valid_from, package)
			 SELECT s.id, $1, 'pakiet3' FROM subscriptions s JOIN groups g ON g.id = s.group_id WHERE g.slug = 'wiskitki'
			 ON CONFLICT (subscription_id, valid_from) DO UPDATE SET package = 'pakiet3'`,
			[warsawDay(new Date())]
		);
		const { rows } = await db.query<{ id: string }>(
			`SELECT p.id FROM posts p JOIN groups g ON g.id = p.group_id
			 WHERE g.slug = 'wiskitki' AND p.status = 'published' AND p.unit_id IS NOT NULL
			 ORDER BY p.published_at DESC, p.id DESC LIMIT 3`
		);
		expect(rows.length).toBe(3);
		const response = await fetch(`${pgServer.url}/osadz/wiskitki?limit=3`);
		expect(response.headers.get('x-frame-options')).toBeNull();
		const html = await response.text();
		expect(html).not.toMatch(/<script/i);
		const shown = [...html.matchAll(/href="[^"]*\/g\/wiskitki\/p\/(\d+)"/g)].map((m) => m[1]);
		expect(shown).toEqual(rows.map((r) => r.id));

		// The narrowest sidebar of a municipality's website is about 280 px.
		for (const screen of [{ ...narrow, width: 280 }, narrow, laptop]) {
			const page = await pgBrowser.newPage(screen);
			await page.goto(`${pgServer.url}/osadz/wiskitki?kolor=ffd24a&tlo=102040&limit=3`);
			await page.getByRole('heading', { name: 'Aktualności urzędu i jednostek' }).waitFor(WAIT);
			expect(await page.getByRole('listitem').count()).toBe(3);
			expect(await page.getByRole('link', { name: /^Więcej w grupie / }).getAttribute('target')).toBe('_blank');
			expect(await page.locator('script').count()).toBe(0);
			expect(await fitsScreen(page), `${screen.width} px`).toBe(true);
			await expectNoAxeViolations(page);
		}
	});
});
