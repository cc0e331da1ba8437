import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

// Issue 17: Pakiet 2 is sold from 1 January 2027, and what a group has follows the package in force
// at the moment of use. One demo, two server starts with the clock injected (TABLICA_NOW): on the
// last day of 2026 and on the morning of 1 January 2027. Puszcza Mariańska has no package in the
// demo; its new coordinator orders. Wiskitki has Pakiet 1 with Pakiet 2 ordered from 2027-01-01.

const LAST_DAY = '2026-12-31T10:00:00+01:00';
const NEW_YEAR = '2027-01-01T09:00:00+01:00';
const COORDINATOR = { email: 'sekretariat@puszcza.test', password: 'haslo-urzedu-2026' };

let server: Server;
let browser: TestBrowser;

const packageBox = (page: Page) => page.getByRole('region', { name: 'Pakiet' });
const packageFacts = (page: Page) => packageBox(page).locator('dl.facts').first();
/** The order form's package choices, as read: "Pakiet nr 2 – publikowanie i wzmocnienie treści, …". */
const packageChoices = (page: Page) =>
	page.getByRole('group', { name: 'Pakiet', exact: true }).locator('label').allInnerTexts();

async function fillOrder(page: Page) {
	await page.getByLabel('Grupa').selectOption('puszcza-marianska');
	await page.getByLabel(/^Nazwa urzędowa/).fill('Gmina Puszcza Mariańska');
	await page.getByLabel(/^NIP/).fill('838-166-00-09');
	await page.getByLabel(/^REGON/).fill('013269108');
	await page.getByLabel(/^Ulica i numer/).fill('ul. Stanisława Papczyńskiego 1');
	await page.getByLabel(/^Kod pocztowy/).fill('96-330');
	await page.getByLabel(/^Miejscowość/).fill('Puszcza Mariańska');
	await page.getByLabel(/^Osoba do kontaktu/).fill('Olga Sekretarz');
	await page.getByLabel(/^E-mail/).fill(COORDINATOR.email);
}

async function coordinatorPage(): Promise<Page> {
	const page = await browser.newPage(phone);
	await logIn(page, server.url, COORDINATOR.email, COORDINATOR.password);
	return page;
}

