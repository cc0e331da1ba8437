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
// commenting through a target group is walked as a matrix in promotions/cross-posting.test.ts, reporting
// in moderation/neighbour-report.test.ts, live updates in feed/live-stream.test.ts.

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

	it("a Wiskitki member reports Radziejowice's post from Wiskitki's page, and sees a comment arrive live", async () => {
		const member = await browser.newPage(phone);
		await logIn(member, server.url, 'mieszkaniec@tablica.test');
		await member.goto(`${server.url}/g/wiskitki`);
		// The pilot's running promotion, cross-posted into Wiskitki.
		const card = member.locator('article[data-post-id]', { hasText: 'Jarmark świąteczny w Radziejowicach' }).first();
		await expect.poll(() => card.innerText(), WAIT).toContain('Z gminy Radziejowice');
		const id = (await card.getAttribute('data-post-id'))!;
		const postPage = `${server.url}/g/wiskitki/p/${id}`;
		await member.goto(postPage);

		await member.getByRole('link', { name: 'Zgłoś ten post' }).click();
		await member.waitForURL(`${server.url}/zglos?post=${id}&przez=wiskitki`, WAIT);
		const shown = member.locator('.card').first();
		expect(await shown.innerText()).toContain('jest pokazywany także w grupie „Wiskitki – forum mieszkańców gminy”.');
		expect(await shown.innerText()).toContain(
			'Zgłoszenie rozpatrzą moderatorzy grupy „Radziejowice – forum mieszkańców gminy”.'
		);
		expect(await member.getByRole('link', { name: 'zobacz w grupie' }).getAttribute('href')).toBe(
			`/g/wiskitki/p/${id}`
		);
		await expectNoAxeViolations(member);
		await member.getByLabel('Co jest nie tak?').selectOption({ label: 'Treści nielegalne' });
		const why = 'Ogłoszenie jarmarku podaje prywatny numer telefonu sąsiada.';
		await member.getByLabel('Dlaczego?').fill(why);
		await member.getByLabel(/w dobrej wierze/).check();
		await member.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect.poll(() => member.getByRole('status').innerText(), WAIT).toContain('Przyjęliśmy zgłoszenie nr');

		// Judged by the moderators of the post's own group.
		const moderator = await browser.newPage(laptop);
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/moderacja?grupa=radziejowice`);
		const item = moderator.locator('[data-queue-item]', { hasText: why });
		await item.waitFor(WAIT);
		expect(await item.innerText()).toContain('Marek Zając');
		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		await moderator.getByRole('heading', { name: /^Zgłoszenia/ }).waitFor(WAIT);
		expect(await moderator.locator('[data-queue-item]', { hasText: why }).count()).toBe(0);

		// Back on Wiskitki's page of the post, listening to that post's events through Wiskitki.
		const listening = member.waitForResponse((r) => r.url() === `${server.url}/g/wiskitki/live?post=${id}`, {
			timeout: 60_000
		});
		await member.getByRole('link', { name: 'Wróć do dyskusji' }).click();
		await member.waitForURL(postPage, WAIT);
		expect((await listening).status()).toBe(200);
		const comment = 'Jarmark odbędzie się także przy złej pogodzie, pod namiotem.';
		await moderator.goto(`${server.url}/g/radziejowice/p/${id}`);
		await moderator.locator('#f-comment').fill(comment);
		await moderator.getByRole('button', { name: 'Skomentuj' }).click();
		await expect.poll(() => moderator.locator('#komentarze').innerText(), WAIT).toContain(comment);
		// Without reloading: the comment made in Radziejowice appears on Wiskitki's page.
		await expect.poll(() => member.locator('#komentarze').innerText(), { timeout: 60_000 }).toContain(comment);
		expect(member.url()).toBe(postPage);
	}, 240_000);

	it('a moderator refuses posts from a neighbouring group after confirming, and allows them again, logged', async () => {
		const page = await browser.newPage(phone);
		await logIn(page, server.url, 'moderator@tablica.test');
		await page.goto(`${server.url}/moderacja/zrodla?grupa=wiskitki`);
		await page.getByRole('heading', { name: 'Posty z innych gmin' }).waitFor(WAIT);
		const refuse = page.getByRole('button', { name: /^Nie przyjmuj postów z grupy .*Radziejowice/ });
		await refuse.waitFor(WAIT);
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);

		// Refusing takes the posts off the board at once: it asks first, and "Anuluj" changes nothing.
		await refuse.click();
		const confirmation = page.getByRole('heading', { name: /Sprawdź i potwierdź: posty z grupy „Radziejowice/ });
		await confirmation.waitFor(WAIT);
		await page.waitForFunction(() => document.activeElement?.id === 'h-refuse-confirm', null, WAIT);
		expect(await page.locator('.confirm').innerText()).toMatch(/Z tablicy od razu zniknie \d+ post/);
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Anuluj' }).click();
		await refuse.waitFor(WAIT);
		expect(await confirmation.count()).toBe(0);
		expect(await page.getByText('Nie przyjmujemy od').count()).toBe(0);

		await refuse.click();
		// Keyboard: the confirmation has the focus; Tab reaches its button.
		await page.waitForFunction(() => document.activeElement?.id === 'h-refuse-confirm', null, WAIT);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
			/^Nie przyjmuj postów z grupy „Radziejowice/
		);
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: 'nie będą się tu pokazywać' }).waitFor(WAIT);
		expect(await page.getByRole('status').innerText()).toMatch(/Z tablicy usunięto \d+ post/);
		const allow = page.getByRole('button', { name: /^Przyjmuj posty z grupy .*Radziejowice/ });
		await allow.click();
		await page.getByRole('status').filter({ hasText: 'znów mogą się tu pokazywać' }).waitFor(WAIT);
		expect(await page.getByRole('status').innerText()).toContain('Radziejowice');
		await refuse.waitFor(WAIT);
		expect(await page.getByText('Nie przyjmujemy od').count()).toBe(0);
		await page.goto(`${server.url}/moderacja/dziennik?grupa=wiskitki`);
		await page.getByRole('cell', { name: 'odmowa postów z innej gminy' }).first().waitFor(WAIT);
		await page.getByRole('cell', { name: 'zgoda na posty z innej gminy' }).first().waitFor(WAIT);
	});

	it('without JavaScript too: the refusal is confirmed on its own page, and allowing says so', async () => {
		const page = await browser.newPage(laptop, { javaScriptEnabled: false });
		await logIn(page, server.url, 'moderator@tablica.test');
		await page.goto(`${server.url}/moderacja/zrodla?grupa=wiskitki`);
		const refuse = page.getByRole('button', { name: /^Nie przyjmuj postów z grupy .*Puszcza/ });
		await refuse.click();
		await page.getByRole('heading', { name: /Sprawdź i potwierdź: posty z grupy .*Puszcza/ }).waitFor(WAIT);
		expect(await page.getByText('Nie przyjmujemy od').count()).toBe(0);
		await page.getByRole('button', { name: /^Nie przyjmuj postów z grupy „.*Puszcza/ }).click();
		await page.getByRole('status').filter({ hasText: 'nie będą się tu pokazywać' }).waitFor(WAIT);
		await page.getByText('Nie przyjmujemy od').waitFor(WAIT);
		await page.getByRole('button', { name: /^Przyjmuj posty z grupy .*Puszcza/ }).click();
		await page.getByRole('status').filter({ hasText: 'znów mogą się tu pokazywać' }).waitFor(WAIT);
		expect(await page.getByText('Nie przyjmujemy od').count()).toBe(0);
	});
});
