import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let resident: Page, moderator: Page, operator: Page, viewer: Page;
const accessibilityProblems: Record<string, string[]> = {};

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

async function audit(page: Page) {
	const problems = await axeViolations(page);
	if (problems.length) accessibilityProblems[new URL(page.url()).pathname] = problems;
}

describe.skipIf(!hasChromium)('a resident in the browser', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		[resident, moderator, operator, viewer] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
	});
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	const postText = `Czy ktoś widział żółtego kota w okolicy Guzowa? ${Date.now()}`;

	it('registers and confirms the e-mail address through the link in the outbox', async () => {
		await resident.goto(`${server.url}/rejestracja`);
		await audit(resident);
		await resident.getByRole('button', { name: 'Załóż konto' }).click();
		await expect.poll(() => resident.getByText('Imię i nazwisko musi mieć co najmniej 2 znaki.').count()).toBe(1);

		await resident.getByLabel('Imię i nazwisko').fill('Ewa Testowa');
		await resident.getByLabel('Adres e-mail').fill('ewa.e2e@example.pl');
		await resident.getByLabel('Hasło').fill('haslo-ewy-2026');
		await resident.getByRole('checkbox', { name: /Akceptuję regulamin grup/ }).check();
		await resident.getByRole('button', { name: 'Załóż konto' }).click();
		await expect
			.poll(() => resident.getByRole('status').filter({ hasText: 'Sprawdź skrzynkę ewa.e2e@example.pl' }).count())
			.toBe(1);
		await audit(resident);
		await logIn(resident, server.url, 'ewa.e2e@example.pl', 'haslo-ewy-2026');
		await resident.goto(`${server.url}/konto`);
		await expect.poll(() => resident.getByText('Adres e-mail nie jest jeszcze potwierdzony').count()).toBe(1);

		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/poczta`);
		await audit(operator);
		const mail = operator.locator('article', { hasText: 'ewa.e2e@example.pl' }).first();
		const text = await mail.locator('pre').innerText();
		const link = /https?:\/\/\S+\/rejestracja\/potwierdz\?token=[\w-]+/.exec(text)![0];
		await resident.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
		await expect.poll(() => resident.getByText('Adres e-mail został potwierdzony').count()).toBe(1);
	});

	it('asks to join and is let in by a moderator', async () => {
		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.getByLabel(/Czy mieszkasz w gminie Wiskitki/).fill('Tak, mieszkam w Guzowie.');
		await resident.getByRole('button', { name: 'Dołącz do grupy' }).click();
		await expect.poll(() => resident.getByText('czeka na decyzję moderatora').count()).toBeGreaterThan(0);

		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/g/wiskitki/czlonkowie`);
		await audit(moderator);
		await moderator.getByRole('button', { name: 'Przyjmij Ewa Testowa' }).click();
		await expect.poll(() => moderator.getByRole('button', { name: 'Przyjmij Ewa Testowa' }).count()).toBe(0);

		await resident.goto(`${server.url}/g/wiskitki`);
		await expect.poll(() => resident.getByRole('heading', { name: 'Napisz post' }).count()).toBe(1);
	});

	it('posts: held for approval, approved by the moderator, shown live to another reader', async () => {
		await viewer.goto(`${server.url}/g/wiskitki`);
		await audit(viewer);
		// Let the live stream connect before the post appears.
		await viewer.waitForTimeout(1000);

		await resident.getByLabel('Treść').fill(postText);
		await resident.getByLabel('Kategoria').selectOption({ label: 'Pytania' });
		await resident.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => resident.getByText('Post czeka na akceptację moderatora').count()).toBe(1);
		await expect
			.poll(() => resident.locator('article', { hasText: postText }).getByText('Czeka na akceptację').count())
			.toBe(1);
		await audit(resident);
		expect(await viewer.getByText(postText).count()).toBe(0);

		await moderator.goto(`${server.url}/moderacja`);
		await audit(moderator);
		const item = moderator.locator('[data-queue-item]', { hasText: postText });
		await expect.poll(() => item.count()).toBe(1);
		// The demo resident is a member: shown with the date, a space before any note.
		expect(await item.locator('.history').innerText()).toMatch(/^w grupie od [^·]*\d{4}( \(nowy członek\))? ·/);
		await item.getByRole('button', { name: /^Zatwierdź/ }).click();
		await expect.poll(() => moderator.getByText('Opublikowano.').count()).toBe(1);
		expect(await moderator.locator('[data-queue-item]', { hasText: postText }).count()).toBe(0);

		// The reader's page was never reloaded.
		await expect.poll(() => viewer.getByText(postText).count(), { timeout: 15_000 }).toBe(1);
	});

	it('comments and reacts; the other reader sees the counts change live', async () => {
		const card = resident.locator('article', { hasText: postText });
		await resident.goto(`${server.url}/g/wiskitki`);
		await card.getByRole('link', { name: 'Komentuj' }).click();
		await resident.waitForURL(/\/g\/wiskitki\/p\/\d+/);
		await resident.getByLabel('Napisz komentarz').fill('Dziękuję za każdą informację!');
		await resident.getByRole('button', { name: 'Skomentuj' }).click();
		await expect.poll(() => resident.locator('.comments').getByText('Dziękuję za każdą informację!').count()).toBe(1);
		await resident.getByRole('button', { name: 'Super' }).click();
		await expect.poll(() => resident.getByRole('button', { name: 'Super' }).getAttribute('aria-pressed')).toBe('true');
		await audit(resident);

		const viewerCard = viewer.locator('article', { hasText: postText });
		await expect
			.poll(() => viewerCard.locator('[data-count=comments]').innerText(), { timeout: 15_000 })
			.toBe('1 komentarz');
		await expect
			.poll(() => viewerCard.locator('[data-count=reactions]').innerText(), { timeout: 15_000 })
			.toContain('1 reakcja');
	});

	it('hints while typing: a vulgar word is highlighted and the author is told why it would be held', async () => {
		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.getByLabel('Treść').fill('Zajebisty festyn w Guzowie');
		await expect
			.poll(() => resident.locator('#f-body-hint').innerText(), { timeout: 10_000 })
			.toBe('Ten post trafi do akceptacji moderatora. Słowo „Zajebisty” zatrzyma post. Zmień je.');
		expect(await resident.locator('.moderation-preview mark').innerText()).toBe('Zajebisty');
		await audit(resident);
		await resident.getByLabel('Treść').fill('Wspaniały festyn w Guzowie');
		await expect.poll(() => resident.locator('.moderation-preview').count(), { timeout: 10_000 }).toBe(0);
	});

	it('tells the author that the post was approved', async () => {
		await resident.goto(`${server.url}/powiadomienia`);
		await expect.poll(() => resident.getByText('został zaakceptowany i opublikowany').count()).toBe(1);
		await audit(resident);
	});

	it('finds posts ignoring diacritics', async () => {
		await viewer.goto(`${server.url}/g/wiskitki?q=${encodeURIComponent('ZOLTEGO KOTA')}`);
		await expect.poll(() => viewer.getByText(postText).count()).toBe(1);
	});

	it('a unit publishes at once, with a photo that must be described', async () => {
		const school = await newPage();
		await logIn(school, server.url, 'redakcja@sp-wiskitki.test');
		await school.goto(`${server.url}/g/wiskitki`);
		await expect.poll(() => school.getByLabel('Publikuj jako').inputValue()).not.toBe('');
		const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } })
			.png()
			.toBuffer();
		await school.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await school.getByLabel('Treść').fill('Nasi uczniowie odebrali dyplomy konkursu matematycznego.');
		await school.getByText('Zdjęcia', { exact: true }).click();
		const posts: string[] = [];
		school.on('request', (r) => r.method() === 'POST' && r.url().includes('?/post') && posts.push(r.url()));
		// Over the 15 MB a post may carry: said at once, and nothing is sent.
		await school
			.getByLabel(/^Zdjęcia \(JPEG/)
			.setInputFiles({ name: 'panorama.png', mimeType: 'image/png', buffer: Buffer.alloc(16 * 1024 * 1024) });
		await expect
			.poll(() => school.getByRole('alert').filter({ hasText: 'razem 16,0 MB, a można wysłać najwyżej 15 MB' }).count())
			.toBe(1);
		await school.getByRole('button', { name: 'Opublikuj' }).click();
		await school
			.getByLabel(/^Zdjęcia \(JPEG/)
			.setInputFiles({ name: 'dyplomy.png', mimeType: 'image/png', buffer: png });
		await school.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => school.getByRole('alert').innerText()).toContain('Opisz każde zdjęcie');
		expect(posts).toHaveLength(1);

		await school.getByLabel(/Opis zdjęcia/).fill('Uczniowie z dyplomami na sali gimnastycznej');
		await school.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => school.getByText('Opublikowano.').count()).toBe(1);
		const img = school
			.locator('article', { hasText: 'odebrali dyplomy' })
			.getByRole('img', { name: 'Uczniowie z dyplomami na sali gimnastycznej' });
		await expect.poll(() => img.count()).toBe(1);
		const src = await img.getAttribute('src');
		const file = await fetch(`${server.url}${src}`);
		expect(file.headers.get('content-type')).toBe('image/webp');
		expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(1200);
		const card = school.locator('article', { hasText: 'odebrali dyplomy' });
		expect(await card.innerText()).toContain('Szkoła Podstawowa im. Armii Krajowej w Wiskitkach');
		await audit(school);
	});

	it('the queue: a moderator rejects citing the terms with the mouse and approves with the keyboard', async () => {
		const rejectText = `Sprzedam tanio opał, dzwońcie ${Date.now()}`;
		const approveText = `Kto jedzie w sobotę na targ do Żyrardowa? ${Date.now()}`;
		for (const text of [rejectText, approveText]) {
			await resident.goto(`${server.url}/g/wiskitki`);
			await resident.getByLabel('Treść').fill(text);
			await resident.getByLabel('Kategoria').selectOption({ label: 'Pytania' });
			await resident.getByRole('button', { name: 'Opublikuj' }).click();
			await expect.poll(() => resident.getByText('Post czeka na akceptację moderatora').count()).toBe(1);
		}
		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		const rejected = moderator.locator('[data-queue-item]', { hasText: rejectText });
		await rejected
			.getByLabel('Punkt regulaminu')
			.first()
			.selectOption({ label: '§ 5 ust. 3 — Reklama bez wykupionego pakietu' });
		await rejected.getByRole('button', { name: /^Odrzuć/ }).click();
		await expect.poll(() => moderator.getByRole('alert').first().innerText()).toContain('Uzasadnij odrzucenie');
		await moderator
			.locator('[data-queue-item]', { hasText: rejectText })
			.getByLabel(/^Uzasadnienie dla autora/)
			.fill('Sprzedaż opału to ogłoszenie firmy — prosimy o pakiet reklamowy.');
		await moderator
			.locator('[data-queue-item]', { hasText: rejectText })
			.getByRole('button', { name: /^Odrzuć/ })
			.click();
		await expect.poll(() => moderator.getByText('Odrzucono. Autor dostał uzasadnienie').count()).toBe(1);
		await expect.poll(() => moderator.locator('[data-queue-item]', { hasText: rejectText }).count()).toBe(0);

		const approved = moderator.locator('[data-queue-item]', { hasText: approveText });
		await approved.focus();
		await moderator.keyboard.press('a');
		await expect.poll(() => moderator.getByText('Opublikowano.').count()).toBe(1);
		await expect.poll(() => moderator.locator('[data-queue-item]', { hasText: approveText }).count()).toBe(0);
		await audit(moderator);

		await resident.goto(`${server.url}/powiadomienia`);
		await resident
			.getByRole('link', { name: /nie został opublikowany/ })
			.first()
			.click();
		await resident.waitForURL(/\/decyzje\/\d+$/);
		expect(await resident.locator('dl.facts').innerText()).toContain(
			'§ 5 ust. 3 regulaminu (Reklama bez wykupionego pakietu)'
		);
		await audit(resident);
	});

	it('a unit is told before publishing that campaigning waits for a moderator, who sees what held it', async () => {
		const school = await newPage();
		await logIn(school, server.url, 'redakcja@sp-wiskitki.test');
		await school.goto(`${server.url}/g/wiskitki`, { waitUntil: 'networkidle' });
		await expect.poll(() => school.getByLabel('Publikuj jako').inputValue()).not.toBe('');
		const text = `Zapraszamy rodziców na spotkanie z kandydatem Konfederacji do Sejmu w auli szkoły. Głosujcie na niego! ${Date.now()}`;
		await school.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await school.getByLabel('Treść').fill(text);
		await expect
			.poll(() => school.locator('#f-body-hint').innerText(), { timeout: 15_000 })
			.toContain('Ten post trafi do akceptacji moderatora.');
		const hint = await school.locator('#f-body-hint').innerText();
		expect(hint).toContain('polityki krajowej');
		expect(hint).toContain('także postów jednostek');
		expect(hint).not.toMatch(/\d+ ?%/);
		await school.getByRole('button', { name: 'Opublikuj' }).click();
		await expect
			.poll(() => school.getByText('Post czeka na akceptację moderatora').count(), { timeout: 15_000 })
			.toBe(1);

		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		const item = moderator.locator('[data-queue-item]', { hasText: text.slice(0, 60) });
		await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
		const detected = await item.locator('.findings-list').first().innerText();
		expect(detected).toContain('Polityka krajowa');
		expect(detected).toContain('(reguła)');
		expect(await item.locator('mark').first().innerText()).toMatch(/Konfederacji|Sejmu|Głosujcie/);
		await audit(moderator);
	});

	it('report → hidden → appeal → reversal: the comment is back at once', async () => {
		const commentText = `W sklepie przy rynku sprzedają przeterminowane jedzenie ${Date.now()}`;
		// Typed before the page's script has loaded, a value can be reset when it takes over: wait for it.
		await moderator.goto(`${server.url}/moderacja/zasady?grupa=wiskitki`, { waitUntil: 'networkidle' });
		await moderator.getByLabel(/Po ilu zgłoszeniach/).fill('1');
		await moderator.getByRole('button', { name: 'Zapisz ustawienia' }).click();
		await expect.poll(() => moderator.getByText('Zapisano ustawienia.').count()).toBe(1);
		// The stored value, as the page shows it again after saving.
		await moderator.goto(`${server.url}/moderacja/zasady?grupa=wiskitki`);
		expect(await moderator.getByLabel(/Po ilu zgłoszeniach/).inputValue()).toBe('1');
		await moderator.getByLabel('Tekst przykładowego wpisu').fill('Ale z niego dzban');
		await moderator.getByRole('button', { name: 'Sprawdź' }).click();
		await expect
			.poll(() => moderator.locator('[data-test-result]').innerText())
			.toContain('Komentarz mieszkańca: zatrzymany do akceptacji');
		await audit(moderator);

		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.locator('article', { hasText: postText }).getByRole('link', { name: 'Komentuj' }).click();
		await resident.waitForURL(/\/g\/wiskitki\/p\/\d+/);
		const postUrl = resident.url();
		await resident.getByLabel('Napisz komentarz').fill(commentText);
		await resident.getByRole('button', { name: 'Skomentuj' }).click();
		await expect.poll(() => resident.locator('.comments').getByText(commentText).count()).toBe(1);

		const reporter = await newPage();
		await logIn(reporter, server.url, 'mieszkaniec@tablica.test');
		await reporter.goto(postUrl);
		await reporter.getByRole('link', { name: 'Zgłoś komentarz: Ewa Testowa' }).last().click();
		await reporter.waitForURL(/\/zglos\?komentarz=\d+/);
		await audit(reporter);
		await reporter.getByLabel('Co jest nie tak').selectOption({ label: 'Inne naruszenie regulaminu' });
		await reporter.getByLabel('Dlaczego?').fill('Oskarża sklep bez żadnych dowodów, to pomówienie.');
		await reporter.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect.poll(() => reporter.getByRole('alert').innerText()).toContain('dobrej wierze');
		await reporter.getByLabel(/w dobrej wierze/).check();
		await reporter.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect.poll(() => reporter.getByRole('status').innerText()).toContain('Komentarz jest już ukryty');

		await viewer.goto(postUrl);
		expect(await viewer.getByText(commentText).count()).toBe(0);

		await resident.goto(`${server.url}/powiadomienia`);
		await resident
			.getByRole('link', { name: /został ukryty/ })
			.first()
			.click();
		await resident.waitForURL(/\/decyzje\/\d+$/);
		expect(await resident.locator('dl.facts').innerText()).toContain('Decyzję podjął automatyczny system');
		await resident
			.getByLabel('Treść odwołania')
			.fill('To prawda, mam paragon z datą — sklep sprzedał mi przeterminowany jogurt.');
		await resident.getByRole('button', { name: 'Złóż odwołanie' }).click();
		await expect.poll(() => resident.getByText('Odwołanie złożone.').count()).toBe(1);
		const decisionUrl = resident.url();

		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		// Typed before the page's script has loaded, the text can be reset when it takes over: wait for it.
		await moderator.goto(decisionUrl, { waitUntil: 'networkidle' });
		await moderator
			.getByLabel(/Uzasadnienie rozstrzygnięcia/)
			.fill('Autor ma dowód; to relacja klienta, nie pomówienie.');
		await moderator.getByRole('button', { name: 'Uwzględnij — przywróć' }).click();
		await expect.poll(() => moderator.getByText('Odwołanie uwzględnione — decyzja cofnięta.').count()).toBe(1);
		await audit(moderator);

		await viewer.goto(postUrl);
		await expect.poll(() => viewer.getByText(commentText).count()).toBe(1);
		await resident.goto(`${server.url}/powiadomienia`);
		await expect.poll(() => resident.getByText(/Uwzględniliśmy Twoje odwołanie/).count()).toBe(1);
	});

	it('has no accessibility violations on the pages it visited and the others', async () => {
		for (const path of [
			'/',
			'/grupy',
			'/logowanie',
			'/logowanie/reset',
			'/g/radziejowice',
			'/konto',
			'/admin',
			'/moderacja',
			'/moderacja/sankcje',
			'/moderacja/dziennik?q=dzban',
			'/przejrzystosc',
			'/przejrzystosc/wiskitki',
			'/pomoc',
			'/kontakt',
			'/admin/zgloszenia',
			'/admin/dyzury',
			'/grupy/wiskitki'
		]) {
			await operator.goto(`${server.url}${path}`);
			await audit(operator);
		}
		expect(accessibilityProblems).toEqual({});
	});
});
