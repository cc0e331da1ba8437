import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	apiToken,
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

// Issue 19, "Questions the office answers": a resident asks the office in the category "Pytania",
// the moderator lets the post through, the coordinator forwards it to the library, the library's
// editor answers under it; the question shows "odpowiedziano", the answer is marked "Odpowiedź
// urzędu", and the municipality's public page counts it.

let server: Server;
let browser: TestBrowser;
let libraryId: string;
const question = `Czy biblioteka drukuje dokumenty w soboty? ${Date.now()}`;

/** The questions' figures of the municipality's public page, as text. */
async function publicFigures(page: Page): Promise<string> {
	await page.goto(`${server.url}/grupy/wiskitki`);
	return page
		.locator('section', { has: page.getByRole('heading', { name: /Pytania mieszkańców do urzędu/ }) })
		.innerText();
}

describe.skipIf(!hasChromium)('residents’ questions to the office', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
		const units = (await (await fetch(`${server.url}/api/v1/groups/wiskitki/units`)).json()) as {
			items: { id: string; slug: string }[];
		};
		libraryId = units.items.find((u) => u.slug === 'biblioteka')!.id;
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('a resident asks the office, the coordinator forwards it, the library answers, the median counts it', async () => {
		const visitor = await browser.newPage(laptop);
		const before = await publicFigures(visitor);
		// The demo's questions: four answered of six, so the page shows figures already.
		expect(before).toContain('Zadane pytania');
		expect(before).toContain('Mediana czasu odpowiedzi');

		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`);
		// Writing opens the composer; the addressee appears once the category is "Pytania".
		await resident.getByLabel('Treść').fill(question);
		await expect.poll(() => resident.getByLabel('Pytanie do').count(), T).toBe(0);
		await resident.getByLabel('Kategoria').selectOption({ label: 'Pytania' });
		await resident.getByLabel('Pytanie do').selectOption({ label: 'Urząd Miasta i Gminy Wiskitki' });
		await expect(fitsScreen(resident)).resolves.toBe(true);
		await expectNoAxeViolations(resident);
		await resident.getByRole('button', { name: 'Opublikuj' }).click();
		await expect.poll(() => resident.getByText('Post czeka na akceptację moderatora').count(), T).toBe(1);

		const moderator = await browser.newPage(laptop);
		await logIn(moderator, server.url, 'moderator@tablica.test');
		await moderator.goto(`${server.url}/moderacja?grupa=wiskitki`);
		const item = moderator.locator('[data-queue-item]', { hasText: question });
		await expect.poll(() => item.count(), T).toBe(1);
		await item.getByRole('button', { name: /^Zatwierdź/ }).click();
		await expect.poll(() => moderator.getByText('Opublikowano.').count(), T).toBe(1);

		// The coordinator finds it among the municipality's waiting questions and forwards it.
		const coordinator = await browser.newPage(laptop);
		await logIn(coordinator, server.url, 'koordynator@wiskitki.test');
		await coordinator.goto(`${server.url}/urzad/pytania`);
		await expect.poll(() => coordinator.getByRole('link', { name: question }).count(), T).toBe(1);
		expect(await coordinator.getByText(/po terminie 2 dni roboczych/).count()).toBeGreaterThan(0);
		await expectNoAxeViolations(coordinator);
		await coordinator.getByRole('link', { name: question }).click();
		await expect
			.poll(() => coordinator.getByText('Pytanie do: Urząd Miasta i Gminy Wiskitki — czeka na odpowiedź').count(), T)
			.toBe(1);
		await coordinator.getByLabel('Przekaż do').selectOption({ label: 'Gminna Biblioteka Publiczna w Wiskitkach' });
		await coordinator.getByRole('button', { name: 'Przekaż pytanie' }).click();
		await expect
			.poll(() => coordinator.getByText('Przekazano do: Gminna Biblioteka Publiczna w Wiskitkach.').count(), T)
			.toBe(1);
		await expectNoAxeViolations(coordinator);

		// The library's editor sees it in the unit's workspace, with its age, and answers under it.
		const librarian = await browser.newPage(phone);
		await logIn(librarian, server.url, 'biblioteka@wiskitki.test');
		await librarian.goto(`${server.url}/jednostka/${libraryId}`);
		const waiting = librarian.locator('#pytania li', { hasText: question });
		await expect.poll(() => waiting.count(), T).toBe(1);
		expect(await waiting.innerText()).toMatch(/zadane dziś lub w dzień wolny|czeka \d+ dni? robocz/);
		expect(await fitsScreen(librarian)).toBe(true);
		await expectNoAxeViolations(librarian);
		await waiting.getByRole('link', { name: question }).click();
		await expect
			.poll(() => librarian.getByText(/Pytanie do: Gminna Biblioteka Publiczna w Wiskitkach — przekazano/).count(), T)
			.toBe(1);
		await librarian.getByLabel('Napisz komentarz').fill('Tak, w soboty od 10 do 14, 50 gr za stronę.');
		await librarian.getByRole('button', { name: 'Skomentuj' }).click();
		await expect
			.poll(
				() => librarian.getByText('Pytanie do: Gminna Biblioteka Publiczna w Wiskitkach — odpowiedziano').count(),
				T
			)
			.toBe(1);
		expect(await librarian.getByText('Odpowiedź urzędu · Gminna Biblioteka Publiczna w Wiskitkach').count()).toBe(1);
		await expectNoAxeViolations(librarian);

		// The resident's notification says who answered.
		await resident.goto(`${server.url}/powiadomienia`);
		await expect
			.poll(() => resident.getByText('Gminna Biblioteka Publiczna w Wiskitkach odpowiada na Twoje pytanie').count(), T)
			.toBeGreaterThan(0);

		// The public page counts one more question, answered (its figures are kept for 30 s).
		await expect
			.poll(async () => (await publicFigures(visitor)) !== before, { timeout: 90_000, interval: 2_000 })
			.toBe(true);
		const after = await publicFigures(visitor);
		const asked = (text: string) => Number(/Zadane pytania\s+(\d+)/.exec(text)?.[1]);
		expect(asked(after)).toBe(asked(before) + 1);
	}, 300_000);

	it('a resident follows a post and mutes it, on the page and through the API', async () => {
		const posts = (await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts`)).json()) as {
			items: { id: string; status: string }[];
		};
		const postId = posts.items.find((p) => p.status === 'published')!.id;
		const page = await browser.newPage(phone);
		await logIn(page, server.url, 'mieszkaniec@tablica.test');
		await page.goto(`${server.url}/g/wiskitki/p/${postId}`);
		await page.getByRole('button', { name: 'Obserwuj — powiadamiaj o komentarzach' }).click();
		await expect
			.poll(() => page.getByText('Obserwujesz ten post: powiadomimy Cię o nowych komentarzach.').count(), T)
			.toBe(1);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Wycisz powiadomienia' }).click();
		await expect.poll(() => page.getByText('Nie obserwujesz tego posta.').count(), T).toBe(1);

		const token = await apiToken(server.url, 'mieszkaniec@tablica.test');
		const call = (method: string, auth: string | null) =>
			fetch(`${server.url}/api/v1/posts/${postId}/follow`, {
				method,
				headers: auth ? { authorization: `Bearer ${auth}` } : {}
			}).then(async (r) => [r.status, await r.json()]);
		expect(await call('PUT', token)).toEqual([200, { following: true }]);
		expect(await call('DELETE', token)).toEqual([200, { following: false }]);
		expect((await call('PUT', null))[0]).toBe(401);
	}, 180_000);

	it('the municipality’s waiting questions are the coordinator’s and the operator’s only', async () => {
		const status = async (email: string | null) => {
			const cookie = email ? await sessionCookie(server.url, email) : null;
			const r = await fetch(`${server.url}/urzad/pytania`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
			return r.status === 303 ? `303 ${new URL(r.headers.get('location')!, server.url).pathname}` : String(r.status);
		};
		expect({
			anonymous: await status(null),
			resident: await status('mieszkaniec@tablica.test'),
			library: await status('biblioteka@wiskitki.test'),
			coordinator: await status('koordynator@wiskitki.test'),
			operator: await status('operator@tablica.test')
		}).toEqual({
			anonymous: '303 /logowanie',
			resident: '403',
			library: '403',
			coordinator: '200',
			operator: '200'
		});
	});
});
