import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	fitsScreen,
	hasChromium,
	launchBrowser,
	postgresReachable,
	startServer,
	type Server
} from './harness';

// The weekly digest's unsubscribe link over HTTP, as a mail provider uses it (RFC 8058): a POST
// from its own servers, without the app's Origin and without a session, turns the digest off for
// that member and group only; GET only asks; a changed token is refused; other form posts without
// the app's Origin are still refused (the CSRF check is lifted for the link alone).
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the digest unsubscribe test');

const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
const SECRET = 'e2e-unsubscribe-secret';
let server: Server | undefined;
let db: pg.Client;

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	await c.query(sql);
	await c.end();
}

/** The link's token, signed as notify/unsubscribe.ts does with the key the test stored. */
const token = (userId: string, groupId: string) =>
	`${userId}.${groupId}.${createHmac('sha256', SECRET).update(`digest-unsubscribe\n${userId}\n${groupId}`).digest('base64url')}`;

const digestOn = async (userId: string, groupId: string) =>
	(await db.query(`SELECT weekly_digest FROM memberships WHERE user_id = $1 AND group_id = $2`, [userId, groupId]))
		.rows[0].weekly_digest as boolean;

const oneClick = (url: string, headers: Record<string, string> = {}) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: 'List-Unsubscribe=One-Click',
		redirect: 'manual'
	});

describe.skipIf(!reachable)('one-click unsubscribe from the weekly digest', () => {
	let members: { user_id: string; group_id: string; slug: string }[];

	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		server = await startServer({ databaseUrl: url.toString(), env: { SEED_DEMO: '1', JOBS: '0' } });
		db = new pg.Client({ connectionString: url.toString() });
		await db.connect();
		await db.query(
			`INSERT INTO app_settings (key, value) VALUES ('unsubscribe_secret', $1)
			 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
			[JSON.stringify(SECRET)]
		);
		members = (
			await db.query(
				`SELECT m.user_id::text, m.group_id::text, g.slug FROM memberships m JOIN groups g ON g.id = m.group_id
				 WHERE m.status = 'approved' AND m.weekly_digest ORDER BY m.group_id, m.user_id LIMIT 3`
			)
		).rows;
		expect(members).toHaveLength(3);
	});
	afterAll(async () => {
		await server?.stop();
		await db?.end();
		await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('GET asks and changes nothing; the one-click POST turns off only that member’s digest', async () => {
		const [a, b] = members;
		const link = `${server!.url}/wypisz/${token(a.user_id, a.group_id)}`;
		const asked = await fetch(link);
		expect(asked.status).toBe(200);
		const page = await asked.text();
		expect(page).toContain('Wypisz mnie');
		expect(page).toContain('<form method="POST"');
		expect(await digestOn(a.user_id, a.group_id)).toBe(true);

		const done = await oneClick(link, { accept: 'text/html' });
		expect(done.status).toBe(200);
		expect(await done.text()).toContain('Wypisano');
		expect(await digestOn(a.user_id, a.group_id)).toBe(false);
		expect(await digestOn(b.user_id, b.group_id)).toBe(true);
		expect(Number((await db.query(`SELECT count(*) FROM memberships WHERE NOT weekly_digest`)).rows[0].count)).toBe(1);
		// The page says so on a later visit.
		expect(await (await fetch(link)).text()).toContain('jest już wyłączony');
	});

	it('a provider’s POST with its own Origin (and any Accept) works too', async () => {
		const [, b] = members;
		const r = await oneClick(`${server!.url}/wypisz/${token(b.user_id, b.group_id)}`, {
			origin: 'https://mail.example.com'
		});
		expect(r.status).toBe(200);
		expect(await digestOn(b.user_id, b.group_id)).toBe(false);
	});

	it.skipIf(!hasChromium)('the page works on a phone, with a keyboard, and passes axe', async () => {
		const [, , c] = members;
		const browser = await launchBrowser();
		try {
			const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
			const page = await ctx.newPage();
			await page.goto(`${server!.url}/wypisz/${token(c.user_id, c.group_id)}`);
			const button = page.getByRole('button', { name: 'Wypisz mnie' });
			await expect.poll(() => button.count()).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			expect(await fitsScreen(page)).toBe(true);
			await button.focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => page.getByRole('status').filter({ hasText: 'Wypisano.' }).count()).toBe(1);
			expect(await digestOn(c.user_id, c.group_id)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
			// Back on, for the tests below.
			await db.query(`UPDATE memberships SET weekly_digest = true WHERE user_id = $1 AND group_id = $2`, [
				c.user_id,
				c.group_id
			]);
		} finally {
			await browser.close();
		}
	});

	it('a changed token is refused and changes nothing', async () => {
		const [, , c] = members;
		const good = token(c.user_id, c.group_id);
		for (const bad of [`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, `${c.user_id}.${c.group_id}.x`]) {
			expect((await oneClick(`${server!.url}/wypisz/${bad}`)).status).toBe(404);
			expect((await fetch(`${server!.url}/wypisz/${bad}`)).status).toBe(404);
		}
		expect(await digestOn(c.user_id, c.group_id)).toBe(true);
	});

	it('other form posts without the app’s Origin are still refused', async () => {
		const [, , c] = members;
		const r = await oneClick(`${server!.url}/g/${c.slug}/komunikaty?/toggle`);
		expect(r.status).toBe(403);
		const nested = await oneClick(`${server!.url}/wypisz/${token(c.user_id, c.group_id)}/x`);
		expect([403, 404]).toContain(nested.status);
		expect(await digestOn(c.user_id, c.group_id)).toBe(true);
	});
});
