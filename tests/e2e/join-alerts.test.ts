import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toWarsawLocal } from '../../src/lib/dates';
import { axeViolations, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let newcomer: Page, moderator: Page, operator: Page, resident: Page;
const problems: Record<string, string[]> = {};

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

async function audit(page: Page, what: string) {
	const found = await axeViolations(page);
	if (found.length) problems[`${what} (${new URL(page.url()).pathname})`] = found;
}

const stamp = Date.now();
const email = `halina.${stamp}@example.pl`;
const name = 'Halina Nowacka';
const password = 'haslo-haliny-2026';
const PROMPT = 'Które komunikaty pilne chcesz dostawać?';
const suggested = ['Bezpieczeństwo: pożar, zagrożenie, ewakuacja', 'Ostrzeżenia pogodowe', 'Woda, prąd, ogrzewanie'];
const notSuggested = ['Drogi i komunikacja', 'Zdrowie i sanepid', 'Inne pilne sprawy'];

const checked = (page: Page, label: string) => page.getByLabel(label, { exact: true }).isChecked();

describe.skipIf(!hasChromium)('joining with places and urgent alerts, in the browser', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		[newcomer, moderator, operator, resident] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
		await logIn(operator, server.url, 'operator@tablica.test');
	}, 240_000);
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	it('a new resident registers and confirms the e-mail address', async () => {
		await newcomer.goto(`${server.url}/rejestracja`);
		await newcomer.getByLabel('Imię i nazwisko').fill(name);
		await newcomer.getByLabel('Adres e-mail').fill(email);
		await newcomer.getByLabel('Hasło').fill(password);
		await newcomer.getByRole('checkbox', { name: /Akceptuję regulamin grup/ }).check();
		await newcomer.getByRole('button', { name: 'Załóż konto' }).click();
		await expect
			.poll(() =>
				newcomer
					.getByRole('status')
					.filter({ hasText: `Sprawdź skrzynkę ${email}` })
					.count()
			)
			.toBe(1);
		await logIn(newcomer, server.url, email, password);
		await operator.goto(`${server.url}/admin/poczta?do=${encodeURIComponent(email)}`);
		const mail = operator.locator('article', { hasText: email }).first();
		await expect.poll(() => mail.count()).toBe(1);
		const link = /https?:\/\/\S+\/rejestracja\/potwierdz\?token=[\w-]+/.exec(await mail.locator('pre').innerText())![0];
		await newcomer.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
		await expect.poll(() => newcomer.getByText('Adres e-mail został potwierdzony').count()).toBe(1);
	});

	it('joins with the suggested alerts and a place; the join form has no accessibility problems', async () => {
		await newcomer.goto(`${server.url}/g/wiskitki`);
		const join = newcomer.locator('form[action="?/join"]');
		await expect.poll(() => join.count()).toBe(1);
		for (const kind of suggested) expect(await checked(newcomer, kind), kind).toBe(true);
		for (const kind of notSuggested) expect(await checked(newcomer, kind), kind).toBe(false);
		expect(await checked(newcomer, 'Powiadomieniem push w przeglądarce lub telefonie')).toBe(true);
		expect(await checked(newcomer, 'Także e-mailem (zaznacz, jeśli chcesz)')).toBe(false);
		// SMS is not offered when joining: it needs a confirmed phone.
		expect(await join.getByRole('checkbox', { name: /SMS/ }).count()).toBe(0);
		expect(await join.innerText()).toContain('SMS-y możesz włączyć po przyjęciu do grupy');
		await newcomer.getByText(/Wybierz z listy/).click();
		await audit(newcomer, 'join form');

		// Without the answer: refused, with the place and the choice kept.
		await newcomer.getByLabel('Guzów', { exact: true }).check();
		await newcomer.getByLabel('Także e-mailem (zaznacz, jeśli chcesz)').check();
		await newcomer.getByRole('button', { name: 'Dołącz do grupy' }).click();
		await expect.poll(() => newcomer.getByRole('alert').first().innerText()).toContain('Odpowiedz na pytanie');
		expect(await checked(newcomer, 'Guzów')).toBe(true);
		expect(await checked(newcomer, 'Także e-mailem (zaznacz, jeśli chcesz)')).toBe(true);

		await newcomer.getByLabel('Także e-mailem (zaznacz, jeśli chcesz)').uncheck();
		await newcomer.getByLabel(/Czy mieszkasz w gminie Wiskitki/).fill('Tak, mieszkam w Guzowie.');
		await newcomer.getByRole('button', { name: 'Dołącz do grupy' }).click();
		await expect.poll(() => newcomer.getByText('czeka na decyzję moderatora').count()).toBeGreaterThan(0);
	});

	it('once approved, the settings show safety, weather and utilities with push, and the account page the place', async () => {
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/g/wiskitki/czlonkowie`);
		await moderator.getByRole('button', { name: `Przyjmij ${name}` }).click();
		await expect.poll(() => moderator.getByRole('button', { name: `Przyjmij ${name}` }).count()).toBe(0);

		await newcomer.goto(`${server.url}/g/wiskitki`);
		await expect.poll(() => newcomer.getByRole('heading', { name: 'Napisz post' }).count()).toBe(1);
		// Asked when joining: the group page does not ask again.
		expect(await newcomer.getByRole('heading', { name: PROMPT }).count()).toBe(0);

		await newcomer.goto(`${server.url}/g/wiskitki/komunikaty`);
		await expect.poll(() => newcomer.getByRole('heading', { name: 'Komunikaty pilne' }).count()).toBe(1);
		for (const kind of suggested) expect(await checked(newcomer, kind), kind).toBe(true);
		for (const kind of notSuggested) expect(await checked(newcomer, kind), kind).toBe(false);
		expect(await checked(newcomer, 'Powiadomieniem push w przeglądarce lub telefonie')).toBe(true);
		expect(await checked(newcomer, 'E-mailem')).toBe(false);
		expect(await newcomer.getByText(/Twój wybór z .*, przy dołączaniu do grupy\./).count()).toBe(1);
		await audit(newcomer, 'alert settings');

		await newcomer.goto(`${server.url}/konto`);
		const places = newcomer.getByRole('group', { name: /Twoje miejscowości w grupie Wiskitki/ });
		await expect.poll(() => places.count()).toBe(1);
		expect(await places.getByLabel('Guzów', { exact: true }).isChecked()).toBe(true);
		// The list is open where a place is chosen.
		await places.getByLabel('Guzów-Osada', { exact: true }).check();
		await newcomer.getByRole('button', { name: /Zapisz miejscowości/ }).click();
		await expect.poll(() => newcomer.getByText('Zapisano miejscowości w grupie').count()).toBe(1);
		expect(await places.getByLabel('Guzów-Osada', { exact: true }).isChecked()).toBe(true);
		expect(await places.getByLabel('Guzów', { exact: true }).isChecked()).toBe(true);
		await audit(newcomer, 'account page');
	});

	it('SMS: after a code sent by SMS confirms the phone', async () => {
		await newcomer.goto(`${server.url}/g/wiskitki/komunikaty`);
		expect(await newcomer.getByRole('checkbox', { name: /SMS/ }).count()).toBe(0);
		await newcomer.getByLabel('Telefon komórkowy').fill('600 555 444');
		await newcomer.getByRole('button', { name: 'Wyślij kod' }).click();
		await expect.poll(() => newcomer.getByText('Wysłaliśmy SMS z kodem na numer +48 600 555 444').count()).toBe(1);

		await operator.goto(`${server.url}/admin/poczta?do=${encodeURIComponent('+48600555444')}`);
		const sms = operator.locator('article', { hasText: 'kod potwierdzający numer' }).first();
		await expect.poll(() => sms.count()).toBe(1);
		const code = /numer to (\d{6})/.exec(await sms.innerText())![1];

		const codeField = newcomer.getByLabel(/Kod z SMS-a/);
		await codeField.fill(code === '111111' ? '222222' : '111111');
		await newcomer.getByRole('button', { name: 'Potwierdź numer' }).click();
		await expect.poll(() => newcomer.getByText('Kod się nie zgadza. Zostały 4 próby.').count()).toBe(1);
		await codeField.fill(code);
		await newcomer.getByRole('button', { name: 'Potwierdź numer' }).click();
		await expect.poll(() => newcomer.getByText('Numer potwierdzony.').count()).toBe(1);
		await audit(newcomer, 'alert settings, phone confirmed');

		await newcomer.getByRole('checkbox', { name: /SMS-em na numer \+48 600 555 444/ }).check();
		await newcomer.getByRole('button', { name: 'Zapisz', exact: true }).click();
		await expect.poll(() => newcomer.getByText('Zapisano ustawienia komunikatów.').count()).toBe(1);
		await newcomer.reload();
		expect(await newcomer.getByRole('checkbox', { name: /SMS-em na numer/ }).isChecked()).toBe(true);
		expect(await newcomer.getByText(/Twój wybór z .*, w tych ustawieniach\./).count()).toBe(1);
	});

	it('an alert for another sołectwo does not reach her; one for Guzów does, by SMS too, and so do its update and all-clear', async () => {
		const coordinator = await newPage();
		await logIn(coordinator, server.url, 'koordynator@wiskitki.test');
		const send = async (title: string, solectwo: string) => {
			await coordinator.goto(`${server.url}/urzad/komunikat?grupa=wiskitki`);
			const sender = coordinator.getByLabel('Wysyła');
			if (await sender.count()) await sender.selectOption({ label: 'Urząd Miasta i Gminy Wiskitki' });
			await coordinator.getByLabel('Czego dotyczy').selectOption({ label: 'Woda, prąd, ogrzewanie' });
			await coordinator.getByLabel('Tytuł').fill(title);
			await coordinator.getByLabel('Treść').fill('Beczkowóz stoi przy świetlicy.');
			await coordinator.getByLabel('Ważny do').fill(toWarsawLocal(new Date(Date.now() + 6 * 3_600_000)));
			await coordinator.getByLabel(`sołectwo ${solectwo}`, { exact: true }).check();
			await coordinator.getByLabel('SMS (płatny)').check();
			await coordinator.getByRole('button', { name: 'Dalej: podgląd odbiorców' }).click();
			const confirm = coordinator.getByRole('region', { name: 'Sprawdź i potwierdź wysyłkę' });
			await expect.poll(() => confirm.count()).toBe(1);
			// The exact SMS text and its cost are shown before anything is sent.
			expect(await confirm.getByText(`PILNE Urząd Miasta i Gminy Wiskitki: ${title}`).count()).toBe(1);
			expect(await confirm.getByTestId('sms-cost').innerText()).toMatch(/koszt\s+[\d,]+\s*zł netto/);
			await confirm.getByRole('button', { name: /Wyślij komunikat do/ }).click();
			await coordinator.waitForURL(/\/urzad\/komunikat\/\d+/);
			await expect.poll(() => coordinator.getByRole('heading', { name: 'Wysłano komunikat pilny' }).count()).toBe(1);
		};
		const elsewhere = `Brak wody w Miedniewicach ${stamp}`;
		const here = `Brak wody w Guzowie ${stamp}`;
		await send(elsewhere, 'Miedniewice');
		await send(here, 'Guzów');

		await coordinator.getByRole('link', { name: 'Zobacz komunikat w grupie' }).click();
		await coordinator.waitForURL(/\/p\/\d+/);
		await coordinator.getByLabel(/^Aktualizacja/).fill('Beczkowóz będzie do 20:00.');
		await coordinator.getByRole('button', { name: 'Wyślij aktualizację' }).click();
		await expect.poll(() => coordinator.getByText(/Aktualizacja wysłana/).count()).toBe(1);
		expect(await coordinator.getByRole('heading', { name: 'Aktualizacje komunikatu' }).count()).toBe(1);
		await audit(coordinator, 'alert with an update');
		await coordinator.getByLabel(/^Odwołanie/).fill('Woda już jest.');
		await coordinator.getByRole('button', { name: 'Odwołaj komunikat' }).click();
		await expect.poll(() => coordinator.getByText(/Odwołanie wysłane/).count()).toBe(1);

		await newcomer.goto(`${server.url}/powiadomienia`);
		await expect.poll(() => newcomer.getByText(new RegExp(`Komunikat pilny .*${here}`)).count()).toBe(1);
		expect(await newcomer.getByText(/Aktualizacja komunikatu pilnego .*Beczkowóz będzie do 20:00/).count()).toBe(1);
		expect(await newcomer.getByText(/Odwołanie komunikatu pilnego .*Woda już jest/).count()).toBe(1);
		expect(await newcomer.getByText(elsewhere).count()).toBe(0);
		// By SMS: the alert, its update and its all-clear; nothing about Miedniewice.
		await operator.goto(`${server.url}/admin/poczta?do=${encodeURIComponent('+48600555444')}`);
		await expect.poll(() => operator.locator('article', { hasText: here }).count()).toBe(1);
		expect(await operator.locator('article', { hasText: 'AKTUALIZACJA' }).count()).toBe(1);
		expect(await operator.locator('article', { hasText: 'ODWOŁANIE' }).count()).toBe(1);
		expect(await operator.locator('article', { hasText: elsewhere }).count()).toBe(0);
		// She still sees the other alert in the feed, marked with its place.
		await newcomer.goto(`${server.url}/g/wiskitki`);
		const card = newcomer.locator('article', { hasText: elsewhere }).first();
		await expect.poll(() => card.count()).toBe(1);
		expect(await card.innerText()).toContain('sołectwo Miedniewice');
	});

	it('an existing member is asked once; "Nie teraz" ends the question', async () => {
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`);
		const prompt = resident.getByRole('region', { name: PROMPT });
		await expect.poll(() => prompt.count()).toBe(1);
		for (const kind of suggested) expect(await prompt.getByLabel(kind, { exact: true }).isChecked(), kind).toBe(true);
		expect(await prompt.getByLabel('Powiadomieniem push w przeglądarce lub telefonie').isChecked()).toBe(true);
		expect(await prompt.getByLabel('Także e-mailem (zaznacz, jeśli chcesz)').isChecked()).toBe(false);
		await audit(resident, 'the one-time question');
		await prompt.getByRole('button', { name: 'Nie teraz' }).click();
		await expect.poll(() => prompt.count()).toBe(0);
		await resident.reload();
		await expect.poll(() => resident.getByRole('heading', { name: 'Napisz post' }).count()).toBe(1);
		expect(await prompt.count()).toBe(0);
	});

	it('another existing member saves the suggested choice from the question, recorded as such', async () => {
		await moderator.goto(`${server.url}/g/wiskitki`);
		const prompt = moderator.getByRole('region', { name: PROMPT });
		await expect.poll(() => prompt.count()).toBe(1);
		await prompt.getByRole('button', { name: 'Zapisz wybór' }).click();
		await expect.poll(() => moderator.getByText('Zapisano wybór komunikatów pilnych.').count()).toBe(1);
		expect(await prompt.count()).toBe(0);
		await moderator.goto(`${server.url}/g/wiskitki/komunikaty`);
		await expect.poll(() => moderator.getByText(/Twój wybór z .*, w pytaniu na stronie grupy\./).count()).toBe(1);
		for (const kind of suggested) expect(await checked(moderator, kind), kind).toBe(true);
		await moderator.goto(`${server.url}/g/wiskitki`);
		await expect.poll(() => moderator.getByRole('heading', { name: 'Napisz post' }).count()).toBe(1);
		expect(await prompt.count()).toBe(0);
	});

	it('has no accessibility problems on the join form, the question and the settings', () => {
		expect(problems).toEqual({});
	});
});
