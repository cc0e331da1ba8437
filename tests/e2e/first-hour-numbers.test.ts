import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	hasPdftotext,
	laptop,
	logIn,
	openBrowser,
	pdfText,
	phone,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

let server: Server;
let browser: TestBrowser;
const num = (text: string) => Number(text.replace(/\s/g, ''));
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Today in Warsaw, as the server counts it: "2026-12-02". */
const warsawToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

describe.skipIf(!hasChromium)('honest numbers in the first hour', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('the municipality page: persons never above views, the same numbers in JSON and CSV', async () => {
		const page = await browser.newPage(laptop);
		await page.goto(`${server.url}/grupy/wiskitki`);
		const rows = page.getByRole('region', { name: 'Miesiąc po miesiącu' }).locator('tbody tr');
		await expect.poll(() => rows.count(), WAIT).toBe(12);
		const shown: { views: number; persons: number }[] = [];
		for (const row of await rows.all()) {
			const views = num(await row.locator('td[data-label="Wyświetlenia"]').innerText());
			const persons = num(await row.locator('td[data-label="Osoby"]').innerText());
			expect(persons).toBeLessThanOrEqual(views);
			shown.push({ views, persons });
		}
		const json = await (await page.request.get(`${server.url}/pliki/statystyki/wiskitki.json`)).json();
		const months = [...json.months].reverse() as { month: string; views: number; uniqueViewers: number }[];
		expect(months.map((m) => ({ views: m.views, persons: m.uniqueViewers }))).toEqual(shown);
		const csv = (await (await page.request.get(`${server.url}/pliki/statystyki/wiskitki.csv`)).text())
			.trim()
			.split('\r\n');
		for (const m of months) {
			const line = csv.find((l) => l.startsWith(`${m.month};`))!.split(';');
			expect([Number(line[4]), Number(line[5])]).toEqual([m.views, m.uniqueViewers]);
		}
		// Readers come back: a month with views has fewer persons than views.
		expect(months.filter((m) => m.views > 0).every((m) => m.uniqueViewers < m.views)).toBe(true);
	}, 120_000);

	for (const [name, viewport] of [
		['a laptop', laptop],
		['a phone', phone]
	] as const) {
		it(`charts on ${name}: a title, axis values, the month in progress marked, the values as text`, async () => {
			const page = await browser.newPage(viewport);
			await page.goto(`${server.url}/grupy/wiskitki`);
			const today = warsawToday();
			const note = `do ${Number(today.slice(8, 10))} ${roman[Number(today.slice(5, 7)) - 1]}`;
			for (const [id, title] of [
				['views-chart', 'Wyświetlenia postów miesięcznie'],
				['members-chart', 'Członkowie grupy na koniec miesiąca']
			]) {
				const chart = page.getByRole('img', { name: title });
				await chart.waitFor(WAIT);
				expect(await page.locator(`figure:has([data-chart="${id}"]) figcaption`).innerText()).toBe(title);
				const ticks = await chart.locator('text[data-tick]').allTextContents();
				expect(ticks.length).toBeGreaterThanOrEqual(3);
				expect(ticks[0]).toBe('0');
				expect(ticks.slice(1).every((t) => num(t) > 0)).toBe(true);
				expect(await chart.locator('rect[data-partial="true"]').count()).toBe(1);
				expect(await chart.innerHTML()).toContain(note);
				const described = await chart.getAttribute('aria-describedby');
				const text = await page.locator(`[id="${described}"]`).textContent();
				expect(text).toContain(`(miesiąc w toku, ${note})`);
				expect(text!.split(';').length).toBe(12);
			}
			expect(await page.getByText('miesiąc w toku', { exact: false }).first().isVisible()).toBe(true);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		}, 120_000);

		it(`/potencjal fits ${name} without sideways scrolling`, async () => {
			const page = await browser.newPage(viewport);
			await page.goto(`${server.url}/potencjal`);
			await page.locator('table').waitFor(WAIT);
			const fits = await page.evaluate(() => {
				const doc = document.documentElement;
				const box = document.querySelector('table')!.parentElement!;
				return {
					page: doc.scrollWidth <= doc.clientWidth,
					table: box.scrollWidth <= box.clientWidth
				};
			});
			expect(fits).toEqual({ page: true, table: true });
			await expectNoAxeViolations(page);
		}, 60_000);
	}

	it('the coordinator: the package from a signed contract, paid invoices with dates, KSeF states, no dead-end order', async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		const contracts = page.getByRole('region', { name: 'Umowy' });
		await contracts.waitFor(WAIT);
		const text = await contracts.innerText();
		expect(text).not.toContain('Nie ma jeszcze umów');
		expect(text).toMatch(/UM\/\d{4}\/\d{4} · Wiskitki – forum mieszkańców gminy · od 01\.\d{2}\.\d{4} · podpisana/);
		expect(await page.getByRole('link', { name: 'Zamów pakiet' }).count()).toBe(0);
		expect(text).toContain('Kolejny pakiet zamówisz po zakończeniu obecnego');

		const rows = await page.getByRole('region', { name: 'Faktury' }).locator('tbody tr').all();
		expect(rows.length).toBeGreaterThanOrEqual(6);
		const [current, ...older] = rows;
		expect(await current.locator('td[data-label="Płatność"]').innerText()).toBe('do zapłaty');
		expect(await current.locator('td[data-label="KSeF"]').innerText()).toBe('do wysłania');
		for (const row of older) {
			const issued = await row.locator('td[data-label="Wystawiona"]').innerText();
			expect(await row.locator('td[data-label="Płatność"]').innerText()).toMatch(/^✓ zapłacona \d{2}\.\d{2}\.\d{4}$/);
			const ksef = await row.locator('td[data-label="KSeF"]').innerText();
			expect(ksef).toMatch(/^przyjęta\s+1181610440-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/);
			expect(issued.length).toBeGreaterThan(0);
		}
		await expectNoAxeViolations(page);

		// The invoice prints the demo's account as fictitious.
		if (hasPdftotext) {
			const href = await current.getByRole('link', { name: /^PDF/ }).getAttribute('href');
			const pdf = pdfText(await (await page.request.get(`${server.url}${href}`)).body());
			expect(pdf.replace(/\s+/g, ' ')).toContain(
				'04 0000 0000 0000 0000 0000 0000 — konto fikcyjne — tryb demonstracyjny'
			);
		}
	}, 120_000);

	it('the operator sees that the seller account is the demo one; a wrong account number is refused and changes nothing', async () => {
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'operator@tablica.test');
		await page.goto(`${server.url}/admin/faktury`, { waitUntil: 'networkidle' });
		expect(await page.locator('#seller-account-fictitious').innerText()).toContain('konto fikcyjne');
		const account = page.getByLabel('Numer rachunku');
		expect(await account.inputValue()).toBe('');
		await account.fill('PL 05 0000 0000 0000 0000 0000 0000');
		await page.getByRole('button', { name: 'Zapisz dane sprzedawcy' }).click();
		await expect.poll(() => page.locator('body').innerText(), WAIT).toContain('To nie jest poprawny numer rachunku');
		await page.goto(`${server.url}/admin/faktury`, { waitUntil: 'networkidle' });
		expect(await page.locator('#seller-account-fictitious').count()).toBe(1);
	}, 120_000);
});
