import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone as phoneScreen,
	screens as viewports,
	sessionCookie,
	startServer,
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 16, "Workspaces": unit staff publish without being asked to join and have a workspace at
// /jednostka/{unitId}, where the unit admin also manages the unit's profile, staff and API tokens
// (its editors see the list only); residents edit (with "edytowano" and a history) and delete their
// own comments.

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

/** An API call with a bearer token. */
const bearer = (token: string, method: string, path: string, body?: unknown) =>
	fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});

/** A form action of the school's workspace, posted as a browser without JavaScript would. */
const action = (cookie: string, name: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${server.url}/jednostka/${schoolId}?/${name}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			cookie,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...headers
		},
		body: new URLSearchParams(fields)
	});

const workspaceHtml = async (cookie: string) =>
	(await fetch(`${server.url}/jednostka/${schoolId}`, { headers: { cookie } })).text();

/** A page's text without tags and Svelte's hydration comments. */
const textOf = (html: string) =>
	html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ');

/** The profile as the unit admin's form shows it (the stored values). */
const profileIn = (html: string) => ({
	description: /<textarea[^>]*name="description"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? null,
	website: /<input[^>]*name="website"[^>]*value="([^"]*)"/.exec(html)?.[1] ?? null,
	phone: /<input[^>]*name="contactPhone"[^>]*value="([^"]*)"/.exec(html)?.[1] ?? null
});

/** The school as residents see it in the group. */
const unitPageHtml = async () => (await fetch(`${server.url}/g/wiskitki?jednostka=sp-wiskitki`)).text();

