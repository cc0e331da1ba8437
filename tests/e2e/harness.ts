import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A PGlite data dir the demo was seeded into once per run (global-setup.ts); empty when none. */
		demoDataDir: string;
	}
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const DEMO_PASSWORD = 'tablica-demo';
/** Debian's poppler-utils, to read generated PDFs back. */
export const hasPdftotext = existsSync('/usr/bin/pdftotext');

/** The text of a PDF, laid out as on the page (pdftotext -layout). */
export function pdfText(bytes: Buffer | Uint8Array): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tablica-pdf-'));
	try {
		const file = path.join(dir, 'doc.pdf');
		writeFileSync(file, bytes);
		return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export interface Server {
	url: string;
	log: () => string;
	/** The process has not exited. */
	alive: () => boolean;
	pid: number;
	/** The PGlite data dir (another server may start on it after `stop({ keepData: true })`). */
	dataDir: string;
	/** SIGTERM (a graceful shutdown), then the data dir is deleted unless kept. */
	stop: (opts?: { keepData?: boolean }) => Promise<void>;
	/** kill -9: no graceful shutdown (the data dir is kept). */
	kill: () => Promise<void>;
	/** Resolves when the process ends: its exit code, or the signal that ended it. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A fresh PGlite data dir holding the demo: a copy of the run's seeded one, else empty (the server seeds it). */
export function freshDemoDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tablica-e2e-'));
	const seeded = inject('demoDataDir');
	if (seeded) cpSync(seeded, dir, { recursive: true });
	return dir;
}

/**
 * Starts the built app in its own process, on a fresh PGlite data dir with the demo (copied from
 * the run's seeded one: seeding takes 15–30 s per server) unless a database URL or data dir is given.
 * `now` (an ISO instant) starts the server's clock there (TABLICA_NOW); it runs on from it.
 */
export async function startServer(
	opts: { databaseUrl?: string; env?: Record<string, string>; dataDir?: string; now?: string } = {}
): Promise<Server> {
	const port = await freePort();
	const dataDir =
		opts.dataDir ??
		(opts.databaseUrl || opts.env?.SEED_DEMO ? mkdtempSync(path.join(tmpdir(), 'tablica-e2e-')) : freshDemoDir());
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: opts.databaseUrl ?? '',
			BASE_URL: '',
			SEED_DEMO: '1',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			TABLICA_NOW: opts.now ?? '',
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
		const ok = await fetch(`${url}/api/v1/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) break;
		if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		url,
		log: () => output,
		alive: () => child.exitCode === null && child.signalCode === null,
		pid: child.pid!,
		dataDir,
		exited,
		stop: async ({ keepData = false } = {}) => {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await exited;
			}
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		},
		kill: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGKILL');
				await exited;
			}
		}
	};
}

/** Starts the operator's command line (`npm run cli`) on a data dir; `done` resolves with its exit code and output. */
export function spawnCli(args: string[], dataDir: string, env: Record<string, string> = {}) {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cli.ts'), ...args], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', BASE_URL: '', LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
		(resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
	);
	return { child, done };
}

/** Runs the operator's command line (`npm run cli`) on a data dir; resolves with its exit code and output. */
export function runCli(
	args: string[],
	dataDir: string,
	env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return spawnCli(args, dataDir, env).done;
}

export const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'tablica-e2e-'));

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** A screen to test on. A phone is touch-first and honours the page's meta viewport; a laptop is neither. */
export interface Screen {
	width: number;
	height: number;
	touch?: boolean;
}
export const phone: Screen = { width: 390, height: 844, touch: true };
export const laptop: Screen = { width: 1366, height: 768 };
/** Both screens, named for test titles: `for (const [name, screen] of screens)`. */
export const screens = [
	['a phone', phone],
	['a laptop', laptop]
] as const;
/** How long a browser test waits for a condition: generous, a loaded 2-core machine answers slowly. */
export const WAIT = { timeout: 30_000 };

/** One browser for a test file; every page in its own context (its own cookies), all closed together. */
export interface TestBrowser {
	newPage(screen: Screen, opts?: { javaScriptEnabled?: boolean }): Promise<Page>;
	close(): Promise<void>;
}

export async function openBrowser(): Promise<TestBrowser> {
	const browser = await launchBrowser();
	const contexts: BrowserContext[] = [];
	return {
		async newPage(screen, opts = {}) {
			const ctx = await browser.newContext({
				viewport: { width: screen.width, height: screen.height },
				hasTouch: !!screen.touch,
				isMobile: !!screen.touch,
				locale: 'pl-PL',
				...opts
			});
			contexts.push(ctx);
			return ctx.newPage();
		},
		async close() {
			for (const c of contexts) await c.close();
			await browser.close();
		}
	};
}

/**
 * The page is no wider than the screen (no sideways scrolling). Compared with the screen, not the
 * window: a phone's browser widens the window to fit a page that is too wide.
 */
export async function fitsScreen(page: Page): Promise<boolean> {
	const width = page.viewportSize()!.width;
	return page.evaluate((w) => document.documentElement.scrollWidth <= w + 1, width);
}

const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA) on the page and returns its violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(axeSource);
	const result = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		return r.violations.map(
			(v: { id: string; help: string; nodes: { target: string[] }[] }) =>
				`${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
	});
	return result;
}

/** Fails the test with the page's axe violations, if it has any. */
export async function expectNoAxeViolations(page: Page) {
	expect(await axeViolations(page), page.url()).toEqual([]);
}

export async function logIn(page: Page, base: string, email: string, password = DEMO_PASSWORD) {
	await page.goto(`${base}/logowanie`);
	await page.getByLabel('Adres e-mail').fill(email);
	await page.getByLabel('Hasło').fill(password);
	await page.getByRole('button', { name: 'Zaloguj się' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/logowanie'));
}

/** Signs in over plain HTTP (as a browser form would) and returns the session cookie. */
export async function sessionCookie(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
	const r = await fetch(`${base}/logowanie`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('sid='));
	if (!cookie) throw new Error(`log-in failed for ${email}: ${r.status}`);
	return cookie.split(';')[0];
}

/**
 * A personal API token for the person: made on their own `/konto` (unit staff, coordinators, the
 * operator), or else issued for them by the operator on `/admin`.
 */
export async function apiToken(base: string, email: string): Promise<string> {
	const post = async (who: string, url: string, fields: Record<string, string>) =>
		fetch(`${base}${url}`, {
			method: 'POST',
			headers: {
				origin: base,
				cookie: await sessionCookie(base, who),
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams(fields)
		}).then((r) => r.text());
	const own = /tbl_[\w-]+/.exec(await post(email, '/konto?/token', { name: 'testy' }))?.[0];
	if (own) return own;
	const issued = /tbl_[\w-]+/.exec(
		await post('operator@tablica.test', '/admin?/token', { email, tokenName: 'testy' })
	)?.[0];
	if (!issued) throw new Error(`no token for ${email}`);
	return issued;
}

/** Is a PostgreSQL server reachable? Tests that need one are skipped with a warning otherwise. */
export async function postgresReachable(url: string, what: string): Promise<boolean> {
	const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await c.connect();
		await c.end();
		return true;
	} catch {
		console.warn(`PostgreSQL is not reachable at ${url}: ${what} is skipped.`);
		return false;
	}
}
