import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, fitsScreen, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

// A member turns "ogłoszenia gminy" and the weekly digest off and on in one click each, on a phone,
// with a keyboard-usable form that passes axe; a moderator picks the digest's day and hour.
let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let resident: Page, moderator: Page;

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

describe.skipIf(!hasChromium)('the member’s "ogłoszenia gminy" and "Tydzień w gminie" settings, in the browser', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		[resident, moderator] = await Promise.all([newPage(), newPage()]);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await logIn(moderator, server.url, 'moderator@tablica.test');
	}, 240_000);
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	it('both are on by default and one click turns each off, then on again', async () => {
		await resident.goto(`${server.url}/g/wiskitki/komunikaty`);
		const section = resident.getByRole('region', { name: 'Ogłoszenia gminy i podsumowanie tygodnia' });
		await expect.poll(() => section.count()).toBe(1);
		expect(await section.innerText()).toContain('Włączone.');
		expect(await axeViolations(resident)).toEqual([]);
		expect(await fitsScreen(resident)).toBe(true);

		await section.getByRole('button', { name: 'Wyłącz ogłoszenia gminy' }).click();
		await expect
			.poll(() => resident.getByRole('status').filter({ hasText: 'Ogłoszenia gminy są wyłączone.' }).count())
			.toBe(1);
		await expect.poll(() => section.getByRole('button', { name: 'Włącz ogłoszenia gminy' }).count()).toBe(1);
		// The digest stays on.
		expect(await section.getByRole('button', { name: 'Wyłącz e-mail „Tydzień w gminie”' }).count()).toBe(1);

		// Keyboard: focus the digest's button and press Enter.
		await section.getByRole('button', { name: 'Wyłącz e-mail „Tydzień w gminie”' }).focus();
		await resident.keyboard.press('Enter');
		await expect
			.poll(() => resident.getByRole('status').filter({ hasText: 'E-mail „Tydzień w gminie” jest wyłączony.' }).count())
			.toBe(1);

		// Kept after a reload.
		await resident.reload();
		await expect.poll(() => section.getByRole('button', { name: 'Włącz ogłoszenia gminy' }).count()).toBe(1);
		expect(await section.getByRole('button', { name: 'Włącz e-mail „Tydzień w gminie”' }).count()).toBe(1);
		await section.getByRole('button', { name: 'Włącz ogłoszenia gminy' }).click();
		await expect.poll(() => section.getByRole('button', { name: 'Wyłącz ogłoszenia gminy' }).count()).toBe(1);
		expect(await axeViolations(resident)).toEqual([]);
	});

	it('a moderator picks the digest’s day and hour', async () => {
		await moderator.goto(`${server.url}/moderacja/zasady?grupa=wiskitki`);
		const section = moderator.getByRole('region', { name: 'E-mail „Tydzień w gminie”' });
		await expect.poll(() => section.count()).toBe(1);
		expect(await section.getByLabel('Dzień tygodnia').inputValue()).toBe('5');
		expect(await section.getByLabel('Godzina').inputValue()).toBe('16');
		await section.getByLabel('Dzień tygodnia').selectOption({ label: 'czwartek' });
		await section.getByLabel('Godzina').selectOption({ label: '18:00' });
		await section.getByRole('button', { name: 'Zapisz termin e-maila' }).click();
		await expect.poll(() => moderator.getByRole('status').filter({ hasText: 'Zapisano ustawienia.' }).count()).toBe(1);
		await moderator.reload();
		await expect.poll(() => section.getByLabel('Dzień tygodnia').inputValue()).toBe('4');
		expect(await section.getByLabel('Godzina').inputValue()).toBe('18');
		expect(await axeViolations(moderator)).toEqual([]);
		// The page's word list is wider than a phone (before this section existed); this section fits.
		const right = await section.evaluate((e) =>
			Math.max(...[e, ...e.querySelectorAll('*')].map((x) => x.getBoundingClientRect().right))
		);
		expect(right).toBeLessThanOrEqual(391);
	});
});
