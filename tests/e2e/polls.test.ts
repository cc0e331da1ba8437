import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	sessionCookie,
	startServer,
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 19, polls: the library asks in a post with a poll; a resident votes and sees the results;
// the library closes the vote, everyone sees the results, and they download as CSV for the council.

let server: Server;
let browser: TestBrowser;
const question = `Czy bibliotekę otwierać w soboty? ${Date.now()}`;
// Tomorrow at 20:00 in Warsaw, as the composer's datetime-local field takes it.
const closesAt = `${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date(Date.now() + 86_400_000))}T20:00`;

describe.skipIf(!hasChromium)('polls: voted and closed', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('the library asks, a resident votes, the library closes it and the results download as CSV', async () => {
		const librarian = await browser.newPage(laptop);
		await logIn(librarian, server.url, 'biblioteka@wiskitki.test');
		await librarian.goto(`${server.url}/g/wiskitki`, { waitUntil: 'networkidle' });
		await librarian.getByLabel('Treść').fill(`${question}\nProsimy o głosy do jutra wieczorem.`);
		await librarian.getByLabel('Kategoria').selectOption({ label: 'Kultura i wydarzenia lokalne' });
		await librarian.locator('#composer-more summary', { hasText: /^Ankieta$/ }).click();
		await librarian.getByLabel(/Odpowiedzi do wyboru/).fill('Tak, od 10 do 14\nTak, od 8 do 12\nNie');
		await librarian.getByLabel('Głosowanie trwa do').fill(closesAt);
		await librarian.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => librarian.getByText('Opublikowano.').count(), T).toBe(1);

		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`, { waitUntil: 'networkidle' });
		const card = resident.locator('article.post', { hasText: question });
		await expect.poll(() => card.count(), T).toBe(1);
		const poll = card.getByRole('group', { name: /Ankieta/ });
		expect(await poll.innerText()).toContain('Wyniki zobaczysz po oddaniu głosu');
		await expectNoAxeViolations(resident);
		await poll.getByLabel('Tak, od 10 do 14').check();
		await poll.getByRole('button', { name: 'Głosuj' }).click();
		await expect.poll(() => poll.locator('[data-count="voters"]').innerText(), T).toBe('1 osoba zagłosowała');
		expect(await poll.getByRole('status').innerText()).toBe('Zapisano Twój głos.');
		const results = poll.getByRole('list', { name: 'Wyniki' });
		expect(await results.innerText()).toMatch(/Twój wybór:\s*Tak, od 10 do 14\s*1 głos \(100%\)/);
		expect(await fitsScreen(resident)).toBe(true);
		await expectNoAxeViolations(resident);

		// The library closes the vote on the post's page; the results are public and exportable.
		const postUrl = await card.getByRole('link', { name: /komentarz/ }).getAttribute('href');
		await librarian.goto(`${server.url}${postUrl}`, { waitUntil: 'networkidle' });
		// It asks first: ending a vote cannot be undone.
		librarian.once('dialog', (dialog) => {
			expect(dialog.message()).toContain('Zakończyć głosowanie teraz?');
			void dialog.accept();
		});
		await librarian.getByRole('button', { name: 'Zakończ głosowanie' }).click();
		await expect.poll(() => librarian.getByText('Głosowanie zakończone. Wyniki widzą wszyscy.').count(), T).toBe(1);
		await expectNoAxeViolations(librarian);

		const visitor = await browser.newPage(laptop);
		await visitor.goto(`${server.url}${postUrl}`);
		const closed = visitor.getByRole('group', { name: /Ankieta/ });
		await expect.poll(() => closed.innerText(), T).toMatch(/zakończona/);
		expect(await closed.getByRole('list', { name: 'Wyniki' }).innerText()).toContain('1 głos (100%)');
		expect(await closed.getByRole('button', { name: 'Głosuj' }).count()).toBe(0);

		const csvHref = await librarian.getByRole('link', { name: 'CSV' }).getAttribute('href');
		const csv = await fetch(`${server.url}${csvHref}`, {
			headers: { cookie: await sessionCookie(server.url, 'koordynator@wiskitki.test') }
		});
		expect(csv.status, await csv.clone().text()).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const rows = (await csv.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(rows).toEqual([
			'Odpowiedź;Głosy;Odsetek głosujących',
			'Tak, od 10 do 14;1;100,0%',
			'Tak, od 8 do 12;0;0,0%',
			'Nie;0;0,0%'
		]);
		const pdf = await fetch(`${server.url}${csvHref!.replace('.csv', '.pdf')}`);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
	}, 240_000);
});
