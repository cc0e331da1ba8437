import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	hasPdftotext,
	logIn,
	openBrowser,
	pdfText,
	phone,
	screens,
	sessionCookie,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

// Issue 16, "Done when": every role's first hour — land, do the main task, see the result — on a
// phone and on a laptop, each page it lands on checked with axe and for sideways scrolling.
// One demo server and one browser for the file; each walk in its own context, with its own content
// (the phone's and the laptop's posts, comments and reports never meet).

let server: Server;
let browser: TestBrowser;
const SCHOOL = 'Szkoła Podstawowa im. Armii Krajowej w Wiskitkach';

/** A request to the API as the person (their session cookie), or anonymously. */
async function api(email: string | null, method: string, path: string, body?: unknown): Promise<Response> {
	return fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: {
			origin: server.url,
			...(email ? { cookie: await sessionCookie(server.url, email) } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** The nth published post of the demo the feed shows (not one this file's walks wrote). */
async function feedPost(page: Page, nth: number): Promise<string> {
	const cards = page.locator('article.post', {
		has: page.getByRole('link', { name: 'Komentuj' }),
		hasNotText: /\((telefon|laptop)\)/
	});
	await cards.nth(nth).waitFor(WAIT);
	return (await cards.nth(nth).getAttribute('data-post-id'))!;
}

/** A page the walk lands on: one level-one heading, it fits the screen (no sideways scrolling), axe finds nothing. */
async function landed(page: Page, where: RegExp | string) {
	await page.waitForURL(where, WAIT);
	await expect.poll(() => page.locator('h1').count(), WAIT).toBe(1);
	expect(await fitsScreen(page), `${page.url()} scrolls sideways`).toBe(true);
	await expectNoAxeViolations(page);
}

describe.skipIf(!hasChromium)('the first hour of every role, on a phone and on a laptop', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	for (const [name, screen] of screens) {
		const tag = screen.touch ? 'telefon' : 'laptop';
		const nth = screen.touch ? 0 : 1;

		it(`a visitor finds the group, opens a post and reports it without an account (${name})`, async () => {
			const page = await browser.newPage(screen);
			await page.goto(`${server.url}/`);
			await landed(page, `${server.url}/`);
			await page.getByRole('search', { name: 'Szukaj grupy gminy' }).getByLabel('Nazwa gminy').fill('Wiskitki');
			await page.getByRole('button', { name: 'Znajdź grupę' }).click();
			await landed(page, /\/g\/wiskitki$/);

			// A post opens from its time, as in the groups people know.
			const id = await feedPost(page, nth + 2);
			const card = page.locator(`article[data-post-id="${id}"]`);
			const opening = (await card.locator('.body').innerText()).slice(0, 40);
			await card.locator(`.meta a[href="/g/wiskitki/p/${id}"]`).click();
			await landed(page, new RegExp(`/g/wiskitki/p/${id}$`));
			expect(await page.locator('article.post .body').innerText()).toContain(opening);

			await page.getByRole('link', { name: 'Zgłoś ten post' }).click();
			await landed(page, new RegExp(`/zglos\\?post=${id}$`));
			await page.getByLabel('Co jest nie tak?').selectOption({ label: 'Treści nielegalne' });
			await page.getByLabel('Dlaczego?').fill(`Post podaje cudzy numer telefonu bez zgody (${tag}).`);
			await page.getByLabel('Imię i nazwisko').fill(`Ewa Czytelniczka (${tag})`);
			await page.getByLabel('E-mail').fill(`ewa.${tag}@poczta.test`);
			await page.getByLabel(/w dobrej wierze/).check();
			await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
			const thanks = page.getByRole('status').filter({ hasText: 'Przyjęliśmy zgłoszenie nr' });
			await thanks.waitFor(WAIT);
			expect(await thanks.innerText()).toMatch(/zgłoszenie nr \d+/);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		}, 120_000);

		it(`a resident lands on the group, posts from the one-line composer and comments under a post (${name})`, async () => {
			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'mieszkaniec@tablica.test');
			await landed(page, /\/g\/wiskitki$/);

			// The one-line composer opens when focused; what the live hint promises is what happens.
			const body = page.getByLabel('Treść');
			await body.focus();
			const category = page.getByLabel('Kategoria');
			await category.waitFor({ state: 'visible', ...WAIT });
			const text = `Czy ktoś wie, kiedy otwierają bibliotekę w Guzowie po remoncie? (${tag})`;
			const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/moderation/check') && r.ok(), WAIT);
			await body.fill(text);
			const { summary } = (await (await checked).json()) as { summary: string };
			await expect.poll(() => page.locator('#f-body-hint').innerText(), WAIT).toBe(summary);
			const held = summary.startsWith('Ten post trafi do akceptacji moderatora.');
			if (!held) expect(summary).toBe('Ten post zostanie opublikowany od razu.');
			await category.selectOption({ label: 'Pytania' });
			await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
			const status = page.getByRole('status').filter({ hasText: held ? 'czeka na akceptację' : 'Opublikowano.' });
			await status.waitFor(WAIT);
			// In the feed, after a reload too: the author sees their post (and, when held, why it waits).
			await page.reload();
			const mine = page.locator('article.post', { hasText: text });
			await mine.waitFor(WAIT);
			expect(await mine.count()).toBe(1);
			if (held) expect(await mine.innerText()).toContain('Czeka na akceptację');

			// A comment under a post: published at once, for everyone.
			const id = await feedPost(page, nth);
			await page.locator(`article[data-post-id="${id}"]`).getByRole('link', { name: 'Komentuj' }).click();
			await landed(page, new RegExp(`/g/wiskitki/p/${id}#komentarze$`));
			const comment = `Dziękuję, przyjdę z sąsiadami (${tag}).`;
			await page.getByLabel('Napisz komentarz').fill(comment);
			await page.getByRole('button', { name: 'Skomentuj' }).click();
			const written = page.locator('li.comment', { hasText: comment });
			await written.waitFor(WAIT);
			expect(await page.getByText('Komentarz czeka na sprawdzenie').count()).toBe(0);
			const comments = (await (await api(null, 'GET', `/posts/${id}/comments`)).json()) as {
				items: { body: string }[];
			};
			expect(comments.items.map((c) => c.body)).toContain(comment);
			expect(await fitsScreen(page)).toBe(true);
		}, 120_000);

		it(`the school's editor lands on its workspace, publishes as the school, sees the post badged and listed (${name})`, async () => {
			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'redakcja@sp-wiskitki.test');
			await landed(page, /\/jednostka\/\d+$/);
			const workspace = page.url();
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(SCHOOL);

			await page.getByRole('link', { name: /^Napisz post w grupie Wiskitki/ }).click();
			await landed(page, /\/g\/wiskitki$/);
			const as = page.getByLabel('Publikuj jako');
			expect(await as.locator('option:checked').innerText()).toBe(SCHOOL);
			const text = `Zebranie rady rodziców (${tag}) w czwartek o 17:30 w sali nr 12.`;
			await page.getByLabel('Kategoria').selectOption({ label: 'Edukacja i oświata' });
			await page.getByLabel('Treść').fill(text);
			await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
			await page.getByRole('status').filter({ hasText: 'Opublikowano.' }).waitFor(WAIT);

			// In the feed as the school: its name, the verified badge and its type.
			const card = page.locator('article.post.official', { hasText: text });
			await card.waitFor(WAIT);
			expect(await card.locator('.who').innerText()).toMatch(new RegExp(`^${SCHOOL}\\s*✓`));
			expect(await card.getByText('zweryfikowana jednostka').count()).toBe(1);
			expect(await card.locator('.meta').innerText()).toContain('Szkoła podstawowa');
			// Everyone sees it, not only its author.
			const feed = (await (await api(null, 'GET', '/groups/wiskitki/posts?limit=20')).json()) as {
				items: { body: string; status: string }[];
			};
			expect(feed.items.find((p) => p.body === text)?.status).toBe('published');

			await page.locator('header a', { hasText: 'Jednostka' }).click();
			await landed(page, workspace);
			const published = page.getByRole('region', { name: 'Opublikowane i ich zasięg' });
			await published.getByRole('link', { name: text }).waitFor(WAIT);
		}, 120_000);

		it(`the coordinator lands on /urzad, sees the package, units and invoices, and downloads an invoice (${name})`, async () => {
			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'koordynator@wiskitki.test');
			await landed(page, /\/urzad$/);
			expect(await page.getByRole('region', { name: 'Pakiet' }).locator('dl.facts').innerText()).toMatch(
				/Pakiet 1\s+aktywny/
			);
			const units = page.getByRole('region', { name: /^Jednostki \(\d+\)$/ });
			expect(await units.getByRole('link', { name: SCHOOL }).count()).toBe(1);
			const invoices = page.getByRole('region', { name: 'Faktury' }).locator('tbody tr');
			expect(await invoices.count()).toBeGreaterThan(0);

			const invoice = invoices.nth(nth);
			const number = (await invoice.locator('td, th').first().innerText()).trim();
			expect(number).toMatch(/^FV\/\d{4}\/\d{2}\/\d{4}$/);
			const href = await invoice.getByRole('link', { name: `PDF faktury ${number}` }).getAttribute('href');
			const pdf = await page.request.get(`${server.url}${href}`);
			expect(pdf.status()).toBe(200);
			expect(pdf.headers()['content-type']).toBe('application/pdf');
			const bytes = await pdf.body();
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
			if (hasPdftotext) expect(pdfText(bytes)).toContain(number);
		}, 120_000);

		it(`the moderator lands on the queue, rejects a held post and finds its statement of reasons (${name})`, async () => {
			// A resident's post held for approval, this screen's own.
			const text = `Sklep z oponami w Guzowie — rabat 20% na zimówki, zapraszam (${tag}).`;
			const created = await api('mieszkaniec@tablica.test', 'POST', '/groups/wiskitki/posts', {
				body: text,
				category: 'classifieds'
			});
			expect(created.status).toBe(201);
			expect(((await created.json()) as { status: string }).status).toBe('pending');

			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'moderator@tablica.test');
			await landed(page, /\/moderacja$/);
			const item = page.locator('[data-queue-item]', { hasText: text });
			await item.waitFor(WAIT);
			await item
				.getByLabel('Punkt regulaminu')
				.first()
				.selectOption({ label: '§ 5 ust. 3 — Reklama bez wykupionego pakietu' });
			await item
				.getByLabel(/^Uzasadnienie dla autora/)
				.fill('Reklama sklepu — gmina nie ma na nią wykupionego pakietu.');
			await item.getByRole('button', { name: /^Odrzuć/ }).click();
			await page.getByRole('status').filter({ hasText: 'Odrzucono' }).waitFor(WAIT);
			await expect.poll(() => item.count(), WAIT).toBe(0);

			await page.goto(
				`${server.url}/moderacja/dziennik?grupa=wiskitki&q=${encodeURIComponent(`zimówki, zapraszam (${tag})`)}`
			);
			await page.getByRole('link', { name: 'uzasadnienie' }).first().click();
			await landed(page, /\/decyzje\/\d+$/);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Uzasadnienie decyzji moderacyjnej');
			expect(await page.locator('blockquote').innerText()).toContain(text);
			expect(await page.locator('dl.facts').innerText()).toContain('Reklama bez wykupionego pakietu');
		}, 120_000);

		it(`the operator lands on the admin overview, finds a new support ticket and the outbox (${name})`, async () => {
			// The school's editor asks for help; the operator finds it among the tickets.
			const asked = await api('redakcja@sp-wiskitki.test', 'POST', '/support/tickets', {
				kind: 'technical',
				body: `Nie możemy dodać zdjęć do posta szkoły (${tag}) — przycisk nic nie robi.`
			});
			expect(asked.status).toBe(201);
			const ticket = ((await asked.json()) as { ticket: { id: string } }).ticket.id;

			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'operator@tablica.test');
			await landed(page, /\/admin$/);
			expect(await page.getByRole('link', { name: /^Ustawienia grupy Wiskitki/ }).count()).toBe(1);

			await page.getByRole('link', { name: 'Zgłoszenia', exact: true }).click();
			await landed(page, /\/admin\/zgloszenia$/);
			const row = page.locator('main tbody tr', { has: page.locator(`a[href="/pomoc/${ticket}"]`) });
			expect(await row.innerText()).toContain('Tomasz Wójcik');
			// On a phone the rows stack: each value keeps its column's name (the cells' ::before).
			if (screen === phone)
				expect(
					await row.locator('td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content))
				).toEqual(['none', '"Od: "', '"Stan: "', '"Przyjęte: "']);
			await page.getByRole('link', { name: '← Administracja' }).click();
			await landed(page, /\/admin$/);
			await page.getByRole('link', { name: /^Skrzynka nadawcza/ }).click();
			await landed(page, /\/admin\/poczta$/);
			expect(await page.locator('main article').count()).toBeGreaterThan(0);
		}, 120_000);
	}
});