describe.skipIf(!hasChromium)('Pakiet 2 from 1 January 2027, with the server clock moved', () => {
	beforeAll(async () => {
		server = await startServer({ now: LAST_DAY });
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('on 31 December 2026 the server says its clock is moved; Puszcza Mariańska gets a coordinator', async () => {
		expect(server.log().match(/Zegar serwera przesunięty/g)).toHaveLength(1);
		const page = await browser.newPage(phone);
		await page.goto(`${server.url}/rejestracja`);
		await page.getByLabel('Imię i nazwisko').fill('Olga Sekretarz');
		await page.getByLabel('Adres e-mail').fill(COORDINATOR.email);
		await page.getByLabel('Hasło').fill(COORDINATOR.password);
		await page.getByRole('checkbox', { name: /Akceptuję regulamin grup/ }).check();
		await page.getByRole('button', { name: 'Załóż konto' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sprawdź skrzynkę' }).count(), WAIT).toBe(1);
		const operator = await browser.newPage(laptop);
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/grupy/puszcza-marianska`);
		await operator.getByLabel('E-mail konta koordynatora').fill(COORDINATOR.email);
		await operator.getByRole('button', { name: 'Dodaj koordynatora' }).click();
		await expect
			.poll(() => operator.getByRole('status').filter({ hasText: 'Dodano koordynatora.' }).count(), WAIT)
			.toBe(1);
	}, 120_000);

	it('on 31 December 2026 the order form offers Pakiet 2 only from 1 January 2027 and refuses it today', async () => {
		const page = await coordinatorPage();
		await page.goto(`${server.url}/urzad/zamowienie`);
		await page.getByRole('heading', { name: 'Zamówienie pakietu' }).waitFor(WAIT);
		const choices = await packageChoices(page);
		expect(choices.find((c) => c.startsWith('Pakiet nr 1'))).not.toContain('z początkiem od');
		expect(choices.find((c) => c.startsWith('Pakiet nr 2'))).toMatch(/z początkiem od 1 stycznia 2027/);
		expect(choices.find((c) => c.startsWith('Pakiet nr 3'))).toMatch(/z początkiem od 1 stycznia 2027/);
		expect(await page.getByText(/Pakiety nr 2 i 3 .* są dostępne od 1 stycznia 2027/).count()).toBe(1);
		expect(await page.getByLabel(/^Początek/).inputValue()).toBe('2026-12-31');
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);

		// Pakiet 2 starting today: refused, nothing ordered.
		await fillOrder(page);
		await page.getByRole('radio', { name: /Pakiet nr 2/ }).check();
		await page.getByRole('radio', { name: /miesięczny, bez zobowiązania/ }).check();
		await page.getByRole('button', { name: 'Zamawiam i pobieram umowę' }).click();
		await expect
			.poll(() => page.getByRole('alert').first().innerText(), WAIT)
			.toContain('Pakiet nr 2 można zamówić z początkiem od 1 stycznia 2027 roku.');
		expect(await page.getByRole('status').filter({ hasText: 'Przygotowaliśmy umowę' }).count()).toBe(0);
	}, 120_000);

	it('on 31 December 2026 Wiskitki has Pakiet 1 in force, with Pakiet 2 ordered from 1 January 2027', async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		await packageFacts(page).waitFor(WAIT);
		const facts = await packageFacts(page).innerText();
		expect(facts).toMatch(/Pakiet 1\s+aktywny/);
		expect(facts).toMatch(/Zamówiona zmiana\s+na Pakiet nr 2 od 1 stycznia 2027/);
	}, 60_000);

	it('on 1 January 2027 the coordinator orders Pakiet 2 from today and the operator signs it', async () => {
		await server.stop({ keepData: true });
		server = await startServer({ dataDir: server.dataDir, now: NEW_YEAR });
		expect(server.log().match(/Zegar serwera przesunięty/g)).toHaveLength(1);

		const page = await coordinatorPage();
		await page.goto(`${server.url}/urzad/zamowienie`);
		await page.getByRole('heading', { name: 'Zamówienie pakietu' }).waitFor(WAIT);
		const choices = await packageChoices(page);
		expect(choices.find((c) => c.startsWith('Pakiet nr 2'))).not.toContain('z początkiem od');
		expect(await page.getByText(/Pakiety nr 2 i 3 .* są dostępne od/).count()).toBe(0);
		expect(await page.getByLabel(/^Początek/).inputValue()).toBe('2027-01-01');
		await page.getByRole('radio', { name: /Pakiet nr 2/ }).check();
		await page.getByRole('radio', { name: /miesięczny, bez zobowiązania – 5 500,00 zł/ }).check();
		await expectNoAxeViolations(page);
		await fillOrder(page);
		await page.getByRole('button', { name: 'Zamawiam i pobieram umowę' }).click();
		const placed = page.getByRole('status').filter({ hasText: 'Przygotowaliśmy umowę' });
		await expect.poll(() => placed.count(), WAIT).toBe(1);
		const contract = /UM\/2027\/\d{4}/.exec(await placed.innerText())![0];

		const operator = await browser.newPage(laptop);
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/umowy`, { waitUntil: 'networkidle' });
		const item = operator.locator('li', { hasText: contract });
		await item.getByLabel(`Skan podpisanej umowy ${contract} (PDF, JPEG, PNG)`).setInputFiles({
			name: 'umowa.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('%PDF-1.4\n% podpisana\n%%EOF\n')
		});
		await item.getByRole('button', { name: 'Oznacz jako podpisaną i uruchom pakiet' }).click();
		const signed = operator.getByRole('status').filter({ hasText: `Umowa ${contract} podpisana` });
		await expect.poll(() => signed.count(), WAIT).toBe(1);
		const invoice = /FV\/2027\/01\/\d{4}/.exec(await signed.innerText())![0];

		// /urzad: Pakiet 2 in force from today; a change offers the other packages, not the one in force.
		await page.goto(`${server.url}/urzad`);
		await packageFacts(page).waitFor(WAIT);
		const facts = await packageFacts(page).innerText();
		expect(facts).toMatch(/Pakiet 2\s+aktywny/);
		expect(facts).toMatch(/Od\s+1 stycznia 2027/);
		// The first invoice, for January, at Pakiet 2's list price.
		expect(await page.locator('tr', { hasText: invoice }).innerText()).toContain('5 500,00 zł');
		await packageBox(page)
			.getByText(/^Zmień pakiet/)
			.click();
		const options = await packageBox(page)
			.getByRole('radio')
			.evaluateAll((r) => r.map((x) => (x as HTMLInputElement).value));
		expect(options).toContain('pakiet3');
		expect(options).not.toContain('pakiet2');
		expect(await fitsScreen(page)).toBe(true);
		await expectNoAxeViolations(page);
	}, 240_000);

	it('on 1 January 2027 Wiskitki has Pakiet 2 in force, the ordered change done', async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		await packageFacts(page).waitFor(WAIT);
		const facts = await packageFacts(page).innerText();
		expect(facts).toMatch(/Pakiet 2\s+aktywny/);
		expect(facts).not.toContain('Zamówiona zmiana');
		expect(
			await packageBox(page)
				.getByRole('button', { name: /Wycofaj zmianę pakietu/ })
				.count()
		).toBe(0);
	}, 60_000);
});
