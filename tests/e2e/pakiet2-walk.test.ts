import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	postgresReachable,
	runCli,
	startServer,
	WAIT,
	type Server,
	type TestBrowser
} from './harness';

// Pakiet 2 on its first day (the server's clock at 2027-01-01, a Friday, 15:00 in Warsaw): the
// school promotes a post, a member finds it on top of the feed and in the notifications, hides it;
// the week's digest, delivered by the server's outbox to an SMTP server on loopback, lists it
// first and unsubscribes in one click without signing in.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = (await postgresReachable(serverUrl, 'the Pakiet 2 walk')) && hasChromium;
const NOW = '2027-01-01T15:00:00+01:00';
const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
const MEMBER = 'mieszkaniec@tablica.test';

let server: Server | undefined;
let browser: TestBrowser | undefined;
let smtp: SMTPServer;
let db: pg.Client;
let dbUrl: string;
const mails: ParsedMail[] = [];
let startedAt = 0;
/** The server's shifted clock now (at most its start-up ahead of it: it started after `startedAt`). */
const serverNow = () => new Date(Date.parse(NOW) + Date.now() - startedAt).toISOString();

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	await c.query(sql);
	await c.end();
}

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 180_000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const v = await check();
		if (v !== undefined) return v;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

describe.skipIf(!reachable)('Pakiet 2 on 1 January 2027: a promoted post and the weekly digest', () => {
	let postId: string;
	let postTitle: string;

	beforeAll(async () => {
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			closeTimeout: 200,
			onData(stream, _session, cb) {
				simpleParser(stream).then((mail) => {
					mails.push(mail);
					cb();
				}, cb);
			}
		});
		smtp.on('error', () => {});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const port = (smtp.server.address() as AddressInfo).port;
		await admin(`CREATE DATABASE ${dbName}`);
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		dbUrl = url.toString();
		// The demo is seeded today (Wiskitki: Pakiet 1, Pakiet 2 ordered from 2027-01-01); then the
		// server runs on the same database with its clock on the first day of 2027.
		await (await startServer({ databaseUrl: dbUrl, env: { SEED_DEMO: '1', JOBS: '0' } })).stop();
		startedAt = Date.now();
		server = await startServer({
			databaseUrl: dbUrl,
			now: NOW,
			env: { SEED_DEMO: '1', JOBS: '1', SMTP_URL: `smtp://127.0.0.1:${port}` }
		});
		db = new pg.Client({ connectionString: dbUrl });
		await db.connect();
		const post = await db.query(
			`SELECT p.id::text, p.body FROM posts p JOIN units u ON u.id = p.unit_id JOIN groups g ON g.id = p.group_id
			 WHERE g.slug = 'wiskitki' AND u.slug = 'sp-wiskitki' AND p.status = 'published' AND p.urgent_until IS NULL
			 ORDER BY p.published_at DESC LIMIT 1`
		);
		postId = post.rows[0].id;
		postTitle = (post.rows[0].body as string).split('\n')[0].trim();
		// The school wrote it this morning: after a reader hides the promotion it stays on the first page
		// (the demo's posts are dated from the day it was seeded, and 2027 publishes the scheduled ones).
		await db.query(
			`UPDATE posts SET created_at = $2::timestamptz - interval '6 hours', published_at = $2::timestamptz - interval '6 hours' WHERE id = $1`,
			[postId, NOW]
		);
		browser = await openBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await db?.end();
		await new Promise<void>((resolve) => smtp?.close(() => resolve()));
		await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('the school promotes a post from its page, within the month’s quota', async () => {
		const page = await browser!.newPage(phone);
		await logIn(page, server!.url, 'redakcja@sp-wiskitki.test');
		await page.goto(`${server!.url}/g/wiskitki/p/${postId}`);
		const panel = page.getByRole('region', { name: 'Wyróżnienie posta' });
		await expect.poll(() => panel.innerText(), WAIT).toContain('wykorzystano 0 z 8');
		await panel.getByLabel('Na ile dni').selectOption('3');
		await expectNoAxeViolations(page);
		expect(await fitsScreen(page)).toBe(true);
		await panel.getByRole('button', { name: 'Wyróżnij post' }).click();
		await expect
			.poll(() => panel.getByRole('status').innerText(), WAIT)
			.toContain('Post wyróżniony do 4 stycznia 2027');
		await expect.poll(() => panel.getByRole('button', { name: 'Zakończ wyróżnienie teraz' }).count(), WAIT).toBe(1);
		const stored = await db.query(`SELECT notified, pushed FROM promotions WHERE post_id = $1`, [postId]);
		expect(stored.rows).toHaveLength(1);
		expect(stored.rows[0].notified).toBeGreaterThan(0);
		await page.context().close();
	});

	it('a member sees it on top with its label and in the notifications, and may hide it', async () => {
		const page = await browser!.newPage(laptop);
		await logIn(page, server!.url, MEMBER);
		await page.goto(`${server!.url}/g/wiskitki`);
		// On top, below the urgent alerts: among the first posts, all promoted, before any other.
		const promoted = page.locator(`article[data-post-id="${postId}"]`).first();
		await expect.poll(() => promoted.innerText(), WAIT).toContain('Wyróżnione przez Szkoła Podstawowa');
		const order = await page.locator('article.post').evaluateAll((cards) =>
			cards.map((c) => ({
				id: c.getAttribute('data-post-id'),
				urgent: c.classList.contains('urgent'),
				promoted: !!c.querySelector('.promoted')
			}))
		);
		const at = order.findIndex((c) => c.id === postId);
		expect(order.slice(0, at).every((c) => c.urgent || c.promoted)).toBe(true);
		expect(order.findIndex((c) => !c.urgent && !c.promoted)).toBeGreaterThan(at);
		const first = promoted;
		await expectNoAxeViolations(page);
		await page.goto(`${server!.url}/powiadomienia`);
		await expect.poll(() => page.locator('main').innerText(), WAIT).toMatch(/Szkoła Podstawowa.* wyróżnia w grupie/);
		await page.goto(`${server!.url}/g/wiskitki`);
		await first.getByRole('button', { name: /^Ukryj/ }).click();
		await expect
			.poll(async () => (await db.query(`SELECT dismissed FROM promotion_seen`)).rows, WAIT)
			.toEqual([{ dismissed: true }]);
		await page.reload();
		// Still in the feed, in its place, labelled, but no longer on top for this reader.
		await expect
			.poll(() => page.locator(`article[data-post-id="${postId}"] button`, { hasText: 'Ukryj' }).count(), WAIT)
			.toBe(0);
		expect(await page.locator(`article[data-post-id="${postId}"]`).innerText()).toContain('Wyróżnione przez');
		await page.context().close();
	});

	it('the weekly digest lists it first, through the outbox and SMTP, and unsubscribes in one click', async () => {
		// The demo's other members turned the digest off: one e-mail to follow through SMTP (the
		// bench measures the outbox's throughput), after the demo's earlier messages.
		await db.query(
			`UPDATE memberships m SET weekly_digest = (u.email = $1) FROM users u, groups g
			 WHERE u.id = m.user_id AND g.id = m.group_id AND g.slug = 'wiskitki'`,
			[MEMBER]
		);
		await db.query(`UPDATE outbox SET status = 'sent', sent_at = now() WHERE status = 'pending'`);
		const cli = await runCli(['digest', '--group', 'wiskitki'], '', {
			DATABASE_URL: dbUrl,
			// The command line on the server's clock (the promotion began before; the e-mail is due now).
			TABLICA_NOW: serverNow(),
			BASE_URL: server!.url
		});
		expect(cli.stdout).toContain('Zakolejkowano podsumowanie tygodnia: 1 e-mail.');
		const mail = await until('the member’s digest', () =>
			mails.find((m) => m.subject === 'Tydzień w gminie Wiskitki' && JSON.stringify(m.to ?? '').includes(MEMBER))
		).catch(async (e) => {
			const outbox = await db.query(`SELECT channel, status, count(*)::int AS n FROM outbox GROUP BY 1, 2`);
			throw new Error(
				`${e.message}; ${cli.stdout}; mails: ${mails.length} (${[...new Set(mails.map((m) => m.subject))].join(', ')}); outbox: ${JSON.stringify(outbox.rows)}; log: ${server!.log().slice(-2000)}`
			);
		});
		const text = mail.text ?? '';
		const sections = [...text.matchAll(/^[A-ZĄĆĘŁŃÓŚŹŻ ]{8,}$/gm)].map((m) => m[0]);
		expect(sections[0]).toBe('WYRÓŻNIONE PRZEZ GMINĘ');
		// The digest shortens a long first line to 100 characters.
		expect(text.indexOf(postTitle.replace(/\s+/g, ' ').slice(0, 60))).toBeGreaterThan(
			text.indexOf('WYRÓŻNIONE PRZEZ GMINĘ')
		);
		expect(mail.html).toContain('Wyróżnione przez gminę');
		const header = (name: string) =>
			mail.headerLines
				.find((h) => h.key === name)
				?.line.replace(/^[^:]+:\s*/, '')
				.replace(/\r?\n\s+/g, ' ') ?? '';
		expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const link = /<(https?:\/\/[^>]+)>/.exec(header('list-unsubscribe'))?.[1];
		expect(link).toMatch(new RegExp(`^${server!.url}/wypisz/`));
		const r = await fetch(link!, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://poczta.example.com' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(r.status).toBe(200);
		const after = await db.query(
			`SELECT m.weekly_digest FROM memberships m JOIN users u ON u.id = m.user_id JOIN groups g ON g.id = m.group_id
			 WHERE u.email = $1 AND g.slug = 'wiskitki'`,
			[MEMBER]
		);
		expect(after.rows).toEqual([{ weekly_digest: false }]);
		const emailed = await db.query(`SELECT emailed FROM promotions WHERE post_id = $1`, [postId]);
		expect(emailed.rows[0].emailed).toBeGreaterThan(0);
	}, 300_000);

	it('Pakiet 3: a promoted post of Radziejowice appears in Wiskitki, where a member comments into its one thread', async () => {
		const source = await db.query(
			`SELECT p.id::text, p.body FROM posts p JOIN units u ON u.id = p.unit_id JOIN groups g ON g.id = p.group_id
			 WHERE g.slug = 'radziejowice' AND u.slug = 'gok-radziejowice'
			 AND NOT EXISTS (SELECT 1 FROM promotions pr WHERE pr.post_id = p.id) ORDER BY p.published_at DESC LIMIT 1`
		);
		const id = source.rows[0].id as string;
		const title = (source.rows[0].body as string).split('\n')[0];
		const operator = await browser!.newPage(laptop);
		await logIn(operator, server!.url, 'operator@tablica.test');
		await operator.goto(`${server!.url}/g/radziejowice/p/${id}`);
		const panel = operator.getByRole('region', { name: 'Wyróżnienie posta' });
		await panel.getByRole('button', { name: 'Wyróżnij post' }).click();
		await expect
			.poll(() => panel.getByRole('status').innerText(), WAIT)
			.toContain('Post pojawi się też w 2 grupach sąsiednich gmin');

		const member = await browser!.newPage(phone);
		await logIn(member, server!.url, MEMBER);
		await member.goto(`${server!.url}/g/wiskitki`);
		const card = member.locator(`article[data-post-id="${id}"]`).first();
		await expect.poll(() => card.innerText(), WAIT).toContain('Z gminy Radziejowice');
		expect(await card.innerText()).toContain('Wyróżnione przez Gminny Ośrodek Kultury');
		await card.getByRole('link', { name: 'Komentuj' }).click();
		await member.waitForURL(`${server!.url}/g/wiskitki/p/${id}#komentarze`, WAIT);
		await member.locator('#f-comment').fill('Będziemy z całą rodziną, dziękujemy za zaproszenie!');
		await member.getByRole('button', { name: 'Skomentuj' }).click();
		await expect
			.poll(
				async () =>
					(
						await db.query(
							`SELECT g.slug FROM comments c JOIN groups g ON g.id = c.via_group_id WHERE c.post_id = $1 AND c.status = 'published'`,
							[id]
						)
					).rows,
				WAIT
			)
			.toEqual([{ slug: 'wiskitki' }]);
		// One thread: the comment is under the post in its own group.
		await operator.goto(`${server!.url}/g/radziejowice/p/${id}`);
		expect(await operator.locator('#komentarze').innerText()).toContain('Będziemy z całą rodziną');
		expect(title.length).toBeGreaterThan(0);
		await expectNoAxeViolations(member);
	});

	it('the reach report shows the lift of the pilot’s earlier promotion', async () => {
		const promotion = await db.query(
			`SELECT pr.id::text, pr.unit_id::text FROM promotions pr JOIN groups g ON g.id = pr.group_id
			 WHERE g.slug = 'radziejowice' ORDER BY pr.starts_at LIMIT 1`
		);
		const { id, unit_id } = promotion.rows[0];
		const page = await browser!.newPage(phone);
		await logIn(page, server!.url, 'operator@tablica.test');
		await page.goto(`${server!.url}/jednostka/${unit_id}/wyroznienia/${id}`);
		const text = await page.locator('main').innerText();
		expect(text).toMatch(/×\d+,\d/);
		expect(text).toContain('Wiskitki');
		expect(text).toContain('Mediana postów niewyróżnionych');
		await expectNoAxeViolations(page);
		expect(await fitsScreen(page)).toBe(true);
	});
});
