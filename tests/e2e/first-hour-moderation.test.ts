import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	expectNoAxeViolations as noAxe,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	screens,
	startServer,
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 16, the moderator's and the reporter's first hour: the queue in Polish, the member list,
// statements of reasons that say whether automated means were used, reporting without an account,
// guidance before sending, the composer and the phone header.
let server: Server;
let browser: TestBrowser;

/** A published post of the demo group open for comments (the page is left on it). */
async function commentablePost(page: Page): Promise<string> {
	await page.goto(`${server.url}/g/wiskitki`);
	const hrefs = await page
		.locator('a[href^="/g/wiskitki/p/"]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('#')[0]));
	for (const href of [...new Set(hrefs)]) {
		await page.goto(`${server.url}${href}`);
		if (await page.locator('#f-comment').count()) return href;
	}
	throw new Error('No post open for comments in the demo group.');
}

/** The statement of reasons a moderator opens from the audit log's newest restriction. */
async function latestStatement(moderator: Page): Promise<string> {
	await moderator.goto(`${server.url}/moderacja/dziennik?grupa=wiskitki`);
	await moderator.getByRole('link', { name: 'uzasadnienie' }).first().click();
	await moderator.waitForURL(/\/decyzje\/\d+$/, T);
	return moderator.locator('dl.facts').innerText();
}

describe.skipIf(!hasChromium)('the first hour of moderation and reporting', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	for (const [name, viewport] of screens) {
		it(`the queue shows Polish labels only, and the member list is searchable and paged (${name})`, async () => {
			const moderator = await browser.newPage(viewport);
			await logIn(moderator, server.url, 'moderator@tablica.test');
			await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
			const queue = await moderator.locator('main').innerText();
			expect(queue).toContain('Zatrzymane do akceptacji');
			expect(queue.match(/\b[a-z]+_[a-z_]+\b/g)).toBeNull();
			expect(queue).not.toMatch(/\d\(|[a-ząćęłńóśźż]\(nowy/);
			await noAxe(moderator);

			await moderator.goto(`${server.url}/g/wiskitki/czlonkowie`);
			const range = moderator.locator('#members-range');
			expect(await range.innerText()).toMatch(/^1–50 z 3 \d{3}$/);
			expect(await moderator.locator('main ul[aria-describedby=members-range] li').count()).toBe(50);
			// Keyboard: the next page is a link reached with Tab and followed with Enter.
			const next = moderator.getByRole('link', { name: 'Następna' });
			await next.focus();
			await moderator.keyboard.press('Enter');
			await moderator.waitForURL(/strona=2/, T);
			expect(await range.innerText()).toMatch(/^51–100 z 3 \d{3}$/);
			expect(await moderator.getByRole('link', { name: 'Poprzednia' }).count()).toBe(1);
			// Search by name, diacritics optional, and by e-mail (a moderator).
			await moderator.getByLabel(/Szukaj po imieniu/).fill('mieszkaniec@tablica');
			await moderator.locator('main').getByRole('button', { name: 'Szukaj', exact: true }).click();
			await moderator.waitForURL(/q=mieszkaniec/, T);
			expect(await range.innerText()).toMatch(/^1–1 z 1 pasujących/);
			await noAxe(moderator);
		}, 180_000);
	}

	it('a visitor without an account reports a post; a moderator removes it; the statement says a person reported it', async () => {
		const visitor = await browser.newPage(phone);
		await visitor.goto(`${server.url}/g/wiskitki`);
		const firstPost = visitor.locator('a[href^="/g/wiskitki/p/"]').first();
		const postPath = (await firstPost.getAttribute('href'))!.split('#')[0];
		await visitor.goto(`${server.url}${postPath}`);
		await visitor.getByRole('link', { name: 'Zgłoś ten post' }).click();
		await visitor.waitForURL(/\/zglos\?post=\d+/, T);
		expect(await visitor.getByLabel('Co jest nie tak?').inputValue()).toBe('');
		await noAxe(visitor);

		// Fields look like the site's other fields: same height and border.
		const looks = await visitor.evaluate(() =>
			['#f-ground', '#f-name', '#f-email'].map((s) => {
				const st = getComputedStyle(document.querySelector(s)!);
				return [st.minHeight, st.borderTopWidth, st.borderTopStyle, st.borderRadius].join(' ');
			})
		);
		expect(new Set(looks).size).toBe(1);
		const box = await visitor.locator('input[name=goodFaith]').boundingBox();
		expect(Math.round(box!.width)).toBe(19);

		// Nothing chosen: a clear error and nothing sent.
		await visitor.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect.poll(() => visitor.locator('#e-ground').innerText(), T).toBe('Wybierz, co narusza ta treść.');
		await visitor.getByLabel('Co jest nie tak?').selectOption({ label: 'Treści nielegalne' });
		await visitor.getByLabel('Dlaczego?').fill('Post podaje cudzy adres domowy i namawia do nękania.');
		await visitor.getByLabel('Imię i nazwisko').fill('Anna Zgłaszająca');
		await visitor.getByLabel('E-mail').fill('anna.zglaszajaca@poczta.pl');
		await visitor.getByLabel(/w dobrej wierze/).check();
		await visitor.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect.poll(() => visitor.getByRole('status').innerText(), T).toContain('Przyjęliśmy zgłoszenie nr');

		const moderator = await browser.newPage(laptop);
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		const item = moderator.locator('[data-queue-item]', { hasText: 'Anna Zgłaszająca' });
		expect(await item.innerText()).toContain('Treści nielegalne');
		expect(await item.locator(`a[href="${postPath}"]`).count()).toBeGreaterThan(0);
		await item.getByLabel('Punkt regulaminu').first().selectOption({ label: '§ 8 — Treści nielegalne' });
		await item.getByLabel('Uzasadnienie dla autora').fill('Podanie cudzego adresu z wezwaniem do nękania.');
		await item.getByRole('button', { name: /^Usuń/ }).click();
		await expect.poll(() => moderator.getByRole('status').first().innerText(), T).toContain('Usunięto');
		const statement = await latestStatement(moderator);
		expect(statement).toContain('Treść zgłosiła osoba korzystająca z serwisu');
		expect(statement).toContain('nie użyto środków zautomatyzowanych');
		expect(statement).toContain('Decyzję podjęła osoba moderująca grupę');
		// The report is said once (it was also appended to the facts, glued to them).
		expect(statement.match(/zgłosi|zgłoszeni/g)).toHaveLength(1);
		expect(await moderator.locator('dl.facts dd').nth(4).innerText()).toBe(
			'Podanie cudzego adresu z wezwaniem do nękania.'
		);
		await noAxe(moderator);
	}, 180_000);

	for (const [name, viewport] of screens) {
		it(`a resident: the header, the one-line composer, guidance before sending, the text kept after a hold (${name})`, async () => {
			const resident = await browser.newPage(viewport);
			await logIn(resident, server.url, 'mieszkaniec@tablica.test');
			await resident.goto(`${server.url}/g/wiskitki`);
			const header = await resident.evaluate(
				() => document.querySelector('.site-header')!.getBoundingClientRect().height
			);
			if (viewport === phone) expect(header).toBeLessThanOrEqual(100);

			// Collapsed to one line until focused; the toggle says so.
			const toggle = resident.getByRole('button', { name: 'Napisz post' });
			expect(await toggle.getAttribute('aria-expanded')).toBe('false');
			expect(await resident.getByLabel('Kategoria').isVisible()).toBe(false);
			const body = resident.getByLabel('Treść');
			expect((await body.boundingBox())!.height).toBeLessThan(60);
			await body.focus();
			await expect.poll(() => toggle.getAttribute('aria-expanded'), T).toBe('true');
			expect(await resident.getByLabel('Kategoria').isVisible()).toBe(true);
			await noAxe(resident);

			// Guidance before sending: the word, in plain Polish, never a score.
			const word = viewport === phone ? 'Zajebisty' : 'Zajebiste';
			await body.fill(`${word} festyn w Guzowie, wszyscy zapraszeni`);
			const hint = resident.locator('#f-body-hint');
			await expect.poll(() => hint.innerText(), T).toContain(`Słowo „${word}” zatrzyma post. Zmień je.`);
			expect(await resident.locator('.moderation-preview').innerText()).not.toMatch(/\d|%|pewność/);

			// Sent anyway: held, and the text stays to be corrected and sent again.
			await resident.getByLabel('Kategoria').selectOption({ index: 1 });
			await resident.getByRole('button', { name: 'Opublikuj' }).click();
			await expect.poll(() => resident.getByRole('status').first().innerText(), T).toContain('czeka na akceptację');
			expect(await body.inputValue()).toContain(`${word} festyn`);
			const corrected = `Świetny festyn w Guzowie (${name}), wszyscy zapraszeni`;
			await body.fill(corrected);
			await resident.getByRole('button', { name: 'Popraw i wyślij ponownie' }).click();
			await expect.poll(() => resident.getByRole('status').first().innerText(), T).toContain('czeka na akceptację');
			await expect.poll(() => resident.getByRole('status').first().innerText(), T).not.toContain('Słowo');

			// The moderator sees one post, with the corrected text.
			const moderator = await browser.newPage(laptop);
			await logIn(moderator, server.url, 'moderator@tablica.test');
			await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
			expect(await moderator.locator('[data-queue-item]', { hasText: corrected }).count()).toBe(1);
			expect(await moderator.locator('[data-queue-item]', { hasText: `${word} festyn` }).count()).toBe(0);
		}, 180_000);
	}

	for (const [name, viewport] of screens) {
		it(`a resident's comment: guidance before sending, the text kept after a hold, corrected and sent again (${name})`, async () => {
			const resident = await browser.newPage(viewport);
			await logIn(resident, server.url, 'mieszkaniec@tablica.test');
			const postPath = await commentablePost(resident);
			const box = resident.getByLabel('Napisz komentarz');

			// Guidance before sending, worded for a comment: the word, in plain Polish, never a score.
			const word = viewport === phone ? 'Zajebisty' : 'Zajebiste';
			const held = `${word} festyn, ${name}`;
			await box.fill(held);
			const hint = resident.locator('#f-comment-hint');
			await expect.poll(() => hint.innerText(), T).toContain(`Słowo „${word}” zatrzyma komentarz. Zmień je`);
			expect(await hint.innerText()).toContain('Ten komentarz trafi do akceptacji moderatora.');
			expect(await resident.locator('#komentarze .moderation-preview').innerText()).not.toMatch(/\d|%|pewność/);
			expect(await box.getAttribute('aria-describedby')).toBe('f-comment-hint');
			await noAxe(resident);

			// Sent anyway: held with the reason, and the text stays in the form to be corrected.
			await resident.getByRole('button', { name: 'Skomentuj' }).click();
			const status = resident.locator('#komentarze [role=status]').first();
			await expect.poll(() => status.innerText(), T).toContain('Komentarz czeka na sprawdzenie przez moderatora');
			expect(await status.innerText()).toContain(`Słowo „${word}”`);
			const again = resident.getByLabel('Popraw swój komentarz');
			expect(await again.inputValue()).toBe(held);
			// Nothing sideways on a phone.
			expect(await fitsScreen(resident)).toBe(true);
			await noAxe(resident);

			const corrected = `Świetny festyn, ${name}`;
			await again.fill(corrected);
			await expect.poll(() => hint.innerText(), T).toContain('Ten komentarz zostanie opublikowany od razu.');
			await resident.getByRole('button', { name: 'Popraw i wyślij ponownie' }).click();
			await expect.poll(() => status.innerText(), T).toContain('Poprawiony komentarz jest opublikowany.');
			// The form is ready for a new comment; the thread has the corrected text, no held one, no "edytowano".
			expect(await resident.getByLabel('Napisz komentarz').inputValue()).toBe('');
			expect(await resident.getByRole('button', { name: 'Skomentuj' }).count()).toBe(1);
			const mine = resident.locator('#komentarze li.comment', { hasText: corrected });
			await expect.poll(() => mine.count(), T).toBe(1);
			expect(await mine.innerText()).not.toMatch(/edytowano|czeka na akceptację/);
			expect(await resident.locator('#komentarze').innerText()).not.toContain(held);
			await noAxe(resident);

			// Another reader sees the corrected comment; the held text never reached anyone.
			const reader = await browser.newPage(viewport);
			await reader.goto(`${server.url}${postPath}`);
			expect(await reader.locator('#komentarze').innerText()).toContain(corrected);
			expect(await reader.locator('#komentarze').innerText()).not.toContain(held);
		}, 180_000);
	}

	it('without JavaScript a held comment keeps its text and is corrected and sent again', async () => {
		const resident = await browser.newPage(phone, { javaScriptEnabled: false });
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		const postPath = await commentablePost(resident);
		const held = 'Zajebisty jarmark, bez skryptów';
		await resident.getByLabel('Napisz komentarz').fill(held);
		await resident.getByRole('button', { name: 'Skomentuj' }).click();
		await resident.waitForURL(/\?\/comment/, T);
		const status = resident.locator('#komentarze [role=status]').first();
		expect(await status.innerText()).toContain('Słowo „Zajebisty” zatrzyma komentarz.');
		const again = resident.getByLabel('Popraw swój komentarz');
		expect(await again.inputValue()).toBe(held);

		// Still with the word: it keeps waiting and the form keeps the new text.
		await again.fill('Zajebisty jarmark naprawdę, bez skryptów');
		await resident.getByRole('button', { name: 'Popraw i wyślij ponownie' }).click();
		// Each answer is a new page: wait for its status, whatever the page in between.
		const said = () => status.innerText().catch(() => '');
		await expect.poll(said, T).toContain('Poprawiony komentarz nadal czeka');
		expect(await resident.getByLabel('Popraw swój komentarz').inputValue()).toBe(
			'Zajebisty jarmark naprawdę, bez skryptów'
		);

		await resident.getByLabel('Popraw swój komentarz').fill('Świetny jarmark, bez skryptów');
		await resident.getByRole('button', { name: 'Popraw i wyślij ponownie' }).click();
		await expect.poll(said, T).toContain('Poprawiony komentarz jest opublikowany.');
		expect(await resident.getByLabel('Napisz komentarz').inputValue()).toBe('');
		await resident.goto(`${server.url}${postPath}`);
		const thread = await resident.locator('#komentarze').innerText();
		expect(thread).toContain('Świetny jarmark, bez skryptów');
		expect(thread).not.toContain('Zajebisty jarmark');
	}, 180_000);

	it('a post held by the engine and rejected: the statement says automated means detected it', async () => {
		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.getByLabel('Treść').fill('Kurwa, znowu dziura na drodze do Guzowa');
		await resident.getByLabel('Kategoria').selectOption({ index: 1 });
		await resident.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => resident.getByRole('status').first().innerText(), T).toContain('czeka na akceptację');

		const moderator = await browser.newPage(laptop);
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		let item = moderator.locator('[data-queue-item]', { hasText: 'znowu dziura na drodze do Guzowa' });
		expect(await item.innerText()).toContain('Wulgaryzm');

		// A warning from this item: its statement says it was imposed for a post the engine detected.
		await item.getByText(/^Sankcja dla:/).click();
		await item.getByLabel('Rodzaj').selectOption({ label: 'ostrzeżenie' });
		await item.getByLabel('Powód (zobaczy go ta osoba)').fill('Wulgaryzmy w kolejnych postach.');
		await item.getByRole('button', { name: 'Nałóż sankcję' }).click();
		await expect.poll(() => moderator.getByRole('status').first().innerText(), T).toContain('Sankcja nałożona');
		const warning = await latestStatement(moderator);
		expect(warning).toContain(
			'Sankcję nałożono w związku z postem, który wykrył automatyczny system moderacji, gdy został wysłany (użyto środków zautomatyzowanych).'
		);
		expect(warning).not.toContain('Treść zauważyła osoba moderująca grupę');
		expect(await moderator.locator('dl.facts dd').nth(4).innerText()).toBe('Wulgaryzmy w kolejnych postach.');
		expect(await moderator.getByRole('link', { name: 'zobacz post' }).count()).toBe(1);
		await noAxe(moderator);

		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		item = moderator.locator('[data-queue-item]', { hasText: 'znowu dziura na drodze do Guzowa' });
		await item.getByLabel('Uzasadnienie dla autora').fill('Wulgaryzm w poście.');
		await item.getByRole('button', { name: /^Odrzuć/ }).click();
		await expect.poll(() => moderator.getByRole('status').first().innerText(), T).toContain('Odrzucono');
		const statement = await latestStatement(moderator);
		expect(statement).toContain('Treść wykrył automatyczny system moderacji');
		expect(statement).toContain('Decyzję podjęła osoba moderująca grupę');
		await noAxe(moderator);
	}, 180_000);
});
