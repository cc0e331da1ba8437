import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchBrowser, logIn, startServer, type Server } from './harness';

// IMGW-PIB's API served by the test: the app's job polls it every 5 s (IMGW_POLL_SECONDS).
let imgw: http.Server;
let meteo: unknown[] = [];
let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let visitor: Page, coordinator: Page;
const problems: Record<string, string[]> = {};

/** IMGW's time format: Warsaw local time without a zone. */
function imgwTime(d: Date): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Warsaw',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(d)
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const HOUR = 3_600_000;
const stamp = Date.now();
const gale = {
	id: `Wi${stamp}`,
	nazwa_zdarzenia: 'Silny wiatr',
	stopien: '2',
	prawdopodobienstwo: '85',
	obowiazuje_od: imgwTime(new Date(stamp - HOUR)),
	obowiazuje_do: imgwTime(new Date(stamp + 20 * HOUR)),
	opublikowano: imgwTime(new Date(stamp - 2 * HOUR)),
	tresc: `Prognozuje się wystąpienie silnego wiatru o średniej prędkości do 45 km/h, w porywach do 85 km/h (${stamp}).`,
	komentarz: 'Brak.',
	biuro: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie',
	teryt: ['1438', '1405']
};
const heat = {
	...gale,
	id: `Up${stamp}`,
	nazwa_zdarzenia: 'Upał',
	stopien: '3',
	tresc: `Upał w Bieszczadach (${stamp}).`,
	teryt: ['1801']
};
const galeTitle = 'Silny wiatr — ostrzeżenie meteorologiczne 2. stopnia';

async function newPage(): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
	contexts.push(ctx);
	return ctx.newPage();
}

async function audit(page: Page, what: string) {
	const found = await axeViolations(page);
	if (found.length) problems[`${what} (${new URL(page.url()).pathname})`] = found;
}

/** The feed's alert with this warning's text, on a group page. */
const galeIn = async (slug: string) => {
	await visitor.goto(`${server.url}/g/${slug}`);
	return visitor.getByText(gale.tresc, { exact: false }).count();
};

describe.skipIf(!hasChromium)('IMGW-PIB warnings become alerts in the groups of their powiat', () => {
	beforeAll(async () => {
		imgw = http.createServer((req, res) => {
			const body = req.url === '/api/data/warningsmeteo' ? meteo : req.url === '/api/data/warningshydro' ? [] : null;
			if (!body) return void res.writeHead(404).end();
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		});
		await new Promise<void>((resolve) => imgw.listen(0, '127.0.0.1', resolve));
		meteo = [gale, heat];
		server = await startServer({
			env: {
				IMGW_BASE_URL: `http://127.0.0.1:${(imgw.address() as AddressInfo).port}`,
				IMGW_POLL_SECONDS: '5'
			}
		});
		browser = await launchBrowser();
		[visitor, coordinator] = await Promise.all([newPage(), newPage()]);
		await logIn(coordinator, server.url, 'koordynator@wiskitki.test');
	}, 240_000);
	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
		imgw?.closeAllConnections();
		await new Promise((resolve) => imgw?.close(resolve));
	});

	it('published at once where the group chose so, held elsewhere, never outside the powiat', async () => {
		// Puszcza Mariańska publishes IMGW warnings automatically (the demo's choice).
		await expect.poll(() => galeIn('puszcza-marianska'), { timeout: 60_000 }).toBe(1);
		expect(await visitor.getByText(galeTitle).count()).toBeGreaterThan(0);
		expect(await visitor.getByText(heat.tresc).count()).toBe(0);
		// Wiskitki holds them for its coordinator.
		expect(await galeIn('wiskitki')).toBe(0);
		await audit(visitor, 'group with an IMGW alert');
	});

	it('the coordinator publishes the held warning in one click', async () => {
		await coordinator.goto(`${server.url}/urzad`);
		await coordinator
			.getByRole('link', { name: /Ostrzeżenia IMGW-PIB.*do zatwierdzenia/ })
			.first()
			.click();
		await coordinator.waitForURL(/\/urzad\/imgw/);
		const held = coordinator.getByRole('article').filter({ hasText: gale.tresc });
		await expect.poll(() => held.count()).toBe(1);
		await audit(coordinator, 'IMGW panel');
		await held.getByRole('button', { name: /Opublikuj jako komunikat pilny/ }).click();
		await expect.poll(() => coordinator.getByText('Opublikowano komunikat pilny.').count()).toBe(1);
		expect(await coordinator.getByRole('article').filter({ hasText: gale.tresc }).count()).toBe(0);
		expect(await galeIn('wiskitki')).toBe(1);
		await audit(coordinator, 'IMGW panel after publishing');
	});

	it('is in the Atom index and as CAP 1.2 while active', async () => {
		const atom = await (await fetch(`${server.url}/g/puszcza-marianska/alerty.atom`)).text();
		expect(atom).toContain(`<title>${galeTitle}</title>`);
		const capUrl = /href="[^"]*(\/alerty\/\d+\.cap\.xml)"/.exec(atom.slice(atom.indexOf(galeTitle)))![1];
		const cap = await fetch(`${server.url}${capUrl}`);
		expect(cap.headers.get('content-type')).toContain('application/cap+xml');
		const xml = await cap.text();
		expect(xml).toContain('<msgType>Alert</msgType>');
		expect(xml).toContain('<category>Met</category>');
		expect(xml).toContain('<severity>Severe</severity>');
		expect(xml).toContain('<senderName>IMGW-PIB</senderName>');
	});

	it('withdrawn by IMGW, the alert is called off in every group that published it', async () => {
		meteo = [heat];
		const calledOff = async (slug: string) => {
			await visitor.goto(`${server.url}/g/${slug}`);
			return visitor.getByText(/Odwołano .*IMGW-PIB odwołało ostrzeżenie: Silny wiatr/).count();
		};
		await expect.poll(() => calledOff('puszcza-marianska'), { timeout: 60_000 }).toBe(1);
		await expect.poll(() => calledOff('wiskitki'), { timeout: 60_000 }).toBe(1);
		const atom = await (await fetch(`${server.url}/g/puszcza-marianska/alerty.atom`)).text();
		expect(atom).not.toContain(galeTitle);
		expect(server.alive()).toBe(true);
	});

	it('has no accessibility problems on the pages it touched', () => {
		expect(problems).toEqual({});
	});
});
