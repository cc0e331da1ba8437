import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	logIn,
	openBrowser,
	phone,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';
import { formatDate } from '../../src/lib/format';

// Issue 17, selling Pakiet 2 and 3: the demo's Wiskitki keeps Pakiet 1 with Pakiet 2 ordered from
// 1 January 2027. The coordinator sees the pending change at /urzad, withdraws it and orders
// Pakiet 3 instead, on a phone, with the keyboard-reachable forms checked by axe.

let server: Server;
let browser: TestBrowser;

// Wiskitki's periods start on the 1st: the next one, but Pakiet 2 and 3 not before 1 January 2027.
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
const [y, m] = today.split('-').map(Number);
const nextPeriod = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
const from = nextPeriod > '2027-01-01' ? nextPeriod : '2027-01-01';
const fromText = formatDate(from);

describe.skipIf(!hasChromium)('changing the package at /urzad', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('the coordinator sees Pakiet 1 with Pakiet 2 ordered, withdraws it and orders Pakiet 3 for the next period', async () => {
		const page = await browser.newPage(phone);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/urzad`);
		const packageBox = page.getByRole('region', { name: 'Pakiet' });
		const facts = packageBox.locator('dl.facts').first();
		await facts.waitFor(WAIT);
		expect(await facts.innerText()).toMatch(/Pakiet 1\s+aktywny/);
		expect(await facts.innerText()).toMatch(new RegExp(`Zamówiona zmiana\\s+na Pakiet nr 2 od ${fromText}`));
		await expectNoAxeViolations(page);
		expect(await fitsScreen(page)).toBe(true);

		await packageBox.getByRole('button', { name: /Wycofaj zmianę pakietu/ }).click();
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'Wycofano zamówioną zmianę pakietu.' }).count(), WAIT)
			.toBe(1);
		expect(await packageBox.locator('dl.facts').first().innerText()).not.toContain('Zamówiona zmiana');

		await packageBox.getByText(/^Zmień pakiet/).click();
		await packageBox.getByLabel(/Pakiet nr 3 – 7 200,00 zł brutto miesięcznie/).check();
		await expectNoAxeViolations(page);
		await packageBox.getByRole('button', { name: 'Zamawiam zmianę pakietu' }).click();
		await expect
			.poll(
				() =>
					page
						.getByRole('status')
						.filter({ hasText: `Zamówiono zmianę na Pakiet nr 3 od ${fromText}.` })
						.count(),
				WAIT
			)
			.toBe(1);
		expect(await packageBox.locator('dl.facts').first().innerText()).toMatch(
			new RegExp(`Zamówiona zmiana\\s+na Pakiet nr 3 od ${fromText}`)
		);
	}, 120_000);
});
