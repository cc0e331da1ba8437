import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	screens,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

// Issue 16, "Getting in": the home page for residents, each role's landing after signing in,
// registration, the versioned group rules, the API page and the contact forms' inboxes.
// On PostgreSQL when one is reachable (the demo seeds faster there on a loaded machine), else on PGlite.
let server: Server;
let browser: TestBrowser;

describe.skipIf(!hasChromium)('the first hour: getting in', () => {
	beforeAll(async () => {
		server = await startServer({
			env: {
				SUPPORT_EMAIL: 'pomoc@obsluga.test',
				CONTACT_JST_EMAIL: 'gminy@media.test',
				CONTACT_BUSINESS_EMAIL: 'firmy@media.test'
			}
		});
		browser = await openBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	for (const [name, viewport] of screens) {
		it(`on ${name}, / is a short page that finds a municipality's group; the offer is one click away at /oferta`, async () => {
			const page = await browser.newPage(viewport);
			await page.goto(`${server.url}/`);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Grupa mieszkańców Twojej gminy');
			// Not a sales text: a few screens at most.
			expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2500);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
			const search = page.getByRole('search', { name: 'Szukaj grupy gminy' });
			await search.getByLabel('Nazwa gminy').fill('zyrardow');
			await search.getByRole('button', { name: 'Znajdź grupę' }).click();
			await page.getByText('Nie ma jeszcze grupy dla „zyrardow”').waitFor(WAIT);
			await page.getByRole('search', { name: 'Szukaj grupy gminy' }).getByLabel('Nazwa gminy').fill('wiskitki');
			await page.getByRole('button', { name: 'Znajdź grupę' }).click();
			await page.waitForURL(/\/g\/wiskitki$/, WAIT);

			await page.goto(`${server.url}/`);
			await page.getByRole('link', { name: 'Oferta dla gmin' }).first().click();
			await page.waitForURL(/\/oferta$/, WAIT);
			expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toContain('Zakres pakietu');
			expect(
				await page.getByRole('contentinfo').getByRole('link', { name: 'Oferta dla gmin' }).getAttribute('href')
			).toBe('/oferta');
		});
	}

	it('after signing in each role lands on its work; an explicit ?dalej= wins; a member of one group reading / goes to its feed', async () => {
		const landings: [string, RegExp][] = [
			['mieszkaniec@tablica.test', /\/g\/wiskitki$/],
			['redakcja@sp-wiskitki.test', /\/jednostka\/\d+$/],
			['koordynator@wiskitki.test', /\/urzad$/],
			['moderator@tablica.test', /\/moderacja$/],
			['operator@tablica.test', /\/admin$/]
		];
		for (const [email, where] of landings) {
			const page = await browser.newPage(phone);
			await logIn(page, server.url, email);
			await page.waitForURL(where, WAIT);
			expect(new URL(page.url()).pathname, email).toMatch(where);
		}
		const resident = await browser.newPage(laptop);
		await resident.goto(`${server.url}/logowanie?dalej=${encodeURIComponent('/zasiegi')}`);
		await resident.getByLabel('Adres e-mail').fill('mieszkaniec@tablica.test');
		await resident.getByLabel('Hasło').fill('tablica-demo');
		await resident.getByRole('button', { name: 'Zaloguj się' }).click();
		await resident.waitForURL(/\/zasiegi$/, WAIT);
		await resident.goto(`${server.url}/`);
		await resident.waitForURL(/\/g\/wiskitki$/, WAIT);
		// An address elsewhere is not followed.
		const other = await browser.newPage(laptop);
		await other.goto(`${server.url}/logowanie?dalej=${encodeURIComponent('//evil.example/x')}`);
		await other.getByLabel('Adres e-mail').fill('operator@tablica.test');
		await other.getByLabel('Hasło').fill('tablica-demo');
		await other.getByRole('button', { name: 'Zaloguj się' }).click();
		await other.waitForURL(/\/admin$/, WAIT);
	});

	it('registration from a group: rules shown before submitting, the password kept on an error, consent required, demo confirm link, then the group', async () => {
		const page = await browser.newPage(phone);
		await page.goto(`${server.url}/g/wiskitki`);
		await page.getByRole('link', { name: 'Załóż konto' }).last().click();
		await page.waitForURL(/\/rejestracja\?grupa=wiskitki$/, WAIT);
		const password = page.getByLabel('Hasło');
		const hintId = await password.getAttribute('aria-describedby');
		expect(await page.locator(`#${hintId}`).innerText()).toContain('Co najmniej 10 znaków');
		expect(await page.locator(`#${hintId}`).isVisible()).toBe(true);
		expect(await page.locator('form').getByRole('link', { name: 'regulamin grup' }).getAttribute('href')).toBe(
			'/regulamin'
		);
		await expectNoAxeViolations(page);
		await page.getByLabel('Imię i nazwisko').fill('Ola Nowa');
		await page.getByLabel('Adres e-mail').fill('ola.nowa@example.pl');
		await password.fill('rower-nad-utrata-1');
		await page.getByRole('button', { name: 'Załóż konto' }).click();
		await page.getByText('Zaakceptuj regulamin grup i politykę prywatności').first().waitFor(WAIT);
		expect(await page.getByLabel('Hasło').inputValue()).toBe('rower-nad-utrata-1');
		expect(await page.getByLabel('Imię i nazwisko').inputValue()).toBe('Ola Nowa');
		await page.getByRole('checkbox', { name: /Akceptuję regulamin grup/ }).check();
		await page.getByRole('button', { name: 'Załóż konto' }).click();
		const confirm = page.getByRole('link', { name: 'Potwierdź teraz (tryb demonstracyjny)' });
		await confirm.waitFor(WAIT);
		await expectNoAxeViolations(page);
		await confirm.click();
		await page.getByText('Adres e-mail został potwierdzony').waitFor(WAIT);
		await page.getByRole('link', { name: 'Przejdź do grupy' }).click();
		await page.waitForURL(/\/g\/wiskitki$/, WAIT);
	});

	it('/regulamin: § 1–§ 9 with anchors; the operator publishes a new version, the old stays readable, members are notified', async () => {
		const page = await browser.newPage(laptop);
		await page.goto(`${server.url}/regulamin`);
		const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
		expect(headings.filter((h) => h.startsWith('§')).map((h) => h.split('.')[0])).toEqual(
			[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `§ ${n}`)
		);
		expect(await page.locator('#p4 li#p4-2').innerText()).toContain('Nie obrażamy');
		expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Regulamin grup' }).getAttribute('href')).toBe(
			'/regulamin'
		);

		const operator = await browser.newPage(laptop);
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin/regulamin`);
		await expectNoAxeViolations(operator);
		const body = operator.getByLabel('Treść regulaminu');
		const text = await body.inputValue();
		// Dropping a clause decisions cite is refused, and nothing is published.
		await body.fill(text.replace('2. Nie obrażamy', 'Nie obrażamy'));
		await operator.getByLabel(/Co się zmienia/).fill('Próba');
		await operator.getByRole('button', { name: 'Opublikuj nową wersję' }).click();
		await operator
			.getByText('Brakuje przepisów, na które powołują się decyzje moderatorów: § 4 ust. 2')
			.first()
			.waitFor(WAIT);
		await operator.getByLabel('Treść regulaminu').fill(text.replace('§ 3. Tematyka', '§ 3. Tematyka grupy'));
		await operator.getByLabel(/Co się zmienia/).fill('Nowy tytuł § 3.');
		await operator.getByRole('button', { name: 'Opublikuj nową wersję' }).click();
		await operator.getByText('Opublikowano wersję 2 regulaminu').waitFor(WAIT);

		await page.goto(`${server.url}/regulamin`);
		expect(await page.locator('#p3 h2').innerText()).toBe('§ 3. Tematyka grupy');
		expect(await page.getByText(/Wersja 2 z .*, obowiązująca/).count()).toBe(1);
		await page.getByRole('link', { name: 'wersja 1' }).click();
		await page.waitForURL(/\/regulamin\?wersja=1$/, WAIT);
		expect(await page.locator('#p3 h2').innerText()).toBe('§ 3. Tematyka');
		expect(await page.getByText('To archiwalna wersja regulaminu.').count()).toBe(1);

		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/powiadomienia`);
		const note = resident.getByRole('link', { name: /Zmienił się regulamin grup \(wersja 2\): Nowy tytuł § 3\./ });
		await note.waitFor(WAIT);
		expect(await note.getAttribute('href')).toBe('/regulamin?wersja=2');
	});

	it('the footer’s "API" leads to a page about the API that links the OpenAPI document', async () => {
		const page = await browser.newPage(phone);
		await page.goto(`${server.url}/o-nas`);
		await page.getByRole('contentinfo').getByRole('link', { name: 'API', exact: true }).click();
		await page.waitForURL(/\/o-api$/, WAIT);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('API Tablicy');
		for (const h of ['Do czego służy', 'Jak dostać token', 'Uwierzytelnianie', 'Główne operacje'])
			expect(await page.getByRole('heading', { level: 2, name: h }).count(), h).toBe(1);
		const openapi = await page.getByRole('link', { name: '/api/v1/openapi.json' }).getAttribute('href');
		const doc = await (await fetch(`${server.url}${openapi}`)).json();
		expect(doc.openapi).toMatch(/^3\.1/);
		await expectNoAxeViolations(page);
	});

	it('API tokens on /konto only for unit staff (and the operator); the operator issues one for anyone else', async () => {
		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/konto`);
		await resident.getByRole('heading', { name: 'Twoje dane' }).waitFor(WAIT);
		expect(await resident.getByRole('heading', { name: 'Tokeny API' }).count()).toBe(0);

		const editor = await browser.newPage(laptop);
		await logIn(editor, server.url, 'redakcja@sp-wiskitki.test');
		await editor.goto(`${server.url}/konto`);
		await editor.getByLabel('Nazwa tokenu').fill('strona szkoły');
		await editor.getByRole('button', { name: 'Utwórz token' }).click();
		const own = await editor.locator('#new-token').inputValue(WAIT);
		expect(own).toMatch(/^tbl_/);

		const operator = await browser.newPage(laptop);
		await logIn(operator, server.url, 'operator@tablica.test');
		await operator.goto(`${server.url}/admin`);
		const section = operator.locator('section', { has: operator.locator('#issue-token') });
		await section.getByLabel('E-mail osoby').fill('moderator@tablica.test');
		await section.getByLabel('Nazwa tokenu').fill('narzędzie moderatora');
		await section.getByRole('button', { name: 'Wydaj token' }).click();
		const issued = await operator.locator('#issued-token').inputValue(WAIT);
		await expectNoAxeViolations(operator);
		for (const [token, who] of [
			[own, 'redakcja@sp-wiskitki.test'],
			[issued, 'moderator@tablica.test']
		]) {
			const feed = await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=1`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(feed.status, who).toBe(200);
		}
	});

	it('the contact forms go to the municipalities’, companies’ and support inboxes', async () => {
		const page = await browser.newPage(laptop);
		await page.goto(`${server.url}/kontakt`);
		const send = async (kind: string, name: string, body: string) => {
			const form = page.locator('section', { has: page.locator(`#h-${kind}`) });
			await form.locator(`#${kind}-name`).fill(name);
			await form.locator(`#${kind}-email`).fill(`${kind}@nadawca.test`);
			await form.locator(`#${kind}-body`).fill(body);
			await form.getByRole('button', { name: 'Wyślij' }).click();
			await form.getByText('Dziękujemy — przyjęliśmy wiadomość').waitFor(WAIT);
		};
		await send('cooperation', 'Gmina Baranów, sekretariat', 'Gmina pyta o pakiet publikacji dla urzędu.');
		await send('advertising', 'Piekarnia Kłos', 'Piekarnia chce reklamować się w grupie.');
		await send('contact', 'Jan Nowak', 'Pytanie o moderację w grupie mojej gminy.');
		// Delivered to the inbox of each sender kind (the operator's outbox, demo mode shows the contents;
		// delivery over SMTP is tested in support/contact-inboxes.test.ts).
		const operator = await browser.newPage(laptop);
		await logIn(operator, server.url, 'operator@tablica.test');
		for (const [inbox, needle] of [
			['gminy@media.test', 'pakiet publikacji dla urzędu'],
			['firmy@media.test', 'reklamować się w grupie'],
			['pomoc@obsluga.test', 'moderację w grupie mojej gminy']
		]) {
			await operator.goto(`${server.url}/admin/poczta?do=${encodeURIComponent(inbox)}`);
			await operator.locator('article', { hasText: needle }).first().waitFor(WAIT);
		}
	}, 240_000);
});
