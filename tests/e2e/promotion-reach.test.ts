import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	logIn,
	openBrowser,
	postgresReachable,
	screens,
	sessionCookie,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

// Issue 17, Pakiet 2: the reach report of a promoted post, from the unit's workspace. The promotion
// is written straight into the database (creating promotions is another page's work).

const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = hasChromium && (await postgresReachable(pgUrl, 'the promoted post reach browser test'));
const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;

async function admin(statement: string) {
	const c = new pg.Client({ connectionString: pgUrl });
	await c.connect();
	await c.query(statement);
	await c.end();
}

describe.skipIf(!reachable)('the reach report of a promoted post', () => {
	let server: Server;
	let db: pg.Client;
	let browser: TestBrowser;
	let schoolId: string, promotionId: string;

	beforeAll(async () => {
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(pgUrl);
		url.pathname = `/${dbName}`;
		// No jobs: the outbox rows the test wrote keep their states (delivery would try the pushes).
		server = await startServer({ databaseUrl: url.toString(), env: { JOBS: '0' } });
		db = new pg.Client({ connectionString: url.toString() });
		await db.connect();
		browser = await openBrowser();
		// The school's latest published post, promoted since yesterday for three days, with its deliveries.
		const { rows } = await db.query<{ id: string; group_id: string; unit_id: string }>(
			`SELECT p.id, p.group_id, p.unit_id FROM posts p JOIN units u ON u.id = p.unit_id
			 WHERE u.slug = 'sp-wiskitki' AND p.status = 'published' AND p.urgent_until IS NULL
			 ORDER BY p.published_at DESC, p.id DESC LIMIT 1`
		);
		schoolId = rows[0].unit_id;
		const promotion = await db.query<{ id: string }>(
			`INSERT INTO promotions (post_id, group_id, unit_id, sponsor_name, starts_at, ends_at, created_at, notified, pushed, emailed)
			 VALUES ($1, $2, $3, 'Szkoła Podstawowa w Wiskitkach', now() - interval '1 day', now() + interval '2 days', now(), 1204, 311, 0)
			 RETURNING id`,
			[rows[0].id, rows[0].group_id, schoolId]
		);
		promotionId = promotion.rows[0].id;
		await db.query(
			`INSERT INTO outbox (channel, recipient, body_text, status, created_at, sent_at, promotion_id)
			 SELECT 'push', 'endpoint-' || n, 'Wyróżniony post', CASE WHEN n <= 300 THEN 'sent' ELSE 'pending' END, now(), now(), $1
			 FROM generate_series(1, 311) n`,
			[promotionId]
		);
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await db?.end();
		await server?.stop();
		await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	for (const [name, screen] of screens)
		it(`the school's editor finds the promoted post in the workspace and opens its reach (${name})`, async () => {
			const page = await browser.newPage(screen);
			await logIn(page, server.url, 'sekretariat@sp-wiskitki.test');
			await page.goto(`${server.url}/jednostka/${schoolId}#opublikowane`);
			const row = page.locator('#opublikowane tr', { hasText: 'Wyróżniony' });
			await row.first().waitFor(WAIT);
			expect(await row.count()).toBe(1);
			await row.getByRole('link', { name: /Zasięg wyróżnienia/ }).click();
			await page.waitForURL(`${server.url}/jednostka/${schoolId}/wyroznienia/${promotionId}`, WAIT);
			await expect
				.poll(() => page.getByRole('heading', { level: 1 }).innerText(), WAIT)
				.toBe('Zasięg wyróżnionego posta');
			for (const caption of [
				'Powiadomienia o wyróżnieniu według kanału',
				'Zasięg posta w dniach wyróżnienia, po nim i razem, wobec mediany',
				'Zasięg posta w jego grupie i w grupach sąsiednich gmin'
			])
				expect(await page.locator('caption', { hasText: caption }).count(), caption).toBe(1);
			const push = page.locator('tr', { has: page.locator('th[scope="row"]', { hasText: /^Push$/ }) });
			expect((await push.innerText()).replace(/\s+/g, ' ')).toMatch(/311.*300.*11.*0/);
			expect(await page.getByText('(4 dni)').count()).toBe(1);
			expect(await page.getByText('trwa', { exact: true }).count()).toBe(1);
			expect(await page.getByText(/^Mediana postów niewyróżnionych jednostki z 90 dni/).count()).toBe(1);
			expect(await page.locator('tr', { hasText: 'Wiskitki' }).filter({ hasText: '(grupa posta)' }).count()).toBe(1);
			expect(await fitsScreen(page)).toBe(true);
			await expectNoAxeViolations(page);
		});

	it('a resident is refused the report, in Polish', async () => {
		const cookie = await sessionCookie(server.url, 'mieszkaniec@tablica.test');
		const r = await fetch(`${server.url}/jednostka/${schoolId}/wyroznienia/${promotionId}`, { headers: { cookie } });
		expect(r.status).toBe(403);
		expect(await r.text()).toContain('Zasięg wyróżnień jednostki widzi jej zespół, koordynator gminy i operator.');
	});
});
