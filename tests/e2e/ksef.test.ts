import path from 'node:path';
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
import { startKsefTestServer, type KsefTestServer } from '../../src/lib/server/testing/ksef-test-server';

let server: Server;
let ksef: KsefTestServer;
let browser: Browser;
let context: BrowserContext;
let operator: Page;

const invoices = () => operator.locator('section[aria-labelledby="h-invoices"] li.card');

describe.skipIf(!hasChromium)('KSeF in the browser: the operator connects, the job sends, the screen follows', () => {
	beforeAll(async () => {
		ksef = await startKsefTestServer({
			referenceDataDir: process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data')
		});
		server = await startServer({ env: { KSEF_SECRET_KEY: 'klucz-testowy-e2e-ksef-0123456789' } });
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
		operator = await context.newPage();
		await logIn(operator, server.url, 'operator@tablica.test');
	}, 240_000);
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
		await ksef?.close();
	});

	it('without a token the invoices wait and the page says how to connect; a bad token is refused', async () => {
		await operator.goto(`${server.url}/admin/faktury`, { waitUntil: 'networkidle' });
		await expect.poll(() => operator.locator('#ksef-not-configured').innerText()).toContain('nie jest skonfigurowana');
		expect(await invoices().filter({ hasText: 'KSeF: do wysłania' }).count()).toBeGreaterThan(0);
		await operator.getByLabel('Środowisko KSeF').selectOption('TE');
		await operator.getByLabel(/^Token KSeF/).fill('za krótki');
		await operator.getByRole('button', { name: 'Zapisz ustawienia KSeF' }).click();
		await expect
			.poll(() => operator.locator('form[action="?/ksefSettings"]').innerText(), { timeout: 30_000 })
			.toContain('To nie wygląda na token KSeF');
		expect(await operator.locator('#ksef-not-configured').count()).toBe(1);
		expect(await axeViolations(operator)).toEqual([]);
	});

	it('with the token saved the job sends the waiting invoices and each one shows its KSeF number without a reload', async () => {
		const numbers = await invoices()
			.filter({ hasText: 'KSeF: do wysłania' })
			.evaluateAll((items) => items.map((li) => li.querySelector('strong')!.textContent!.trim()));
		expect(numbers.length).toBeGreaterThan(0);
		await operator.getByLabel(/^Inny adres API/).fill(ksef.url);
		await operator.getByLabel(/^Token KSeF/).fill(ksef.token);
		await operator.getByRole('button', { name: 'Zapisz ustawienia KSeF' }).click();
		await expect
			.poll(() => operator.locator('#h-ksef + p').innerText(), { timeout: 30_000 })
			.toContain(`kończący się na „${ksef.token.slice(-4)}”`);
		// The token never comes back to the page.
		expect(await operator.content()).not.toContain(ksef.token);
		// The background job (every 30 s) sends them; the page follows on its own.
		const stateOf = (number: string) =>
			invoices()
				.filter({ has: operator.getByText(number, { exact: true }) })
				.locator('.ksef-state')
				.innerText();
		for (const number of numbers)
			await expect
				.poll(() => stateOf(number), { timeout: 120_000 })
				.toMatch(/^KSeF: przyjęta 1181610440-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/);
		expect(await invoices().filter({ hasText: 'KSeF: do wysłania' }).count()).toBe(0);
		expect(await operator.locator('#ksef-pending').innerText()).toContain('Żadna faktura nie czeka na KSeF');
		for (const number of numbers)
			expect(ksef.invoices.filter((i) => i.xml.includes(`<P_2>${number}</P_2>`)).map((i) => i.status.code)).toEqual([
				200
			]);

		const item = invoices().filter({ has: operator.getByText(numbers[0], { exact: true }) });
		const ksefNumber = /KSeF: przyjęta (\S+)/.exec(await item.locator('.ksef-state').innerText())![1];
		const pdf = await operator.request.get(
			`${server.url}${await item.getByRole('link', { name: /^PDF/ }).getAttribute('href')}`
		);
		expect(pdf.status()).toBe(200);
		if (hasPdftotext) {
			const text = pdfText(await pdf.body());
			expect(text).toContain('KOD I');
			expect(text).toContain(ksefNumber);
			expect(text).toContain('https://qr-test.ksef.mf.gov.pl/invoice/1181610440/');
		}
		const xml = await operator.request.get(
			`${server.url}${await item.getByRole('link', { name: /^XML/ }).getAttribute('href')}`
		);
		expect(ksef.invoices.map((i) => i.xml)).toContain(await xml.text());
		expect(await axeViolations(operator)).toEqual([]);
	}, 180_000);
});
