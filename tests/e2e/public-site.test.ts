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

const publicPages = [
	'/',
	'/oferta',
	'/regulamin',
	'/o-api',
	'/grupy',
	'/grupy?woj=mazowieckie',
	'/grupy/wiskitki',
	'/zasiegi',
	'/zasiegi?okres=7&gmina=wiskitki',
	'/potencjal',
	'/o-nas',
	'/kontakt',
	'/polityka-prywatnosci',
	'/pliki',
	'/przejrzystosc'
];

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
	const ctx = await browser.newContext({ viewport, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

describe.skipIf(!hasChromium)('the public website', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
	}, 240_000);
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	for (const [name, viewport] of [
		['a phone', { width: 390, height: 844 }],
		['a desktop', { width: 1280, height: 900 }]
	] as const) {
		it(`every public page renders on ${name} with the header search and the footer, and has no axe violations`, async () => {
			const page = await newPage(viewport);
			const problems: Record<string, string[]> = {};
			for (const p of publicPages) {
				const res = await page.goto(`${server.url}${p}`);
				expect(res?.status(), p).toBe(200);
				expect(await page.getByRole('combobox', { name: 'Wpisz nazwę gminy' }).count(), p).toBe(1);
				expect(await page.getByRole('contentinfo').innerText(), p).toContain('NIP: 118-161-04-40');
				// Nothing overflows sideways on a phone.
				expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), p).toBe(true);
				const found = await axeViolations(page);
				if (found.length) problems[p] = found;
			}
			expect(problems).toEqual({});
		}, 180_000);
	}

	it('the offer has every section of the seed, corrected, with live numbers and the documents', async () => {
		const page = await newPage({ width: 1280, height: 900 });
		await page.goto(`${server.url}/oferta`, { waitUntil: 'networkidle' });
		const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
		for (const h of [
			'Cel i zastosowanie usługi',
			'Zakres pakietu',
			'Korzyści dla gminy i mieszkańców',
			'Kto może publikować',
			'Zasady działania',
			'Co można publikować',
			'Wsparcie techniczne i administracyjne',
			'Bezpieczeństwo i zasady funkcjonowania grup',
			'Model współpracy',
			'Podsumowanie pakietu',
			'Jak wygląda wdrożenie',
			'Cena pakietu',
			'Pozostałe pakiety',
			'Materiały do pobrania',
			'Realny zasięg i aktywność mieszkańców'
		]) {
			expect(headings).toContain(h);
		}
		const text = await page.locator('main').innerText();
		expect(text).toContain('dotyczy grupy „Wiskitki – forum mieszkańców gminy” działającej na terenie gminy Wiskitki');
		expect(text).not.toMatch(/Wisitki|Wisłotki|wariantcie/);
		expect(text).toContain('3 850 zł brutto miesięcznie');
		// The live total of members is the sum of the groups' members shown on /grupy.
		const members = Number(
			(await page.locator('.tiles li', { hasText: 'Członkowie grup' }).locator('.value').innerText()).replace(/\s/g, '')
		);
		const list = await newPage({ width: 1280, height: 900 });
		await list.goto(`${server.url}/grupy`);
		const perGroup = (await list.locator('td[data-label="Członkowie"]').allInnerTexts()).map((t) =>
			Number(t.replace(/\s/g, ''))
		);
		expect(perGroup.length).toBe(3);
		expect(members).toBe(perGroup.reduce((a, b) => a + b, 0));
		// The documents of another municipality.
		await page.getByLabel('Dokumenty i liczby dla gminy').fill('radziejowice');
		await page.getByRole('button', { name: 'Pokaż' }).click();
		await page.waitForURL(/gmina=radziejowice/);
		expect(
			await page
				.getByRole('link', { name: /Pobierz\W+Prezentacja aktywności i zasięgów grupy Radziejowice/ })
				.getAttribute('href')
		).toBe('/pliki/prezentacja/radziejowice.pdf');
		expect(await page.locator('main').innerText()).toContain('działającej na terenie gminy Radziejowice');
	});

	it('the search box suggests municipalities ignoring Polish letters and opens the page; without a suggestion the form searches', async () => {
		const page = await newPage({ width: 390, height: 844 });
		await page.goto(`${server.url}/o-nas`, { waitUntil: 'networkidle' });
		const box = page.getByRole('combobox', { name: 'Wpisz nazwę gminy' });
		await box.fill('mariansk');
		await expect
			.poll(() => page.getByRole('option').allInnerTexts())
			.toEqual([expect.stringContaining('Puszcza Mariańska')]);
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		await box.press('ArrowDown');
		expect(await box.getAttribute('aria-activedescendant')).toBe('szukaj-gminy-opcja-0');
		await box.press('Enter');
		await page.waitForURL(/\/grupy\/puszcza-marianska$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Gmina Puszcza Mariańska');
		// Typed in full and submitted: the municipality's page.
		await box.fill('RADZIEJOWICE');
		await box.press('Enter');
		await page.waitForURL(/\/grupy\/radziejowice$/);
		// A municipality without a group: the list says so and names the municipality found in TERYT.
		await box.fill('Żyrardów');
		await box.press('Enter');
		await page.waitForURL(/\/grupy\?q=/);
		expect(await page.locator('.alert.info').innerText()).toContain('Nie ma jeszcze grupy dla „Żyrardów”');
	});

	it('/grupy filters by voivodeship, /zasiegi switches the period and the municipality', async () => {
		const page = await newPage({ width: 1280, height: 900 });
		await page.goto(`${server.url}/grupy`, { waitUntil: 'networkidle' });
		await page.getByLabel('Województwo').selectOption('lubelskie');
		await page.getByRole('button', { name: 'Pokaż' }).click();
		await page.waitForURL(/woj=lubelskie/);
		expect(await page.getByText('Znaleziono: 0 grup z 3.').count()).toBe(1);
		await page.goto(`${server.url}/zasiegi`, { waitUntil: 'networkidle' });
		expect(await page.getByRole('link', { name: 'ostatnie 30 dni' }).getAttribute('aria-current')).toBe('page');
		const all = await page.locator('#top-h + ol > li').count();
		expect(all).toBeGreaterThan(5);
		await page.getByLabel('Gmina', { exact: true }).fill('Radziejowice');
		await page.getByRole('button', { name: 'Pokaż' }).click();
		await page.waitForURL(/gmina=Radziejowice/);
		const towns = await page.locator('#top-h + ol > li a[href^="/grupy/"]').allInnerTexts();
		expect(new Set(towns)).toEqual(new Set(['Radziejowice']));
		await page.getByRole('link', { name: 'ostatnie 90 dni' }).click();
		await page.waitForURL(/okres=90&gmina=radziejowice/);
		expect(await page.getByRole('heading', { name: 'Najpopularniejsze posty – ostatnie 90 dni' }).count()).toBe(1);
	});

	it.skipIf(!hasPdftotext)(
		'each document downloads as a PDF; its text has the municipality and the numbers of its page',
		async () => {
			const page = await newPage({ width: 1280, height: 900 });
			await page.goto(`${server.url}/grupy/wiskitki`);
			const members = await page.locator('.tiles li', { hasText: 'Członkowie grupy' }).locator('.value').innerText();
			const views = await page.locator('.tiles li', { hasText: 'Wyświetlenia postów' }).locator('.value').innerText();
			const lastMonthRow = await page.locator('#table-h ~ div tbody tr').first().locator('td').allInnerTexts();
			const links = await page
				.locator('.docs a')
				.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
			expect(links).toEqual([
				'/pliki/prezentacja/wiskitki.pdf',
				'/pliki/raport-jednostek/wiskitki.pdf',
				'/pliki/opis-pakietu/wiskitki.pdf',
				'/pliki/umowa-wzor/umowa.pdf'
			]);
			const texts: Record<string, string> = {};
			for (const href of links) {
				const res = await page.request.get(`${server.url}${href}`);
				expect(res.status(), href).toBe(200);
				expect(res.headers()['content-type']).toBe('application/pdf');
				const bytes = await res.body();
				expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
				texts[href] = pdfText(bytes);
				expect(texts[href], href).toMatch(/Strona 2 z \d+/);
			}
			const presentation = texts['/pliki/prezentacja/wiskitki.pdf'];
			expect(presentation).toContain('Prezentacja aktywności i zasięgów');
			expect(presentation).toContain('Wiskitki');
			expect(presentation).toContain(members);
			expect(presentation).toContain(views);
			// The latest month's row of the page's table appears in the PDF's table too.
			for (const cell of lastMonthRow.slice(0, 4)) expect(presentation).toContain(cell);
			expect(texts['/pliki/opis-pakietu/wiskitki.pdf']).toContain('Opis pakietów — Wiskitki');
			expect(texts['/pliki/opis-pakietu/wiskitki.pdf']).toContain('Kto może publikować');
			expect(texts['/pliki/opis-pakietu/wiskitki.pdf']).toContain(members);
			expect(texts['/pliki/raport-jednostek/wiskitki.pdf']).toContain('Raport aktywności komunikacyjnej');
			expect(texts['/pliki/raport-jednostek/wiskitki.pdf']).toContain('OSP Wiskitki');
			const contract = texts['/pliki/umowa-wzor/umowa.pdf'];
			for (const clause of [
				'Strony umowy',
				'Przedmiot umowy',
				'Zakres usługi',
				'Jednostki objęte umową',
				'Wynagrodzenie i płatności',
				'Okres obowiązywania i wypowiedzenie',
				'Wsparcie techniczne',
				'Zasady moderacji',
				'Dane osobowe',
				'Postanowienia końcowe',
				'Za Gminę'
			])
				expect(contract).toContain(clause);
			expect(contract).toContain('3 850,00 zł');
			// The same numbers as CSV and JSON.
			const json = await (await page.request.get(`${server.url}/pliki/statystyki/wiskitki.json`)).json();
			expect(json.group.members).toBe(Number(members.replace(/\s/g, '')));
			const csv = await (await page.request.get(`${server.url}/pliki/raport-jednostek/wiskitki.csv`)).text();
			expect(csv.split('\r\n')[0]).toBe(
				'\ufeffjednostka;rodzaj;miesiąc;posty;wyświetlenia;osoby;reakcje;komentarze;udostępnienia;pytania;pytania z odpowiedzią;mediana odpowiedzi (min)'
			);
			expect(
				(await page.request.get(`${server.url}/pliki/raport-jednostek/wiskitki.pdf?miesiac=2026-13`)).status()
			).toBe(400);
			expect((await page.request.get(`${server.url}/pliki/prezentacja/nie-ma-takiej.pdf`)).status()).toBe(404);
		},
		120_000
	);

	it('the operator edits the offer at /admin/strony; a wrong placeholder is refused and changes nothing', async () => {
		const operator = await newPage({ width: 1280, height: 900 });
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/strony`);
		await operator.getByRole('link', { name: /Edytuj\W+stronę O nas/ }).click();
		await operator.waitForURL(/\/admin\/strony\/o-nas$/);
		await operator.waitForLoadState('networkidle');
		const body = operator.getByLabel(/^Treść/);
		const original = await body.inputValue();
		await body.fill(`${original}\n\nNowość: {{nie_ma_takiej}}`);
		await operator.getByRole('button', { name: 'Zapisz' }).click();
		await expect
			.poll(() => operator.getByRole('alert').first().innerText())
			.toContain('Nieznane wstawki: {{nie_ma_takiej}}');
		const reader = await newPage({ width: 390, height: 844 });
		await reader.goto(`${server.url}/o-nas`);
		expect(await reader.locator('main').innerText()).not.toContain('Nowość');
		await body.fill(`${original}\n\nNowość: prowadzimy {{grupy}} grupy. <script>alert(1)</script>`);
		await operator.getByRole('button', { name: 'Zapisz' }).click();
		await expect.poll(() => operator.getByRole('status').first().innerText()).toContain('Zapisano stronę');
		await reader.reload();
		const text = await reader.locator('main').innerText();
		expect(text).toContain('Nowość: prowadzimy 3 grupy. <script>alert(1)</script>');
		expect(await reader.locator('main script').count()).toBe(0);
		await operator.getByRole('button', { name: 'Przywróć tekst początkowy' }).click();
		await expect.poll(() => operator.getByRole('status').first().innerText()).toContain('Przywrócono');
		await reader.reload();
		expect(await reader.locator('main').innerText()).not.toContain('Nowość');
		// A resident may not edit.
		const resident = await newPage({ width: 1280, height: 900 });
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		expect((await resident.goto(`${server.url}/admin/strony/o-nas`))?.status()).toBe(403);
	});

	it('the operator enters the population; /potencjal shows members as a share of residents', async () => {
		const operator = await newPage({ width: 1280, height: 900 });
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/grupy/radziejowice`, { waitUntil: 'networkidle' });
		await operator.getByLabel(/^Mieszkańcy/).fill('nie wiem');
		await operator.getByRole('button', { name: 'Zapisz' }).nth(1).click();
		await expect.poll(() => operator.getByRole('alert').first().innerText()).toContain('liczbę mieszkańców');
		await operator.getByLabel(/^Mieszkańcy/).fill('7 010');
		await operator.getByLabel(/^Rok danych/).fill('2025');
		await operator.getByRole('button', { name: 'Zapisz' }).nth(1).click();
		await expect.poll(() => operator.getByRole('status').first().innerText()).toContain('Zapisano liczbę mieszkańców');
		const page = await newPage({ width: 1280, height: 900 });
		await page.goto(`${server.url}/potencjal`);
		expect(await page.locator('tr', { hasText: 'Radziejowice' }).locator('td').first().innerText()).toContain('7 010');
		const row = await page.locator('tr', { hasText: 'Radziejowice' }).locator('td').allInnerTexts();
		const members = Number(row[1].replace(/\s/g, ''));
		expect(row[2]).toBe(`${((members / 7010) * 100).toFixed(1).replace('.', ',')}%`);
	});
});
