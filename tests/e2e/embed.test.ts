import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
// group has Pakiet 1, so the widget shows only the link to the group; the list of posts (Pakiet 3)
// is covered by src/lib/server/feed/embed.test.ts, as no UI or API sets a package change yet.

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
		const preview = page.frameLocator('iframe.preview');
		await preview.getByRole('link', { name: /Aktualności gminy w grupie/ }).waitFor(WAIT);
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);
	});
});
