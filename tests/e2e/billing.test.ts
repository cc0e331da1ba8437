import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	axeViolations,
	hasChromium,
	hasPdftotext,
	launchBrowser,
	logIn,
	pdfText,
	startServer,
	type Server
} from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let operator: Page;
const problems: Record<string, string[]> = {};

async function audit(page: Page) {
	const found = await axeViolations(page);
	if (found.length) problems[new URL(page.url()).pathname] = found;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

describe.skipIf(!hasChromium)('billing in the browser: order → contract → signed → first invoice', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
		operator = await context.newPage();
		await logIn(operator, server.url, 'operator@tablica.test');
	}, 240_000);
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	let contractNumber = '';

	// The demo's Radziejowice runs a Pakiet 3 pilot and Puszcza Mariańska is ordered below: the operator
	// first opens a group for Mszczonów, which has none.
	it('the operator opens a group for Mszczonów and orders Pakiet 1 for it; a wrong NIP is refused first', async () => {
		await operator.goto(`${server.url}/admin`, { waitUntil: 'networkidle' });
		await operator.getByLabel(/^Kod TERYT gminy/).fill('1438023');
		await operator.getByLabel(/^Nazwa grupy/).fill('Mszczonów – forum mieszkańców gminy');
		await operator.getByLabel(/^Adres \(w linku/).fill('mszczonow');
		await operator.getByLabel(/^Pytanie dla kandydatów/).fill('Z jakiej miejscowości w gminie Mszczonów jesteś?');
		await operator.getByRole('button', { name: 'Utwórz grupę' }).click();
		await operator.waitForURL(/\/g\/mszczonow$/, { timeout: 30_000 });
		await operator.goto(`${server.url}/urzad/zamowienie?grupa=mszczonow`, { waitUntil: 'networkidle' });
		await operator.getByLabel('Grupa').selectOption('mszczonow');
		await operator.getByLabel(/miesięczny, bez zobowiązania/).check();
		await operator.getByLabel(/^Nazwa urzędowa/).fill('Gmina Mszczonów');
		await operator.getByLabel(/^NIP/).fill('838-000-00-00');
		await operator.getByLabel(/^REGON/).fill('013269002');
		await operator.getByLabel(/^Ulica i numer/).fill('ul. Grójecka 45');
		await operator.getByLabel(/^Kod pocztowy/).fill('96-320');
		await operator.getByLabel(/^Miejscowość/).fill('Mszczonów');
		await operator.getByLabel(/^Osoba do kontaktu/).fill('Jan Sekretarz');
		await operator.getByLabel(/^E-mail/).fill('sekretariat@mszczonow.test');
		await operator.getByLabel(/^Pierwsze jednostki/).fill('Urząd Miejski w Mszczonowie\nOSP Mszczonów');
		await operator.getByRole('button', { name: 'Zamawiam i pobieram umowę' }).click();
		await expect.poll(() => operator.getByRole('alert').first().innerText()).toContain('NIP');
		await audit(operator);
		await operator.getByLabel(/^NIP/).fill('526-000-12-46');
		await operator.getByLabel(/^Początek/).fill(today());
		await operator.getByRole('button', { name: 'Zamawiam i pobieram umowę' }).click();
		const status = operator.getByRole('status').filter({ hasText: 'Przygotowaliśmy umowę' });
		await expect.poll(() => status.count()).toBe(1);
		contractNumber = /UM\/\d{4}\/\d{4}/.exec(await status.innerText())![0];
		const href = await status.getByRole('link', { name: 'Pobierz umowę (PDF)' }).getAttribute('href');
		const res = await operator.request.get(`${server.url}${href}`);
		expect(res.headers()['content-type']).toBe('application/pdf');
		if (hasPdftotext) {
			const text = pdfText(await res.body());
			expect(text).toContain(contractNumber);
			expect(text).toContain('Gmina Mszczonów');
			expect(text).toContain('3 850,00 zł brutto miesięcznie');
			expect(text).toContain('OSP Mszczonów');
		}
	});

	it('the operator marks it signed with the scan: the package starts and the first invoice is issued', async () => {
		await operator.goto(`${server.url}/admin/umowy`, { waitUntil: 'networkidle' });
		await audit(operator);
		await operator.getByLabel(`Skan podpisanej umowy ${contractNumber} (PDF, JPEG, PNG)`).setInputFiles({
			name: 'umowa.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('%PDF-1.4\n% podpisana\n%%EOF\n')
		});
		await operator.getByRole('button', { name: 'Oznacz jako podpisaną i uruchom pakiet' }).click();
		const done = operator.getByRole('status').filter({ hasText: `Umowa ${contractNumber} podpisana` });
		await expect.poll(() => done.count()).toBe(1);
		const invoiceNumber = /FV\/\d{4}\/\d{2}\/\d{4}/.exec(await done.innerText())![0];
		// The municipality's panel: the package, the contract and its invoice.
		await operator.goto(`${server.url}/urzad?gmina=1438023`);
		await audit(operator);
		expect(await operator.getByText('aktywny').count()).toBeGreaterThan(0);
		const row = operator.locator('tr', { hasText: invoiceNumber });
		expect(await row.innerText()).toContain('3 850,00 zł');
		const pdf = await operator.request.get(
			`${server.url}${await row.getByRole('link', { name: /^PDF/ }).getAttribute('href')}`
		);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		if (hasPdftotext) {
			const text = pdfText(await pdf.body());
			for (const needle of [
				invoiceNumber,
				'NIP: 526-000-12-46',
				'NIP: 118-161-04-40',
				'3 130,08',
				'719,92',
				'3 850,00 zł'
			])
				expect(text).toContain(needle);
		}
		const xml = await (
			await operator.request.get(`${server.url}${await row.getByRole('link', { name: /^XML/ }).getAttribute('href')}`)
		).text();
		expect(xml).toContain(`<P_2>${invoiceNumber}</P_2>`);
		expect(xml).toContain('<NIP>5260001246</NIP>');
		// Somebody else's coordinator may not download it.
		const other = await browser.newContext();
		const page = await other.newPage();
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		expect(
			(
				await page.request.get(`${server.url}${await row.getByRole('link', { name: /^PDF/ }).getAttribute('href')}`)
			).status()
		).toBe(403);
		await other.close();
	});

	it('the operator sees it in Rozliczenia, records the payment and the KSeF number', async () => {
		await operator.goto(`${server.url}/admin/faktury`, { waitUntil: 'networkidle' });
		await audit(operator);
		const item = operator.locator('li', { hasText: 'Gmina Mszczonów' }).first();
		await item.getByRole('button', { name: 'Zapisz zapłatę' }).click();
		await expect.poll(() => operator.getByRole('status').first().innerText()).toContain('Zapisano zapłatę');
		await operator
			.locator('li', { hasText: 'Gmina Mszczonów' })
			.first()
			.getByLabel(/^Numer KSeF/)
			.fill('zły numer');
		await operator
			.locator('li', { hasText: 'Gmina Mszczonów' })
			.first()
			.getByRole('button', { name: 'Zapisz numer' })
			.click();
		await expect
			.poll(() => operator.locator('li', { hasText: 'Gmina Mszczonów' }).first().innerText())
			.toContain('Sprawdź numer KSeF');
		expect(await operator.locator('li', { hasText: 'Gmina Mszczonów' }).first().innerText()).toContain('zapłacona');
		expect(problems).toEqual({});
	});

	// Issue 16: the units an order names wait for the contract at /urzad, then publish. Signing needs the
	// seller's bank account, which the demo seed sets (`setDemoSeller`).
	const orderedUnits = ['Urząd Gminy Puszcza Mariańska', 'OSP Bartniki', 'Gminna Biblioteka Publiczna w Bartnikach'];
	let coordinator: Page;
	let unitsContract = '';
	const publicUnits = async () =>
		(
			(await (await fetch(`${server.url}/api/v1/groups/puszcza-marianska/units`)).json()) as {
				items: { name: string; publishing: boolean }[];
			}
		).items.filter((u) => orderedUnits.includes(u.name));

	it('the coordinator of Puszcza Mariańska, which has no package, orders Pakiet 1 naming its first units', async () => {
		const own = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
		coordinator = await own.newPage();
		await coordinator.goto(`${server.url}/rejestracja`, { waitUntil: 'networkidle' });
		await coordinator.getByLabel('Imię i nazwisko').fill('Olga Sekretarz');
		await coordinator.getByLabel('Adres e-mail').fill('sekretariat@puszcza.test');
		await coordinator.getByLabel('Hasło').fill('haslo-urzedu-2026');
		await coordinator.getByRole('checkbox', { name: /Akceptuję regulamin grup/ }).check();
		await coordinator.getByRole('button', { name: 'Załóż konto' }).click();
		await expect.poll(() => coordinator.getByRole('status').filter({ hasText: 'Sprawdź skrzynkę' }).count()).toBe(1);
		await operator.goto(`${server.url}/admin/grupy/puszcza-marianska`, { waitUntil: 'networkidle' });
		await operator.getByLabel('E-mail konta koordynatora').fill('sekretariat@puszcza.test');
		await operator.getByRole('button', { name: 'Dodaj koordynatora' }).click();
		await expect.poll(() => operator.getByRole('status').filter({ hasText: 'Dodano koordynatora.' }).count()).toBe(1);

		await logIn(coordinator, server.url, 'sekretariat@puszcza.test', 'haslo-urzedu-2026');
		expect(new URL(coordinator.url()).pathname).toBe('/urzad');
		expect(await coordinator.getByRole('heading', { level: 1 }).innerText()).toContain('Puszcza Mariańska');
		expect(await publicUnits()).toEqual([]);
		await coordinator.goto(`${server.url}/urzad/zamowienie`, { waitUntil: 'networkidle' });
		await coordinator.getByLabel('Grupa').selectOption('puszcza-marianska');
		await coordinator.getByLabel(/miesięczny, bez zobowiązania/).check();
		await coordinator.getByLabel(/^Nazwa urzędowa/).fill('Gmina Puszcza Mariańska');
		await coordinator.getByLabel(/^NIP/).fill('838-166-00-09');
		await coordinator.getByLabel(/^REGON/).fill('013269108');
		await coordinator.getByLabel(/^Ulica i numer/).fill('ul. Stanisława Papczyńskiego 1');
		await coordinator.getByLabel(/^Kod pocztowy/).fill('96-330');
		await coordinator.getByLabel(/^Miejscowość/).fill('Puszcza Mariańska');
		await coordinator.getByLabel(/^Osoba do kontaktu/).fill('Olga Sekretarz');
		await coordinator.getByLabel(/^E-mail/).fill('sekretariat@puszcza.test');
		await coordinator.getByLabel(/^Początek/).fill(today());
		await coordinator.getByLabel(/^Pierwsze jednostki/).fill(orderedUnits.join('\n'));
		await coordinator.getByRole('button', { name: 'Zamawiam i pobieram umowę' }).click();
		const placed = coordinator.getByRole('status').filter({ hasText: 'Przygotowaliśmy umowę' });
		await expect.poll(() => placed.count()).toBe(1);
		unitsContract = /UM\/\d{4}\/\d{4}/.exec(await placed.innerText())![0];
	}, 120_000);

	it('the units wait at /urzad for the contract, marked, with no publishing switch, and do not publish', async () => {
		await coordinator.goto(`${server.url}/urzad`);
		for (const name of orderedUnits) {
			const row = coordinator.locator('tr', { hasText: name });
			expect(await row.innerText(), name).toContain(`czeka na podpisanie umowy ${unitsContract}`);
			expect(await row.getByRole('switch', { name: /Publikuje bez akceptacji/ }).count(), name).toBe(0);
			expect(await row.getByRole('switch', { name: /Może wysyłać komunikaty pilne/ }).count(), name).toBe(1);
		}
		expect(await axeViolations(coordinator)).toEqual([]);
		const units = await publicUnits();
		expect(units.map((u) => u.name).sort()).toEqual([...orderedUnits].sort());
		expect(units.every((u) => !u.publishing)).toBe(true);
	}, 120_000);

	it('the operator signs the contract: the units lose the mark and publish without approval', async () => {
		await operator.goto(`${server.url}/admin/umowy`, { waitUntil: 'networkidle' });
		const item = operator.locator('li', { hasText: unitsContract });
		await item.getByLabel(`Skan podpisanej umowy ${unitsContract} (PDF, JPEG, PNG)`).setInputFiles({
			name: 'umowa.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('%PDF-1.4\n% podpisana\n%%EOF\n')
		});
		await item.getByRole('button', { name: 'Oznacz jako podpisaną i uruchom pakiet' }).click();
		await expect
			.poll(() =>
				operator
					.getByRole('status')
					.filter({ hasText: `Umowa ${unitsContract} podpisana` })
					.count()
			)
			.toBe(1);
		await coordinator.goto(`${server.url}/urzad`);
		for (const name of orderedUnits) {
			const row = coordinator.locator('tr', { hasText: name });
			expect(await row.innerText(), name).not.toContain('czeka na podpisanie umowy');
			const toggle = row.getByRole('switch', { name: /Publikuje bez akceptacji/ });
			expect(await toggle.getAttribute('aria-checked'), name).toBe('true');
		}
		const units = await publicUnits();
		expect(units).toHaveLength(orderedUnits.length);
		expect(units.every((u) => u.publishing)).toBe(true);
		await coordinator.context().close();
	}, 120_000);
});
