import { readFileSync } from 'node:fs';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchBrowser, logIn, sessionCookie, startServer, type Server } from './harness';

// A resident asks for a copy of their data on /konto; the server's own job prepares it and
// e-mails the link (read from the outbox); the resident downloads the ZIP from that link.
let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let resident: Page, operator: Page;
let link = '';

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({
		viewport: { width: 1000, height: 900 },
		locale: 'pl-PL',
		acceptDownloads: true
	});
	contexts.push(ctx);
	return ctx.newPage();
}

describe.skipIf(!hasChromium)('a resident downloads their data', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		[resident, operator] = await Promise.all([newPage(), newPage()]);
	});
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	it('asks on /konto and is told the file is being prepared; a second click is refused', async () => {
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/konto`);
		await expect.poll(() => resident.getByRole('heading', { name: 'Twoje dane' }).count()).toBe(1);
		await resident.getByRole('button', { name: 'Pobierz moje dane' }).click();
		await expect.poll(() => resident.getByText('Przygotowujemy Twoje dane.').count()).toBe(1);
		await expect.poll(() => resident.getByText(/przygotowujemy plik|gotowy — link wysłany e-mailem/).count()).toBe(1);
		expect(await axeViolations(resident)).toEqual([]);
		await resident.getByRole('button', { name: 'Pobierz moje dane' }).click();
		// Refused either way: still being prepared, or (when the server's job was quicker) once a day.
		await expect
			.poll(
				() =>
					resident
						.getByRole('alert')
						.filter({ hasText: /Już przygotowujemy Twoje dane|raz na dobę/ })
						.count(),
				{ timeout: 30_000 }
			)
			.toBe(1);
	});

	it('gets the link by e-mail once the job has prepared the file', async () => {
		await logIn(operator, server.url, 'operator@tablica.test');
		// The job runs every 15 s; a loaded machine may need a good while more.
		await expect
			.poll(
				async () => {
					await operator.goto(`${server.url}/admin/poczta`);
					const mail = operator
						.locator('article', { hasText: 'Twoje dane z Tablicy są gotowe do pobrania' })
						.filter({ hasText: 'mieszkaniec@tablica.test' });
					if ((await mail.count()) === 0) return '';
					return (
						(await mail.first().locator('pre').innerText()).match(/https?:\/\/\S+\/konto\/eksport\/[\w-]{43}/)?.[0] ??
						''
					);
				},
				{ timeout: 180_000, interval: 2_000 }
			)
			.not.toBe('');
		const text = await operator
			.locator('article', { hasText: 'Twoje dane z Tablicy są gotowe do pobrania' })
			.first()
			.locator('pre')
			.innerText();
		link = text.match(/https?:\/\/\S+\/konto\/eksport\/[\w-]{43}/)![0].replace(/^https?:\/\/[^/]+/, server.url);
		expect(text).toContain('Link jest ważny do');
	}, 200_000);

	it('downloads the ZIP from the link, with every section and the readable page', async () => {
		const [download] = await Promise.all([
			resident.waitForEvent('download', { timeout: 60_000 }),
			resident.goto(link).catch(() => null)
		]);
		expect(download.suggestedFilename()).toMatch(/^tablica-moje-dane-\d{4}-\d{2}-\d{2}\.zip$/);
		const zip = new AdmZip(readFileSync((await download.path())!));
		const names = zip.getEntries().map((e) => e.entryName);
		for (const f of [
			'profil.json',
			'czlonkostwa.json',
			'posty.json',
			'komentarze.json',
			'reakcje.json',
			'zgloszenia.json',
			'decyzje.json',
			'powiadomienia.json',
			'zgody.json',
			'alerty.json',
			'zgloszenia-pomocy.json',
			'dane.html'
		])
			expect(names).toContain(f);
		expect(JSON.parse(zip.getEntry('profil.json')!.getData().toString('utf8'))).toMatchObject({
			email: 'mieszkaniec@tablica.test'
		});
		expect(JSON.parse(zip.getEntry('czlonkostwa.json')!.getData().toString('utf8')).groups).toEqual(
			expect.arrayContaining([expect.objectContaining({ groupSlug: 'wiskitki', status: 'approved' })])
		);
		expect(zip.getEntry('dane.html')!.getData().toString('utf8')).toContain('<html lang="pl">');

		await resident.goto(`${server.url}/konto`);
		await expect.poll(() => resident.getByText(/gotowy — link wysłany e-mailem.*pobrany/).count()).toBe(1);
	});

	it('gives the link to no one else: another member gets 404, a visitor is sent to sign in', async () => {
		const path = new URL(link).pathname;
		const other = await sessionCookie(server.url, 'moderator@tablica.test');
		const asOther = await fetch(link, { headers: { cookie: other, accept: 'text/html' } });
		expect(asOther.status).toBe(404);
		expect(asOther.headers.get('content-type')).toContain('text/html');
		const page = await asOther.text();
		expect(page).toContain('<html lang="pl">');
		expect(page).toContain('Nie ma takiego pliku z danymi');

		const anonymous = await fetch(link, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe(`/logowanie?dalej=${encodeURIComponent(path)}`);

		const owner = await fetch(link, {
			headers: { cookie: await sessionCookie(server.url, 'mieszkaniec@tablica.test') }
		});
		expect(owner.status).toBe(200);
		expect(owner.headers.get('content-disposition')).toMatch(
			/^attachment; filename="tablica-moje-dane-\d{4}-\d{2}-\d{2}\.zip"$/
		);
		expect(
			Buffer.from(await owner.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');
	});
});
