import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let coordinator: Page;
const problems: Record<string, string[]> = {};

/** Runs axe on the page as it is now; violations are collected under a name and checked at the end. */
async function audit(name: string) {
	const found = await axeViolations(coordinator);
	if (found.length) problems[name] = found;
}

/** The tree's entry of a sołectwo or osiedle, with its localities. */
const area = (name: string) =>
	coordinator
		.locator('ul.tree > li')
		.filter({ has: coordinator.locator('strong', { hasText: new RegExp(`^${name}$`) }) });
const status = () => coordinator.getByRole('status');
const summary = () => coordinator.locator('main p.muted').first().innerText();

describe.skipIf(!hasChromium)('the coordinator edits the places of the municipality', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
		coordinator = await context.newPage();
		await logIn(coordinator, server.url, 'koordynator@wiskitki.test');
	}, 240_000);
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	it('opens the list from the office panel: the demo’s sołectwa and localities', async () => {
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator.getByRole('link', { name: 'Sołectwa i miejscowości grupy Wiskitki' }).click();
		await coordinator.waitForURL(/\/urzad\/miejsca\?grupa=wiskitki$/, { timeout: 30_000 });
		await expect.poll(() => coordinator.getByRole('heading', { level: 1 }).innerText()).toBe('Sołectwa i miejscowości');
		expect(await summary()).toContain('38 sołectw lub osiedli i 46 miejscowości');
		expect(await area('Babskie Budy').innerText()).toContain('Babski Borek');
		await audit('list');
	});

	it('adds a sołectwo and a locality in it', async () => {
		await coordinator.getByLabel('Rodzaj').selectOption({ label: 'sołectwo' });
		await coordinator.getByLabel(/^Nazwa/).fill('Podgórze');
		await coordinator.getByRole('button', { name: 'Dodaj', exact: true }).click();
		await expect.poll(() => status().allInnerTexts()).toContain('Dodano: sołectwo Podgórze.');

		await coordinator.getByLabel('Rodzaj').selectOption({ label: 'miejscowość' });
		await coordinator.getByLabel(/^Nazwa/).fill('Podgórze Górne');
		await coordinator.getByLabel('Sołectwo lub osiedle miejscowości').selectOption({ label: 'sołectwo Podgórze' });
		await coordinator.getByRole('button', { name: 'Dodaj', exact: true }).click();
		await expect.poll(() => status().allInnerTexts()).toContain('Dodano: Podgórze Górne (sołectwo Podgórze).');
		await expect.poll(() => area('Podgórze').innerText()).toContain('Podgórze Górne');
	});

	it('refuses a CSV with an error, naming its line, and imports nothing; then imports a 2-row file', async () => {
		await coordinator.getByLabel('albo wklej wiersze').fill('Podgórze;Podgórze Dolne\n\nPodgórze;Zagórze;gmina\n');
		await coordinator.getByRole('button', { name: 'Importuj' }).click();
		await expect
			.poll(() => coordinator.getByRole('alert').allInnerTexts())
			.toEqual([expect.stringContaining('nic nie zaimportowano')]);
		expect(await coordinator.locator('#f-csv-error').innerText()).toContain('wiersz 3: rodzaj „gmina”');
		expect(await area('Podgórze').innerText()).not.toContain('Podgórze Dolne');
		await audit('import error');

		await coordinator.getByLabel('albo wklej wiersze').fill('');
		await coordinator.getByLabel('Plik CSV').setInputFiles({
			name: 'miejscowosci.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('sołectwo;miejscowość\r\nPodgórze;Podgórze Dolne\r\n;Zagórze\r\n', 'utf8')
		});
		await coordinator.getByRole('button', { name: 'Importuj' }).click();
		await expect.poll(() => status().allInnerTexts()).toContain('Import zakończony. Dodano 2 miejscowości.');
		await expect.poll(() => area('Podgórze').innerText()).toContain('Podgórze Dolne');
		expect(await coordinator.locator('ul.tree').last().innerText()).toContain('Zagórze');
		expect(await summary()).toContain('39 sołectw lub osiedli i 49 miejscowości, w tym 1 miejscowość bez sołectwa');
	});

	it('moves the loose locality into the new sołectwo', async () => {
		await coordinator.getByRole('link', { name: /^Zmień\W+Zagórze$/ }).click();
		await expect.poll(() => coordinator.getByRole('heading', { name: 'Zmień: Zagórze' }).count()).toBe(1);
		await audit('edit form');
		await coordinator.getByLabel('Sołectwo lub osiedle', { exact: true }).selectOption({ label: 'sołectwo Podgórze' });
		await coordinator.getByRole('button', { name: 'Zapisz' }).click();
		await expect.poll(() => status().allInnerTexts()).toContain('Zapisano: Zagórze (sołectwo Podgórze).');
		await expect.poll(() => area('Podgórze').innerText()).toContain('Zagórze');
		await coordinator.getByRole('link', { name: 'Zamknij' }).click();
		await expect.poll(() => coordinator.getByRole('heading', { name: /^Zmień:/ }).count()).toBe(0);
	});

	it('merges two places after a confirmation that says what will happen', async () => {
		await coordinator
			.getByLabel('Miejsce, które zniknie')
			.selectOption({ label: 'Podgórze Dolne (sołectwo Podgórze)' });
		await coordinator
			.getByLabel('Miejsce, które zostaje')
			.selectOption({ label: 'Podgórze Górne (sołectwo Podgórze)' });
		await coordinator.getByRole('button', { name: 'Dalej: sprawdź, co się stanie' }).click();
		const confirm = coordinator.getByRole('heading', { name: 'Sprawdź i potwierdź połączenie' });
		await expect.poll(() => confirm.count()).toBe(1);
		await expect.poll(() => coordinator.evaluate(() => document.activeElement?.id)).toBe('h-merge-confirm');
		const text = await coordinator.locator('.confirm').innerText();
		expect(text).toContain('Wpis Podgórze Dolne (sołectwo Podgórze) zniknie z listy');
		expect(text).toContain('0 osób obserwujących');
		expect(text).toContain('Połączenia nie da się cofnąć.');
		await audit('merge confirmation');
		await coordinator.getByRole('button', { name: 'Połącz: „Podgórze Dolne” → „Podgórze Górne”' }).click();
		await expect
			.poll(() => status().allInnerTexts())
			.toContain(
				'Połączono: wpis „Podgórze Dolne” zniknął z listy, a to, co do niego należało, przeszło do: Podgórze Górne (sołectwo Podgórze).'
			);
		await expect.poll(() => area('Podgórze').innerText()).not.toContain('Podgórze Dolne');
	});

	it("sets a unit's place on the unit page", async () => {
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator.getByRole('link', { name: 'Sołtys sołectwa Guzów' }).click();
		await coordinator.waitForURL(/\/urzad\/jednostki\/\d+$/, { timeout: 30_000 });
		await coordinator.getByRole('combobox', { name: 'Miejsce jednostki' }).selectOption({ label: 'sołectwo Guzów' });
		await coordinator.getByRole('button', { name: 'Zapisz miejsce' }).click();
		await expect.poll(() => status().allInnerTexts()).toContain('Zapisano miejsce jednostki: sołectwo Guzów.');
		await audit('unit page');
	});

	it('the tree shows every change, and axe finds nothing on any state of the page', async () => {
		await coordinator.goto(`${server.url}/urzad/miejsca?grupa=wiskitki`);
		await expect.poll(() => area('Podgórze').count()).toBe(1);
		const podgorze = await area('Podgórze').innerText();
		expect(podgorze).toContain('Podgórze Górne');
		expect(podgorze).toContain('Zagórze');
		expect(podgorze).not.toContain('Podgórze Dolne');
		expect(await area('Guzów').innerText()).toContain('Jednostka: Sołtys sołectwa Guzów');
		expect(await summary()).toContain('39 sołectw lub osiedli i 48 miejscowości.');
		await audit('list after the changes');
		expect(problems).toEqual({});
	});
});
