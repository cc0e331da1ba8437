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
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 19, private messages: a resident writes to the author of a post ("Napisz do autora"); two
// residents exchange messages that arrive live; one reports a message and blocks the other; the
// group's moderator sees only the reported conversation and removes the message. Then a mention:
// "@Ann…" offers Anna's name, the comment links it, and Anna is told.

let server: Server;
let browser: TestBrowser;
let anna: Page;
let marek: Page;
/** Anna's and Marek's conversation (from the demo). */
let conversation: string;

/** The open conversation page has its live stream connected (else a message could pass unseen). */
const liveOn = (page: Page) => expect.poll(() => page.locator('[data-live="on"]').count(), T).toBe(1);

describe.skipIf(!hasChromium)('private messages and mentions', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
		anna = await browser.newPage(laptop);
		await logIn(anna, server.url, 'mieszkanka@tablica.test');
		marek = await browser.newPage(phone);
		await logIn(marek, server.url, 'mieszkaniec@tablica.test');
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('"Napisz do autora" starts a conversation from a resident’s post', async () => {
		const { items } = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=50`)).json();
		const post = items.find(
			(p: { author: { type: string; name: string }; category: string }) =>
				p.author.type === 'user' && !['Marek Zając', 'Anna Kwiatkowska'].includes(p.author.name)
		);
		await anna.goto(`${server.url}/g/wiskitki/p/${post.id}`);
		await anna.getByRole('link', { name: 'Napisz do autora' }).click();
		await anna.waitForURL(/\/wiadomosci\/nowa\?post=/);
		expect(await anna.getByRole('heading', { level: 1 }).innerText()).toBe(`Napisz do: ${post.author.name}`);
		await expectNoAxeViolations(anna);
		await anna.getByRole('button', { name: 'Wyślij' }).click();
		// The browser refuses an empty message before sending it.
		expect(
			await anna.getByLabel('Treść wiadomości').evaluate((e: HTMLTextAreaElement) => e.validity.valueMissing)
		).toBe(true);
		await anna.getByLabel('Treść wiadomości').fill('Dzień dobry, czy to jeszcze aktualne?');
		await anna.getByRole('button', { name: 'Wyślij' }).click();
		await anna.waitForURL(/\/wiadomosci\/\d+$/);
		await expect.poll(() => anna.getByText('Dzień dobry, czy to jeszcze aktualne?').count(), T).toBe(1);
		// Writing again to the same person goes on in the same conversation.
		await anna.goto(`${server.url}/wiadomosci/nowa?post=${post.id}`);
		await anna.waitForURL(/\/wiadomosci\/\d+$/);
	});

	it('two residents exchange messages live, without reloading', async () => {
		await marek.goto(`${server.url}/wiadomosci`);
		// The demo's unread answer from Anna is counted in the header and on the list.
		const withAnna = marek.getByRole('link', { name: /Anna Kwiatkowska/ });
		expect(await withAnna.innerText()).toContain('Ulica Szkolna 12');
		await expectNoAxeViolations(marek);
		expect(await fitsScreen(marek)).toBe(true);
		await withAnna.click();
		await marek.waitForURL(/\/wiadomosci\/\d+$/);
		conversation = marek.url();
		await liveOn(marek);
		await expectNoAxeViolations(marek);
		expect(await fitsScreen(marek)).toBe(true);

		await anna.goto(conversation);
		await liveOn(anna);
		await marek.getByLabel(/Twoja wiadomość do/).fill('Będę dziś o 17:30, czy mogę przyjść z synem?');
		await marek.getByRole('button', { name: 'Wyślij' }).click();
		// Marek's own page shows it, the form is empty again; Anna's page gets it live.
		await expect.poll(() => marek.getByText('Będę dziś o 17:30, czy mogę przyjść z synem?').count(), T).toBe(1);
		expect(await marek.getByLabel(/Twoja wiadomość do/).inputValue()).toBe('');
		await expect.poll(() => anna.getByText('Będę dziś o 17:30, czy mogę przyjść z synem?').count(), T).toBe(1);
		expect(await anna.getByRole('status').filter({ hasText: 'Nowa wiadomość od' }).innerText()).toBe(
			'Nowa wiadomość od: Marek Zając.'
		);
		await anna.getByLabel(/Twoja wiadomość do/).fill('Jasne, zapraszam oboje.');
		await anna.getByRole('button', { name: 'Wyślij' }).click();
		await expect.poll(() => marek.getByText('Jasne, zapraszam oboje.').count(), T).toBe(1);
	});

	it('reports a message and blocks the sender; the moderator reads only that conversation and removes it', async () => {
		await marek.getByLabel(/Twoja wiadomość do/).fill('A może taniej? Odpisz szybko!!!');
		await marek.getByRole('button', { name: 'Wyślij' }).click();
		const message = anna.locator('li', { hasText: 'A może taniej? Odpisz szybko!!!' });
		await expect.poll(() => message.count(), T).toBe(1);
		await message.locator('summary', { hasText: 'Zgłoś' }).click();
		await message.getByLabel(/Co jest nie tak/).fill('Natarczywe wiadomości.');
		await message.getByRole('button', { name: 'Zgłoś moderatorom' }).click();
		await expect.poll(() => anna.getByText('Zgłoszono wiadomość.').count(), T).toBe(1);

		anna.once('dialog', (d) => d.accept());
		await anna.getByRole('button', { name: 'Zablokuj: Marek Zając' }).click();
		await expect.poll(() => anna.getByRole('button', { name: 'Odblokuj: Marek Zając' }).count(), T).toBe(1);
		expect(await anna.getByText('Zablokowano tę osobę. Odblokuj ją, aby znów do niej pisać.').count()).toBe(1);
		await marek.getByLabel(/Twoja wiadomość do/).fill('Halo?');
		await marek.getByRole('button', { name: 'Wyślij' }).click();
		await expect
			.poll(() => marek.getByRole('alert').innerText(), T)
			.toBe('Ta osoba nie przyjmuje od Ciebie wiadomości.');

		const moderator = await browser.newPage(laptop);
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/moderacja/wiadomosci?grupa=wiskitki`);
		await expectNoAxeViolations(moderator);
		await moderator.getByRole('link', { name: 'Zgłoszenie: Natarczywe wiadomości.' }).click();
		await moderator.waitForURL(/\/moderacja\/wiadomosci\/\d+/);
		expect(await moderator.getByText('A może taniej? Odpisz szybko!!!').count()).toBe(1);
		// Anna's conversation with someone else stays closed to the moderator.
		expect(await moderator.getByText('Dzień dobry, czy to jeszcze aktualne?').count()).toBe(0);
		await expectNoAxeViolations(moderator);
		await moderator.getByRole('button', { name: 'Usuń wiadomość' }).click();
		await expect.poll(() => moderator.getByText(/Wiadomość usunięta\./).count(), T).toBe(1);
		await anna.reload();
		await expect.poll(() => anna.getByText('Wiadomość usunięta przez moderatorów po zgłoszeniu.').count(), T).toBe(1);
		expect(await anna.getByText('A może taniej? Odpisz szybko!!!').count()).toBe(0);
	});

	it('"@" offers the group’s members by name; the comment links the mention and the member is told', async () => {
		// Anna blocked Marek above: a mention from him would not reach her. She unblocks him first.
		await anna.goto(conversation);
		await anna.getByRole('button', { name: 'Odblokuj: Marek Zając' }).click();
		await expect.poll(() => anna.getByRole('button', { name: 'Zablokuj: Marek Zając' }).count(), T).toBe(1);
		const { items } = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=5`)).json();
		await marek.goto(`${server.url}/g/wiskitki/p/${items[0].id}`);
		const field = marek.getByLabel('Napisz komentarz');
		await field.pressSequentially('Dziękuję, @Kwiat');
		const option = marek.getByRole('option', { name: 'Anna Kwiatkowska' });
		await expect.poll(() => option.count(), T).toBe(1);
		await expectNoAxeViolations(marek);
		// Arrows move through the names (the textarea points at the chosen one), Enter inserts it.
		for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++)
			await field.press('ArrowDown');
		expect(await field.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
		await field.press('Enter');
		expect(await field.inputValue()).toBe('Dziękuję, @Anna Kwiatkowska ');
		await field.pressSequentially('za informację.');
		await marek.getByRole('button', { name: 'Skomentuj' }).click();
		const link = marek.locator('.comments a.mention', { hasText: '@Anna Kwiatkowska' });
		await expect.poll(() => link.count(), T).toBe(1);
		expect(await link.getAttribute('href')).toBe('/g/wiskitki/czlonkowie?q=Anna%20Kwiatkowska');
		await anna.goto(`${server.url}/powiadomienia`);
		expect(await anna.getByText('Marek Zając wspomina o Tobie w grupie').count()).toBeGreaterThan(0);
	});
});