/** The invitation link e-mailed to the address, from the operator's outbox. */
async function invitationLink(email: string): Promise<string> {
	const cookie = await sessionCookie(server.url, 'operator@tablica.test');
	const html = await (await fetch(`${server.url}/admin/poczta`, { headers: { cookie } })).text();
	const mail = html.split('<article').find((a) => a.includes(email));
	return /\/zaproszenie\/[\w-]+/.exec(mail ?? '')![0];
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
		it(`the school's editor publishes without being asked to join and finds the unit's workspace, read-only (${name})`, async () => {
			const page = await browser.newPage(viewport);
			await logIn(page, server.url, 'sekretariat@sp-wiskitki.test');
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
			// The staff, with their roles; the editor is marked as the one signed in.
			const staff = page.locator('#zespol li');
			expect(await staff.filter({ hasText: 'Tomasz Wójcik — administrator jednostki' }).count()).toBe(1);
			expect(await staff.filter({ hasText: 'Joanna Kaczmarek — redaktor (to Ty)' }).count()).toBe(1);
			// Reach of the published posts, as the unit report counts them.
			expect(await page.locator('th', { hasText: 'Wyświetlenia' }).count()).toBeGreaterThan(0);
			// An editor sees the profile and the staff but no form: those, and the tokens, are the unit admin's.
			expect(await page.getByRole('heading', { name: 'Tokeny API' }).count()).toBe(0);
			expect(await page.getByRole('link', { name: 'Tokeny API' }).count()).toBe(0);
			expect(await page.locator('main form').count()).toBe(0);
			expect(await page.getByText('Zespół zmienia administrator jednostki albo koordynator gminy.').count()).toBe(1);
			expect(await page.getByText('Profil zmienia administrator jednostki albo koordynator gminy.').count()).toBe(1);
			expect(await page.locator('#profil dd').allInnerTexts()).toContain(
				'Szkoła Podstawowa im. Armii Krajowej w Wiskitkach'
			);
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
			staffOfThisUnit: await status('sekretariat@sp-wiskitki.test', schoolId),
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
		// The coordinator (also the office's admin) manages the office's staff and tokens there too.
		const page = await browser.newPage(laptop);
		await logIn(page, server.url, 'koordynator@wiskitki.test');
		await page.goto(`${server.url}/jednostka/${officeId}`);
		await expect.poll(() => page.getByRole('heading', { name: 'Tokeny API' }).count(), T).toBe(1);
		expect(await page.getByRole('button', { name: 'Wyślij zaproszenie' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Zapisz profil' }).count()).toBe(1);
		await page.goto(`${server.url}/jednostka/${schoolId}`, { waitUntil: 'load' });
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Szkoła Podstawowa');
	}, 180_000);

	for (const [name, viewport] of viewports) {
		it(`the school's unit admin edits the profile, invites a colleague, makes and revokes a token (${name})`, async () => {
			const tag = name === 'a phone' ? 'telefon' : 'laptop';
			const page = await browser.newPage(viewport);
			await logIn(page, server.url, 'redakcja@sp-wiskitki.test');
			await page.goto(`${server.url}/jednostka/${schoolId}`);
			await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), T).toContain('Szkoła Podstawowa');

			// "Na tej stronie": one tap to each section, which lands below the sticky header.
			const nav = page.getByRole('navigation', { name: 'Na tej stronie' });
			for (const [label, hash, heading] of [
				['Tokeny API', '#tokeny', 'Tokeny API dla systemów jednostki'],
				['Zespół', '#zespol', 'Zespół'],
				['Profil', '#profil', 'Profil jednostki']
			]) {
				await nav.getByRole('link', { name: label, exact: true }).click();
				await expect.poll(() => new URL(page.url()).hash, T).toBe(hash);
				const h = page.getByRole('heading', { name: heading, exact: true });
				await expect
					.poll(async () => {
						const header = (await page.locator('.site-header').boundingBox())!;
						const box = (await h.boundingBox())!;
						return box.y >= header.y + header.height && box.y + box.height <= viewport.height;
					}, T)
					.toBe(true);
			}

			// The profile: a bad address is refused in Polish and changes nothing; then it is saved.
			const profile = page.locator('#profil');
			const description = `Szkoła z tradycjami, zajęcia dodatkowe (${tag}).`;
			await profile.getByLabel('Krótki opis').fill(description);
			await profile.getByLabel('Strona internetowa').fill('sp-wiskitki.pl');
			await profile.getByRole('button', { name: 'Zapisz profil' }).click();
			await expect
				.poll(() => profile.getByRole('alert').innerText(), T)
				.toContain('Podaj adres strony zaczynający się od https://.');
			expect(await profile.getByLabel('Strona internetowa').getAttribute('aria-invalid')).toBe('true');
			expect(await unitPageHtml()).not.toContain(description);
			await profile.getByLabel('Strona internetowa').fill(`https://sp-wiskitki.pl/${tag}`);
			await profile.getByLabel('Telefon').fill('46 856 45 10');
			await profile.getByRole('button', { name: 'Zapisz profil' }).click();
			await expect.poll(() => profile.getByText('Zapisano profil jednostki.').count(), T).toBe(1);
			// The group's page of the unit shows it to residents.
			await expect.poll(unitPageHtml, T).toContain(description);
			expect(await unitPageHtml()).toContain(`sp-wiskitki.pl/${tag}`);

			// A new colleague, invited by e-mail.
			const staff = page.locator('#zespol');
			const colleague = `nauczyciel.${tag}@sp-wiskitki.test`;
			await staff.getByLabel(/^E-mail/).fill(colleague);
			await staff.getByLabel('Rola', { exact: true }).selectOption('editor');
			await staff.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
			await expect.poll(() => staff.getByText(`Wysłaliśmy zaproszenie na adres ${colleague}`).count(), T).toBe(1);
			await expect.poll(() => staff.locator('li', { hasText: `${colleague} — redaktor, ważne do` }).count(), T).toBe(1);

			// A token, shown once with how to copy it; it works on the API until revoked.
			const tokens = page.locator('#tokeny');
			const tokenName = `strona szkoły (${tag})`;
			await tokens.getByLabel('Nazwa tokenu').fill(tokenName);
			await tokens.getByRole('button', { name: 'Utwórz token' }).click();
			const shown = tokens.getByLabel(/^Nowy token — skopiuj go teraz/);
			await expect.poll(() => shown.count(), T).toBe(1);
			const token = await shown.inputValue();
			expect(token).toMatch(/^tbl_[\w-]+$/);
			expect(await tokens.getByText('Pokazujemy go tylko ten jeden raz').count()).toBe(1);
			await expectNoAxeViolations(page);
			const draft = await bearer(token, 'POST', '/groups/wiskitki/posts', {
				as: `unit:${schoolId}`,
				body: `Plan lekcji z systemu szkoły (${tag})`,
				category: 'education',
				draft: true
			});
			expect(draft.status).toBe(201);
			expect((await bearer(token, 'GET', '/groups/wiskitki/posts?limit=1')).status).toBe(200);
			// Shown once: a fresh page has its name and last use, never the token.
			await page.reload();
			const row = tokens.locator('li', { hasText: tokenName });
			await expect.poll(() => row.innerText(), T).toContain('ostatnio użyty');
			expect(await page.content()).not.toContain(token);

			// Revoking takes a second step with a clear label.
			expect(await row.getByRole('button', { name: `Unieważnij token ${tokenName}` }).isVisible()).toBe(false);
			await row.locator('summary', { hasText: 'Unieważnij' }).click();
			await row.getByRole('button', { name: `Unieważnij token ${tokenName}` }).click();
			await expect.poll(() => tokens.getByText('Token unieważniony').count(), T).toBe(1);
			await expect.poll(() => tokens.locator('li', { hasText: tokenName }).count(), T).toBe(0);
			const refused = await bearer(token, 'GET', '/groups/wiskitki/posts?limit=1');
			expect(refused.status).toBe(401);
			expect((await json(refused)).error).toMatchObject({ code: 'unauthenticated' });

			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		}, 240_000);
	}

	it('the unit admin makes a colleague an admin and back, and takes access away after a second step (a phone)', async () => {
		// A colleague accepts an invitation (the link from the operator's outbox) with a new account.
		const colleague = `wicedyrektor@sp-wiskitki.test`;
		const admin = await browser.newPage(phoneScreen);
		await logIn(admin, server.url, 'redakcja@sp-wiskitki.test');
		await admin.goto(`${server.url}/jednostka/${schoolId}#zespol`);
		const staff = admin.locator('#zespol');
		await staff.getByLabel(/^E-mail/).fill(colleague);
		await staff.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect.poll(() => staff.getByText(`Wysłaliśmy zaproszenie na adres ${colleague}`).count(), T).toBe(1);
		const link = await invitationLink(colleague);
		const accepted = await fetch(`${server.url}${link}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ displayName: 'Paweł Wicedyrektor', password: 'haslo-wicedyrektora-1' })
		});
		expect(accepted.status).toBe(303);
		const colleagueCookie = await sessionCookie(server.url, colleague, 'haslo-wicedyrektora-1');
		const workspaceAs = (cookie: string) =>
			fetch(`${server.url}/jednostka/${schoolId}`, { headers: { cookie } }).then(async (r) => ({
				status: r.status,
				managing: (await r.text()).includes('Tokeny API dla systemów jednostki')
			}));
		expect(await workspaceAs(colleagueCookie)).toEqual({ status: 200, managing: false });

		await admin.reload();
		const person = staff.locator('li', { hasText: 'Paweł Wicedyrektor' });
		await expect.poll(() => person.innerText(), T).toContain('— redaktor');
		// The admin's own row has no forms: someone else changes their role.
		expect(await staff.locator('li', { hasText: '(to Ty)' }).locator('summary').count()).toBe(0);
		// Opens "Zmień rolę albo odbierz dostęp" (it stays open after an enhanced form's answer).
		const manage = async () => {
			if (await person.locator('details').evaluate((d) => !(d as HTMLDetailsElement).open))
				await person.locator('summary').click();
		};
		await manage();
		await person.getByLabel('Rola: Paweł Wicedyrektor').selectOption('unitAdmin');
		await person.getByRole('button', { name: 'Zapisz rolę osoby Paweł Wicedyrektor' }).click();
		await expect.poll(() => staff.getByText('Paweł Wicedyrektor — teraz administrator jednostki.').count(), T).toBe(1);
		expect(await workspaceAs(colleagueCookie)).toEqual({ status: 200, managing: true });
		await manage();
		await person.getByLabel('Rola: Paweł Wicedyrektor').selectOption('editor');
		await person.getByRole('button', { name: 'Zapisz rolę osoby Paweł Wicedyrektor' }).click();
		await expect.poll(() => staff.getByText('Paweł Wicedyrektor — teraz redaktor.').count(), T).toBe(1);
		expect(await workspaceAs(colleagueCookie)).toEqual({ status: 200, managing: false });

		// Taking access away: the button is behind "Zmień rolę albo odbierz dostęp" and says what it does.
		await expect.poll(() => person.innerText(), T).toContain('— redaktor');
		await admin.reload();
		const remove = person.getByRole('button', { name: 'Odbierz dostęp: Paweł Wicedyrektor' });
		await expect.poll(() => person.count(), T).toBe(1);
		expect(await remove.isVisible()).toBe(false);
		await manage();
		expect(await person.getByText('Posty jednostki zostają.').isVisible()).toBe(true);
		await expectNoAxeViolations(admin);
		await remove.click();
		await expect.poll(() => staff.getByText('Paweł Wicedyrektor nie publikuje już jako jednostka.').count(), T).toBe(1);
		await expect.poll(() => staff.locator('li', { hasText: 'Paweł Wicedyrektor' }).count(), T).toBe(0);
		expect((await workspaceAs(colleagueCookie)).status).toBe(403);
		expect(await fitsScreen(admin)).toBe(true);
	}, 240_000);

	it('the editor’s POSTs to the staff, profile and token actions are refused (403) and change nothing', async () => {
		const admin = await sessionCookie(server.url, 'redakcja@sp-wiskitki.test');
		const editor = await sessionCookie(server.url, 'sekretariat@sp-wiskitki.test');
		// The unit admin's token and invitation, for the editor to try to revoke.
		const made = await action(admin, 'token', { tokenName: 'BIP szkoły' });
		const token = /tbl_[\w-]+/.exec(await made.text())![0];
		expect((await action(admin, 'invite', { email: 'zaproszona@sp-wiskitki.test', role: 'editor' })).status).toBe(200);
		const before = await workspaceHtml(admin);
		const id = (re: RegExp) => re.exec(before)![1];
		const tokenId = id(/BIP szkoły[\s\S]*?name="tokenId" value="(\d+)"/);
		const invitationId = id(/zaproszona@sp-wiskitki\.test[\s\S]*?name="invitationId" value="(\d+)"/);
		const editorId = id(/Joanna Kaczmarek[\s\S]*?name="userId" value="(\d+)"/);
		const adminRow = 'Tomasz Wójcik (redakcja@sp-wiskitki.test) — administrator jednostki';
		const editorRow = 'Joanna Kaczmarek (sekretariat@sp-wiskitki.test) — redaktor';
		expect(textOf(before)).toContain(adminRow);
		expect(textOf(before)).toContain(editorRow);
		const profile = profileIn(before);
		expect(profile.description).not.toBe('');

		const attempts: [string, Record<string, string>][] = [
			['profile', { description: 'Przejęty profil', website: 'https://example.com' }],
			['invite', { email: 'intruz@example.com', role: 'unitAdmin' }],
			['role', { userId: editorId, role: 'unitAdmin' }],
			['remove', { userId: editorId }],
			['revokeInvitation', { invitationId }],
			['token', { tokenName: 'mój token' }],
			['revokeToken', { tokenId }]
		];
		const statuses: Record<string, number> = {};
		for (const [name, fields] of attempts) {
			const r = await action(editor, name, fields);
			statuses[name] = r.status;
			const text = await r.text();
			expect(text, name).not.toMatch(/tbl_[\w-]{20,}/);
			if (name === 'profile')
				expect(text).toContain('Profil jednostki zmienia jej administrator albo koordynator gminy.');
			if (name === 'invite')
				expect(text).toContain('Zespołem jednostki zarządza jej administrator albo koordynator gminy.');
		}
		expect(statuses).toEqual(Object.fromEntries(attempts.map(([name]) => [name, 403])));
		// The enhanced form sees the same refusal.
		const enhanced = await action(
			editor,
			'revokeToken',
			{ tokenId },
			{ accept: 'application/json', 'x-sveltekit-action': 'true' }
		);
		expect(await enhanced.json()).toMatchObject({ type: 'failure', status: 403 });

		// Nothing changed: the profile, the staff and their roles, the invitation, the token (which still works).
		expect(await unitPageHtml()).not.toContain('Przejęty profil');
		const after = await workspaceHtml(admin);
		expect(profileIn(after)).toEqual(profile);
		expect(textOf(after)).toContain(adminRow);
		expect(textOf(after)).toContain(editorRow);
		expect(after).toContain(`name="invitationId" value="${invitationId}"`);
		expect(after).toContain(`name="tokenId" value="${tokenId}"`);
		expect(after).not.toContain('mój token');
		expect(after).not.toContain('intruz@example.com');
		expect((await bearer(token, 'GET', '/groups/wiskitki/posts?limit=1')).status).toBe(200);
		expect((await workspaceHtml(editor)).includes('Tokeny API dla systemów jednostki')).toBe(false);
	}, 120_000);

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
