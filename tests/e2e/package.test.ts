import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWarsawLocal } from '../../src/lib/dates';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let coordinator: Page, operator: Page, teacher: Page, resident: Page;
const problems: Record<string, string[]> = {};

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

async function audit(page: Page) {
	const found = await axeViolations(page);
	if (found.length) problems[new URL(page.url()).pathname] = found;
}

describe.skipIf(!hasChromium)('Pakiet 1 in the browser: units publish at once', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		[coordinator, operator, teacher, resident] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
		await logIn(coordinator, server.url, 'koordynator@wiskitki.test');
		await logIn(operator, server.url, 'operator@tablica.test');
	}, 240_000);
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	const teacherEmail = `nauczycielka.${Date.now()}@sp-wiskitki.test`;
	const schoolPost = `Jutro zajęcia pozalekcyjne z robotyki odwołane ${Date.now()}`;

	it('the coordinator sees the package and invites the school staff by e-mail', async () => {
		await coordinator.goto(`${server.url}/urzad`);
		await expect.poll(() => coordinator.getByText('aktywny').first().count()).toBe(1);
		await audit(coordinator);
		await coordinator.getByRole('link', { name: 'Szkoła Podstawowa im. Armii Krajowej w Wiskitkach' }).click();
		await coordinator.waitForURL(/\/urzad\/jednostki\/\d+$/);
		await coordinator.getByLabel(/^E-mail\*?$/).fill('to nie e-mail');
		await coordinator.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect.poll(() => coordinator.getByRole('alert').first().innerText()).toContain('adres e-mail');
		await coordinator.getByLabel(/^E-mail\*?$/).fill(teacherEmail);
		await coordinator.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect.poll(() => coordinator.getByText(`Wysłaliśmy zaproszenie na adres ${teacherEmail}`).count()).toBe(1);
		await audit(coordinator);
	});

	it('the invited person accepts with a new account and publishes as the school, at once, with the badge', async () => {
		await operator.goto(`${server.url}/admin/poczta`);
		const mail = operator.locator('article', { hasText: teacherEmail }).first();
		const text = await mail.locator('pre').innerText();
		const link = /\/zaproszenie\/[\w-]+/.exec(text)![0];
		await teacher.goto(`${server.url}${link}`);
		await audit(teacher);
		await teacher.getByLabel(/Imię i nazwisko/).fill('Maria Nauczycielka');
		await teacher.getByLabel(/^Hasło/).fill('bardzo-tajne-haslo');
		await teacher.getByRole('button', { name: 'Załóż konto i przyjmij zaproszenie' }).click();
		await teacher.waitForURL(/\/g\/wiskitki$/);
		await expect.poll(() => teacher.getByLabel('Publikuj jako').inputValue()).not.toBe('');
		expect(await teacher.locator('#f-body-hint').innerText()).toBe('Ten post zostanie opublikowany od razu.');
		await teacher.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await teacher.getByLabel('Treść').fill(schoolPost);
		await teacher.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => teacher.getByText('Opublikowano.').count()).toBe(1);
		await resident.goto(`${server.url}/g/wiskitki`);
		const card = resident.locator('article', { hasText: schoolPost });
		await expect.poll(() => card.count()).toBe(1);
		expect(await card.innerText()).toContain('Szkoła Podstawowa im. Armii Krajowej w Wiskitkach');
		expect(await card.getByText('zweryfikowana jednostka').count()).toBe(1);
	});

	it("a resident's post still waits for approval", async () => {
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.getByLabel('Treść').fill(`Czy robotyka będzie w przyszłym tygodniu? ${Date.now()}`);
		await resident.getByLabel('Kategoria').selectOption({ label: 'Pytania' });
		await resident.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => resident.getByText('Post czeka na akceptację moderatora').count()).toBe(1);
	});

	it('the coordinator turns the school off: its next post waits, and the composer says so first', async () => {
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ }).click();
		await expect
			.poll(() =>
				coordinator
					.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ })
					.getAttribute('aria-checked')
			)
			.toBe('false');

		await teacher.goto(`${server.url}/g/wiskitki`);
		await expect
			.poll(() => teacher.locator('#f-body-hint').innerText())
			.toContain('nie publikuje teraz bez akceptacji');
		await teacher.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await teacher.getByLabel('Treść').fill(`Zebranie rady rodziców w czwartek ${Date.now()}`);
		await teacher.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => teacher.getByText('Post czeka na akceptację moderatora').count()).toBe(1);

		await coordinator.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ }).click();
		await expect
			.poll(() =>
				coordinator
					.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ })
					.getAttribute('aria-checked')
			)
			.toBe('true');
		await audit(coordinator);
	});

	it('a held school post: one click to an urgent ticket paging the on-call administrator, released by the administrator from the ticket', async () => {
		const heldText = `Dzień sportu przeniesiony na środę ${Date.now()}`;
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ }).click();
		await expect
			.poll(() =>
				coordinator
					.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ })
					.getAttribute('aria-checked')
			)
			.toBe('false');
		await teacher.goto(`${server.url}/g/wiskitki`);
		await teacher.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await teacher.getByLabel('Treść').fill(heldText);
		await teacher.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => teacher.getByText('Post czeka na akceptację moderatora').count()).toBe(1);
		await teacher.goto(`${server.url}/powiadomienia`);
		await teacher
			.getByRole('link', { name: /czeka na moderatora/ })
			.first()
			.click();
		await teacher.waitForURL(/\/pomoc\?post=\d+/);
		await audit(teacher);
		const screenshot = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
			.png()
			.toBuffer();
		await teacher
			.getByLabel(/^Załączniki/)
			.setInputFiles({ name: 'zrzut ekranu.png', mimeType: 'image/png', buffer: screenshot });
		await teacher.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await teacher.waitForURL(/\/pomoc\/\d+\?nowe=1/);
		const file = await teacher.request.get(
			`${server.url}${await teacher.getByRole('link', { name: 'zrzut ekranu.png' }).getAttribute('href')}`
		);
		expect(file.headers()['content-type']).toBe('image/png');
		expect((await file.body()).equals(screenshot)).toBe(true);
		expect(await teacher.getByRole('status').filter({ hasText: 'osoba pełniąca dyżur dostała SMS' }).count()).toBe(1);
		expect(await teacher.locator('main').innerText()).not.toContain('600 100 200');
		const ticketUrl = teacher.url().replace('?nowe=1', '');
		await audit(teacher);

		await operator.goto(`${server.url}/admin/zgloszenia`);
		await operator
			.getByRole('link', { name: /błędnie zatrzymany post/ })
			.first()
			.click();
		await operator.waitForURL(ticketUrl);
		await operator.getByRole('button', { name: 'Opublikuj post i zamknij zgłoszenie' }).click();
		await expect.poll(() => operator.getByText('Post opublikowany, zgłoszenie rozwiązane').count()).toBe(1);
		await audit(operator);
		await operator.goto(`${server.url}/admin/poczta?do=%2B48600100200`);
		await expect.poll(() => operator.locator('article', { hasText: 'błędnie zatrzymany post' }).count()).toBe(1);

		await resident.goto(`${server.url}/g/wiskitki`);
		await expect.poll(() => resident.getByText(heldText).count()).toBe(1);
		await teacher.goto(ticketUrl);
		expect(await teacher.locator('dl.facts').innerText()).toContain('rozwiązane');
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ }).click();
		await expect
			.poll(() =>
				coordinator
					.getByRole('switch', { name: /Publikuje bez akceptacji\W+Szkoła Podstawowa im\. Armii/ })
					.getAttribute('aria-checked')
			)
			.toBe('true');
	});

	it('an urgent alert from the office reaches an opted-in member in the app and through the outbox, and is closed by an all-clear', async () => {
		const alertText = `Awaria wodociągu w Guzowie, woda niezdatna do picia ${Date.now()}`;
		await resident.goto(`${server.url}/g/wiskitki/komunikaty`);
		await audit(resident);
		await resident.getByLabel('Woda, prąd, ogrzewanie').check();
		await resident.getByLabel('E-mailem').check();
		await resident.getByRole('button', { name: 'Zapisz' }).click();
		await expect.poll(() => resident.getByText('Zapisano ustawienia komunikatów.').count()).toBe(1);

		// The composer has no urgent switch, only the way to the deliberate flow.
		await coordinator.goto(`${server.url}/g/wiskitki`);
		await coordinator.getByLabel('Publikuj jako').selectOption({ label: 'Urząd Miasta i Gminy Wiskitki' });
		expect(await coordinator.getByLabel('Wyślij jako komunikat pilny').count()).toBe(0);
		await coordinator.getByRole('link', { name: 'Wyślij komunikat pilny' }).click();
		await coordinator.waitForURL(/\/urzad\/komunikat/);
		await audit(coordinator);
		const sender = coordinator.getByLabel('Wysyła');
		if (await sender.count()) await sender.selectOption({ label: 'Urząd Miasta i Gminy Wiskitki' });
		await coordinator.getByLabel('Czego dotyczy').selectOption({ label: 'Woda, prąd, ogrzewanie' });
		await coordinator.getByLabel('Tytuł').fill(alertText);
		await coordinator.getByLabel('Treść').fill('Beczkowóz stoi przy remizie OSP.');
		// Validity is required: nothing is sent without it.
		await coordinator.getByRole('button', { name: 'Dalej: podgląd odbiorców' }).click();
		await expect.poll(() => coordinator.getByText(/Podaj, do kiedy komunikat jest ważny/).count()).toBeGreaterThan(0);
		await coordinator.getByLabel('Ważny do').fill(toWarsawLocal(new Date(Date.now() + 24 * 3_600_000)));
		// Aimed at one of Wiskitki's sołectwa: the demo resident follows no place, so it reaches them too.
		await coordinator.getByLabel('sołectwo Guzów', { exact: true }).check();
		await coordinator.getByRole('button', { name: 'Dalej: podgląd odbiorców' }).click();
		const confirm = coordinator.getByRole('region', { name: 'Sprawdź i potwierdź wysyłkę' });
		await expect.poll(() => confirm.count(), { timeout: 15_000 }).toBe(1);
		expect(await confirm.getByText('sołectwo Guzów', { exact: true }).count()).toBe(1);
		expect(await confirm.getByRole('row', { name: /E-mail/ }).innerText()).toMatch(/[1-9]\d* os[oó]b/);
		await audit(coordinator);
		await confirm.getByRole('button', { name: /Wyślij komunikat do/ }).click();
		await coordinator.waitForURL(/\/urzad\/komunikat\/\d+/);
		await expect.poll(() => coordinator.getByRole('heading', { name: 'Wysłano komunikat pilny' }).count()).toBe(1);
		expect(await coordinator.locator('tr[data-channel="email"]').innerText()).toMatch(/E-mail\s+\d+\s+\d+\s+\d+/);
		await audit(coordinator);

		await resident.goto(`${server.url}/powiadomienia`);
		await expect
			.poll(() =>
				resident.getByText(new RegExp(`Komunikat pilny \\(Urząd Miasta i Gminy Wiskitki\\): ${alertText}`)).count()
			)
			.toBe(1);
		await operator.goto(`${server.url}/admin/poczta?do=mieszkaniec@tablica.test`);
		await expect.poll(() => operator.locator('article', { hasText: alertText }).count()).toBe(1);

		await coordinator.getByRole('link', { name: 'Zobacz komunikat w grupie' }).click();
		await coordinator.waitForURL(/\/p\/\d+/);
		await expect.poll(() => coordinator.getByText(/Komunikat pilny · Woda, prąd, ogrzewanie/).count()).toBe(1);
		expect(await coordinator.getByText(/Powiadomiono: w aplikacji/).innerText()).toMatch(/w aplikacji \d/);
		await coordinator.getByLabel(/^Odwołanie/).fill('Woda znów zdatna do picia.');
		await coordinator.getByRole('button', { name: 'Odwołaj komunikat' }).click();
		await expect.poll(() => coordinator.getByText(/Odwołanie wysłane/).count()).toBe(1);
		await audit(coordinator);
		await resident.goto(`${server.url}/powiadomienia`);
		await expect
			.poll(() =>
				resident
					.getByText(/Odwołanie komunikatu pilnego \(Urząd Miasta i Gminy Wiskitki\): Woda znów zdatna do picia/)
					.count()
			)
			.toBe(1);
	});

	it('the school keeps a draft, publishes it, edits it with a visible history, and sees its reach', async () => {
		const text = `Szkolny konkurs recytatorski — zapisy u wychowawców ${Date.now()}`;
		await teacher.goto(`${server.url}/g/wiskitki`);
		await teacher.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
		await teacher.getByLabel('Treść').fill(text);
		await teacher.getByRole('button', { name: 'Zapisz jako szkic' }).click();
		await expect.poll(() => teacher.getByText('Zapisano szkic').count()).toBe(1);
		await resident.goto(`${server.url}/g/wiskitki`);
		expect(await resident.getByText(text).count()).toBe(0);

		await teacher.locator('article', { hasText: text }).getByRole('link', { name: 'Otwórz' }).click();
		await teacher.waitForURL(/\/p\/\d+$/);
		await teacher.getByRole('button', { name: 'Opublikuj teraz' }).click();
		await expect.poll(() => teacher.getByText('Opublikowano.').count()).toBe(1);
		await teacher.getByText('Edytuj post').click();
		await teacher.getByLabel('Treść', { exact: true }).fill(`${text} (do piątku)`);
		await teacher.getByRole('button', { name: 'Zapisz zmiany' }).click();
		await expect.poll(() => teacher.getByText('Zapisano zmiany.').count()).toBe(1);
		await audit(teacher);

		await resident.goto(teacher.url());
		await expect.poll(() => resident.getByRole('link', { name: 'edytowano' }).count()).toBe(1);
		await resident.getByText(/Historia zmian \(1\)/).click();
		expect(await resident.locator('#historia').innerText()).toContain(text);

		await teacher.goto(`${server.url}/urzad/jednostki/3/posty`);
		await expect.poll(() => teacher.getByRole('row', { name: new RegExp(text.slice(0, 30)) }).count()).toBe(1);
		await audit(teacher);
	});

	it('the coordinator gives the school a logo, shown on its profile and its posts', async () => {
		const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#1d4ed8' } })
			.png()
			.toBuffer();
		await coordinator.goto(`${server.url}/urzad/jednostki/3`);
		await coordinator.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
		await coordinator.getByRole('button', { name: 'Zapisz logo' }).click();
		await expect.poll(() => coordinator.getByRole('img', { name: /^Logo: Szkoła Podstawowa/ }).count()).toBe(1);
		const src = await coordinator.getByRole('img', { name: /^Logo: Szkoła Podstawowa/ }).getAttribute('src');
		expect((await sharp(Buffer.from(await (await fetch(`${server.url}${src}`)).arrayBuffer())).metadata()).width).toBe(
			256
		);
		await resident.goto(`${server.url}/g/wiskitki?jednostka=sp-wiskitki`);
		await expect.poll(() => resident.getByRole('img', { name: /^Logo: Szkoła Podstawowa/ }).count()).toBe(1);
		expect(await resident.locator(`article img.avatar[src="${src}"]`).count()).toBeGreaterThan(0);
	});

	it('the operator sees the customer and the package on the group settings, with no accessibility problems anywhere', async () => {
		await operator.goto(`${server.url}/admin/grupy/wiskitki`);
		expect(await operator.getByLabel(/^NIP/).inputValue()).toBe('838-157-40-08');
		await expect.poll(() => operator.getByText('z zobowiązaniem na co najmniej 6 miesięcy').count()).toBe(1);
		await audit(operator);
		await operator.goto(`${server.url}/g/wiskitki?jednostka=sp-wiskitki`);
		await audit(operator);
		expect(problems).toEqual({});
	});
});
