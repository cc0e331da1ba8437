import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

// Issue 17, Pakiet 3: the coordinator's "Zasięg regionalny" and the moderators' "Posty z innych gmin"
// on the demo (Wiskitki, Puszcza Mariańska and Radziejowice share powiat żyrardowski). Reading and
// commenting through a target group is walked as a matrix in promotions/cross-posting.test.ts.

let server: Server;
let browser: TestBrowser;

describe.skipIf(!hasChromium)('regional reach', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it("the coordinator chooses the groups, sees it needs Pakiet 3, and goes back to the powiat's default", async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		await page
			.getByRole('link', { name: /Zasięg regionalny/ })
			.first()
			.click();
		await page.waitForURL(/\/urzad\/zasieg\?grupa=/, WAIT);
		await page.getByRole('heading', { name: 'Zasięg regionalny', level: 1 }).waitFor(WAIT);
		expect(await page.getByRole('note').innerText()).toContain('Pakietu 3');
		const powiat = page.getByRole('group', { name: 'Powiat żyrardowski' });
		const radziejowice = powiat.getByRole('checkbox', { name: /Radziejowice/ });
		const puszcza = powiat.getByRole('checkbox', { name: /Puszcza Mariańska/ });
		// By default: the powiat's groups.
		expect(await radziejowice.isChecked()).toBe(true);
		expect(await puszcza.isChecked()).toBe(true);
		await expectNoAxeViolations(page);

		await puszcza.uncheck();
		await page.getByRole('button', { name: 'Zapisz wybór' }).click();
		await page.getByRole('status').filter({ hasText: 'Wybrane grupy' }).waitFor(WAIT);
		expect(await page.getByRole('status').innerText()).toContain('trafią do 1 grupy');
		await page.reload();
		expect(
			await page
				.getByRole('group', { name: 'Powiat żyrardowski' })
				.getByRole('checkbox', { name: /Puszcza/ })
				.isChecked()
		).toBe(false);

		await page.getByRole('button', { name: /Przywróć domyślne/ }).click();
		await page.getByRole('status').filter({ hasText: 'Domyślne grupy powiatu' }).waitFor(WAIT);
		await page.reload();
		expect(
			await page
				.getByRole('group', { name: 'Powiat żyrardowski' })
				.getByRole('checkbox', { name: /Puszcza/ })
				.isChecked()
		).toBe(true);
	});

	it('a moderator refuses posts from a neighbouring group and allows them again, logged', async () => {
		const page = await browser.newPage(phone);
		await logIn(page, server.url, 'moderator@tablica.test');
		await page.goto(`${server.url}/moderacja/zrodla?grupa=wiskitki`);
		await page.getByRole('heading', { name: 'Posty z innych gmin' }).waitFor(WAIT);
		const refuse = page.getByRole('button', { name: /Nie przyjmuj postów z grupy .*Radziejowice/ });
		await refuse.waitFor(WAIT);
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);
		await refuse.click();
		await page.getByRole('status').filter({ hasText: 'nie będą się tu pokazywać' }).waitFor(WAIT);
		const allow = page.getByRole('button', { name: /^Przyjmuj posty z grupy .*Radziejowice/ });
		await allow.waitFor(WAIT);
		await allow.click();
		await refuse.waitFor(WAIT);
		expect(await page.getByText('Nie przyjmujemy od').count()).toBe(0);
		await page.goto(`${server.url}/moderacja/dziennik?grupa=wiskitki`);
		await page.getByRole('cell', { name: 'odmowa postów z innej gminy' }).first().waitFor(WAIT);
		await page.getByRole('cell', { name: 'zgoda na posty z innej gminy' }).first().waitFor(WAIT);
	});
});
