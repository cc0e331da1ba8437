import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
	apiToken,
	expectNoAxeViolations,
	fitsScreen,
	hasChromium,
	laptop,
	logIn,
	openBrowser,
	phone,
	startServer,
	WAIT as T,
	type Server,
	type TestBrowser
} from './harness';

// Issue 19, events: the library announces an event; a resident finds it in the group's calendar,
// says "Wezmę udział" and the count moves; the month view and its filters show it; the calendar's
// iCalendar feed, as a phone's calendar subscribes to it, carries it.

let server: Server;
let browser: TestBrowser;
let postId: string;
const title = `Spotkanie autorskie w bibliotece ${Date.now()}`;
// Three days ahead, on the hour: within the list of events to come and the month it falls in.
const start = new Date(Math.floor((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' })
	.format(start)
	.slice(0, 7);

describe.skipIf(!hasChromium)('events: answers, the calendar and its subscription', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await openBrowser();
		const units = (await (await fetch(`${server.url}/api/v1/groups/wiskitki/units`)).json()) as {
			items: { id: string; slug: string }[];
		};
		const library = units.items.find((u) => u.slug === 'biblioteka')!;
		const token = await apiToken(server.url, 'biblioteka@wiskitki.test');
		const created = await fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				body: `${title}\nZapraszamy na rozmowę z autorką książek o Puszczy Kampinoskiej.`,
				category: 'culture',
				unitId: library.id,
				event: { start: start.toISOString(), place: 'Biblioteka w Wiskitkach, ul. Kościuszki 5' }
			})
		});
		expect(created.status).toBe(201);
		const body = (await created.json()) as { id: string; status: string };
		expect(body.status).toBe('published');
		postId = body.id;
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('a resident finds it in the list of events to come and says "Wezmę udział"', async () => {
		const resident = await browser.newPage(phone);
		await logIn(resident, server.url, 'mieszkaniec@tablica.test');
		await resident.goto(`${server.url}/g/wiskitki`);
		await resident.getByRole('link', { name: 'Wydarzenia: kalendarz gminy' }).click();
		await resident.getByRole('link', { name: 'Lista nadchodzących' }).click();
		const link = resident.getByRole('link', { name: title });
		await expect.poll(() => link.count(), T).toBe(1);
		await expect(fitsScreen(resident)).resolves.toBe(true);
		await expectNoAxeViolations(resident);

		await link.click();
		await resident.waitForURL(`**/p/${postId}`, T);
		const box = resident.locator('.event-box');
		await expect.poll(() => box.locator('[data-count="attendance"]').innerText(), T).toContain('0 osób weźmie udział');
		await resident.waitForLoadState('networkidle');
		const going = box.getByRole('button', { name: 'Wezmę udział' });
		await going.click();
		await expect.poll(() => going.getAttribute('aria-pressed'), T).toBe('true');
		await expect.poll(() => box.locator('[data-count="attendance"]').innerText(), T).toContain('1 osoba weźmie udział');
		await expectNoAxeViolations(resident);

		// Changing the answer to "Interesuje mnie" moves the person between the counts.
		await box.getByRole('button', { name: 'Interesuje mnie' }).click();
		await expect
			.poll(() => box.locator('[data-count="attendance"]').innerText(), T)
			.toMatch(/0 osób weźmie udział · 1 osoba zainteresowana/);
		await box.getByRole('button', { name: 'Wezmę udział' }).click();
		await expect
			.poll(() => box.locator('[data-count="attendance"]').innerText(), T)
			.toMatch(/1 osoba weźmie udział · 0 osób zainteresowanych/);
	});

	it('the month view shows it on its day; the unit filter keeps or hides it', async () => {
		const visitor = await browser.newPage(laptop);
		await visitor.goto(`${server.url}/g/wiskitki/wydarzenia?miesiac=${month}`);
		const day = Number(
			new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', day: 'numeric' }).format(start)
		).toString();
		const cell = visitor.locator('table.month td', { has: visitor.getByRole('link', { name: new RegExp(title) }) });
		await expect.poll(() => cell.count(), T).toBe(1);
		expect((await cell.locator('.day-number').innerText()).trim()).toBe(day);
		await expectNoAxeViolations(visitor);

		await visitor.getByLabel('Jednostka').selectOption({ value: 'biblioteka' });
		await visitor.getByRole('button', { name: 'Pokaż' }).click();
		await visitor.waitForURL(/jednostka=biblioteka/, T);
		await expect.poll(() => cell.count(), T).toBe(1);
		await visitor.getByLabel('Jednostka').selectOption({ value: 'osp-wiskitki' });
		await visitor.getByRole('button', { name: 'Pokaż' }).click();
		await visitor.waitForURL(/jednostka=osp-wiskitki/, T);
		await expect.poll(() => cell.count(), T).toBe(0);
	});

	it('the calendar subscribed in a phone carries the event, as RFC 5545', async () => {
		const visitor = await browser.newPage(phone);
		await visitor.goto(`${server.url}/g/wiskitki/wydarzenia`);
		const subscribe = visitor.getByRole('link', { name: 'Subskrybuj kalendarz' });
		expect(await subscribe.getAttribute('href')).toMatch(/^webcal:\/\/.+\/g\/wiskitki\/wydarzenia\.ics$/);
		const feedUrl = await visitor.getByLabel(/Adres kalendarza/).inputValue();
		const response = await fetch(feedUrl);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const calendar = new ICAL.Component(ICAL.parse(await response.text()));
		const event = calendar
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v))
			.find((e) => e.summary === title);
		expect(event).toBeDefined();
		expect(event!.startDate.toJSDate().getTime()).toBe(start.getTime());
		expect(event!.location).toBe('Biblioteka w Wiskitkach, ul. Kościuszki 5');
		expect(event!.component.getFirstPropertyValue('url')).toBe(`${server.url}/g/wiskitki/p/${postId}`);
	});
});
