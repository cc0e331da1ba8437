import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	screens as viewports,
	sessionCookie,
	startServer,
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 16, "Workspaces": unit staff publish without being asked to join and have a workspace at
// /jednostka/{unitId}; residents edit (with "edytowano" and a history) and delete their own comments.

let server: Server;
let browser: TestBrowser;
let schoolId: string, officeId: string, postId: string;

const json = (r: Response) => r.json() as Promise<Record<string, unknown>>;

async function apiAs(cookie: string | null, method: string, path: string, body?: unknown): Promise<Response> {
	return fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: {
			origin: server.url,
			...(cookie ? { cookie } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

const commentCount = async () =>
	((await json(await apiAs(null, 'GET', `/posts/${postId}`))).counts as { comments: number }).comments;

describe.skipIf(!hasChromium)('the first hour: the unit workspace and residents’ own comments', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
		const units = (await json(await apiAs(null, 'GET', '/groups/wiskitki/units'))).items as {
			id: string;
			slug: string;
		}[];
		schoolId = units.find((u) => u.slug === 'sp-wiskitki')!.id;
		officeId = units.find((u) => u.slug === 'urzad')!.id;
		// A published resident's post open for comments.
		const posts = (await json(await apiAs(null, 'GET', '/groups/wiskitki/posts'))).items as {
			id: string;
			status: string;
			author: { type: string };
			commentsEnabled?: boolean;
		}[];
		postId = posts.find((p) => p.status === 'published' && p.author.type === 'user' && p.commentsEnabled !== false)!.id;
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	for (const [name, viewport] of viewports) {
		it(`the school's editor publishes without being asked to join and finds the unit's workspace (${name})`, async () => {
			const page = await browser.newPage(viewport);
			await logIn(page, server.url, 'redakcja@sp-wiskitki.test');
			await page.goto(`${server.url}/g/wiskitki`);
			await expect.poll(() => page.getByRole('heading', { name: 'Napisz post' }).count(), T).toBe(1);
			expect(await page.getByRole('button', { name: 'Dołącz do grupy' }).count()).toBe(0);
			expect(await page.getByText('Zaloguj się, aby dołączyć').count()).toBe(0);
			expect(await page.locator('form[action="?/join"]').count()).toBe(0);
			expect(await page.locator('header a', { hasText: 'Jednostka' }).getAttribute('href')).toBe(
				`/jednostka/${schoolId}`
			);

			await page.getByRole('link', { name: /Twoje szkice/ }).click();
			await page.waitForURL(`${server.url}/jednostka/${schoolId}`, T);
			await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), T).toContain('Szkoła Podstawowa');
			for (const h of ['Szkice', 'Zaplanowane', 'Opublikowane i ich zasięg', 'Profil jednostki', 'Zespół'])
				expect(await page.getByRole('heading', { name: h, exact: true }).count(), h).toBe(1);
			expect(await page.getByText('Tomasz Wójcik — redaktor').count()).toBe(1);
			// Reach of the published posts, as the unit report counts them.
			expect(await page.locator('th', { hasText: 'Wyświetlenia' }).count()).toBeGreaterThan(0);
			// An editor sees neither the tokens nor the staff forms: those are the unit admin's.
			expect(await page.getByRole('heading', { name: 'Tokeny API' }).count()).toBe(0);
			expect(await page.getByText('Zespół zmienia administrator jednostki albo koordynator gminy.').count()).toBe(1);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		}, 180_000);
	}

	it('the workspace opens for the unit’s staff, the coordinator and the operator only', async () => {
		const status = async (email: string | null, unitId: string) => {
			const cookie = email ? await sessionCookie(server.url, email) : null;
			const r = await fetch(`${server.url}/jednostka/${unitId}`, {
				redirect: 'manual',
				headers: cookie ? { cookie } : {}
			});
			return r.status === 303 ? `303 ${new URL(r.headers.get('location')!, server.url).pathname}` : String(r.status);
		};
		expect({
			anonymous: await status(null, schoolId),
			resident: await status('mieszkaniec@tablica.test', schoolId),
			staffOfThisUnit: await status('redakcja@sp-wiskitki.test', schoolId),
			staffOfAnotherUnit: await status('redakcja@sp-wiskitki.test', officeId),
			coordinator: await status('koordynator@wiskitki.test', schoolId),
			moderator: await status('moderator@tablica.test', schoolId),
			operator: await status('operator@tablica.test', schoolId),
			unknownUnit: await status('operator@tablica.test', '999999')
		}).toEqual({
			anonymous: '303 /logowanie',
			resident: '403',
			staffOfThisUnit: '200',
			staffOfAnotherUnit: '403',
			coordinator: '200',
			moderator: '403',
			operator: '200',
			unknownUnit: '404'
		});
		// The unit admin (here the coordinator, the office's admin) sees its tokens.
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/jednostka/${officeId}`);
		await expect.poll(() => page.getByRole('heading', { name: 'Tokeny API' }).count(), T).toBe(1);
		expect(await page.getByRole('link', { name: 'Zaproś osobę albo odbierz dostęp →' }).count()).toBe(1);
		await page.goto(`${server.url}/jednostka/${schoolId}`, { waitUntil: 'load' });
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Szkoła Podstawowa');
	}, 180_000);

	for (const [name, viewport] of viewports) {
		it(`a resident edits and deletes their own comment (${name})`, async () => {
			const page = await browser.newPage(viewport);
			await logIn(page, server.url, 'mieszkaniec@tablica.test');
			await page.goto(`${server.url}/g/wiskitki/p/${postId}`);
			const before = await commentCount();
			const first = `Czy ktoś wie, do której otwarte? ${name} ${Date.now()}`;
			const second = `Czy ktoś wie, do której dziś otwarte? ${name}`;
			await page.getByLabel('Napisz komentarz').fill(first);
			await page.getByRole('button', { name: 'Skomentuj' }).click();
			const written = page.locator('li.comment', { hasText: first });
			await expect.poll(() => written.count(), T).toBe(1);
			await expect.poll(commentCount, T).toBe(before + 1);
			const mine = page.locator(`#${await written.getAttribute('id')}`);

			await mine.locator('summary', { hasText: 'Edytuj' }).click();
			await mine.getByLabel('Treść komentarza').fill(second);
			await mine.getByRole('button', { name: 'Zapisz zmiany' }).click();
			await expect
				.poll(() => page.getByRole('status').filter({ hasText: 'Zapisano zmiany komentarza.' }).count(), T)
				.toBe(1);
			await expect.poll(() => mine.locator('.bubble').innerText(), T).toContain(second);
			await mine.locator('summary', { hasText: 'edytowano' }).click();
			await expect.poll(() => mine.locator('.comment-history').getByText(first).isVisible(), T).toBe(true);
			expect(await commentCount()).toBe(before + 1);
			await expectNoAxeViolations(page);

			page.once('dialog', (d) => void d.accept());
			await mine.getByRole('button', { name: 'Usuń swój komentarz' }).click();
			await expect.poll(() => mine.count(), T).toBe(0);
			await expect.poll(commentCount, T).toBe(before);
			expect(await fitsScreen(page)).toBe(true);
		}, 180_000);
	}

	it('the API lets only the author edit and delete a comment', async () => {
		const resident = await sessionCookie(server.url, 'mieszkaniec@tablica.test');
		const moderator = await sessionCookie(server.url, 'moderator@tablica.test');
		const created = await apiAs(resident, 'POST', `/posts/${postId}/comments`, { body: 'Przez API' });
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as { id: string };

		const byOther = await apiAs(moderator, 'PATCH', `/comments/${id}`, { body: 'Cudzy' });
		expect(byOther.status).toBe(403);
		expect((await json(byOther)).error).toMatchObject({ code: 'forbidden' });
		expect((await apiAs(null, 'PATCH', `/comments/${id}`, { body: 'Anonim' })).status).toBe(401);
		const empty = await apiAs(resident, 'PATCH', `/comments/${id}`, { body: ' ' });
		expect(empty.status).toBe(400);
		expect(JSON.stringify(await empty.json())).toContain('Napisz treść komentarza.');

		const ok = await apiAs(resident, 'PATCH', `/comments/${id}`, { body: 'Przez API, poprawiony' });
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ status: 'published', reasons: [] });
		const list = (await json(await apiAs(null, 'GET', `/posts/${postId}/comments`))).items as {
			id: string;
			body: string;
			editedAt: string | null;
			history: { body: string }[];
		}[];
		expect(list.find((c) => c.id === id)).toMatchObject({
			body: 'Przez API, poprawiony',
			history: [{ body: 'Przez API' }]
		});
		expect(list.find((c) => c.id === id)?.editedAt).toBeTruthy();

		expect((await apiAs(moderator, 'DELETE', `/comments/${id}`)).status).toBe(403);
		const deleted = await apiAs(resident, 'DELETE', `/comments/${id}`);
		expect(deleted.status).toBe(200);
		expect(await deleted.json()).toEqual({ deleted: true });
		const after = (await json(await apiAs(null, 'GET', `/posts/${postId}/comments`))).items as { id: string }[];
		expect(after.map((c) => c.id)).not.toContain(id);
		expect((await apiAs(resident, 'DELETE', `/comments/${id}`)).status).toBe(404);
	}, 120_000);
});
