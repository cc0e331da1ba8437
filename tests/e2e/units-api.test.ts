import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDataDir, runCli, startServer, type Server } from './harness';

let server: Server;
let dataDir: string;
let token: string;
let utilityToken: string;

describe('unit tokens from the command line, and the units API', () => {
	beforeAll(async () => {
		dataDir = newDataDir();
		const seeded = await runCli(['seed-demo'], dataDir);
		expect(seeded.code, seeded.stderr).toBe(0);
		const created = await runCli(['token-create', '--unit', 'sp-wiskitki', '--name', 'strona szkoły'], dataDir);
		expect(created.code, created.stderr).toBe(0);
		token = created.stdout.trim();
		const utility = await runCli(['token-create', '--unit', 'zgk', '--name', 'dyspozytornia'], dataDir);
		expect(utility.code, utility.stderr).toBe(0);
		utilityToken = utility.stdout.trim();
		server = await startServer({ dataDir });
	}, 240_000);
	afterAll(async () => server?.stop());

	it('token-create refuses a unit that does not exist, with a Polish message', async () => {
		// The server holds the embedded database now, so this runs on a fresh one.
		const other = newDataDir();
		const r = await runCli(['token-create', '--unit', 'nie-ma-takiej'], other);
		expect(r.code).not.toBe(0);
		expect(r.stderr + r.stdout).toContain('Nie ma jednostki „nie-ma-takiej”');
	});

	it('lists the units with whether they publish at once', async () => {
		const r = await fetch(`${server.url}/api/v1/groups/wiskitki/units`);
		expect(r.status).toBe(200);
		const { items } = await r.json();
		const bySlug = Object.fromEntries(items.map((u: { slug: string }) => [u.slug, u]));
		expect(bySlug['sp-wiskitki']).toMatchObject({
			name: 'Szkoła Podstawowa im. Armii Krajowej w Wiskitkach',
			type: 'primarySchool',
			verified: true,
			publishing: true
		});
		expect(bySlug['lks']).toMatchObject({ publishing: false });
		expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'publishing', 'slug', 'type', 'typeLabel', 'verified']);
		expect((await fetch(`${server.url}/api/v1/groups/nie-ma/units`)).status).toBe(404);
	});

	it('a unit token publishes as that unit only, at once', async () => {
		const { items } = await (await fetch(`${server.url}/api/v1/groups/wiskitki/units`)).json();
		const school = items.find((u: { slug: string }) => u.slug === 'sp-wiskitki');
		const library = items.find((u: { slug: string }) => u.slug === 'biblioteka');
		const send = (body: unknown) =>
			fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		const created = await send({
			as: `unit:${school.id}`,
			body: 'Plan lekcji na drugi semestr jest już w dzienniku.',
			category: 'education'
		});
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ status: 'published', reasons: [] });
		expect((await send({ as: `unit:${library.id}`, body: 'Nie nasza jednostka', category: 'culture' })).status).toBe(
			403
		);
		const bad = await send({ as: 'szkola', body: 'x', category: 'education' });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.fields.as).toContain('unit:<id>');
		const feed = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=5`)).json();
		expect(
			feed.items.some(
				(p: { body: string; author: { name: string } }) =>
					p.body.startsWith('Plan lekcji') && p.author.name === school.name
			)
		).toBe(true);
	});

	it("a utility's system sends an alert to one sołectwo through the API, after a preview, then updates and calls it off", async () => {
		const call = (method: string, path: string, auth: string | null, body?: unknown) =>
			fetch(`${server.url}/api/v1${path}`, {
				method,
				headers: {
					...(auth ? { authorization: `Bearer ${auth}` } : {}),
					...(body === undefined ? {} : { 'content-type': 'application/json' })
				},
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		const { items: places } = await (await call('GET', '/groups/wiskitki/places', null)).json();
		const guzow = places.find((p: { label: string }) => p.label === 'sołectwo Guzów');
		expect(guzow).toMatchObject({ kind: 'solectwo', name: 'Guzów', areaId: null });
		expect(
			places.find((p: { name: string; kind: string }) => p.name === 'Guzów' && p.kind === 'locality')
		).toMatchObject({
			areaId: guzow.id
		});
		const { items: units } = await (await call('GET', '/groups/wiskitki/units', null)).json();
		const zgk = units.find((u: { slug: string }) => u.slug === 'zgk');
		const school = units.find((u: { slug: string }) => u.slug === 'sp-wiskitki');
		const alert = {
			unitId: zgk.id,
			kind: 'utilities',
			title: `Brak wody w Guzowie (API ${Date.now()})`,
			body: 'Awaria pompy. Beczkowóz przy świetlicy.',
			places: [guzow.id],
			until: new Date(Date.now() + 6 * 3_600_000).toISOString(),
			channels: ['push', 'email', 'sms']
		};

		// Only a unit the coordinator allows to alert; validity required; nothing sent by the preview.
		expect((await call('POST', '/groups/wiskitki/alerts/preview', null, alert)).status).toBe(401);
		expect((await call('POST', '/groups/wiskitki/alerts', token, { ...alert, unitId: school.id })).status).toBe(403);
		const noUntil = await call('POST', '/groups/wiskitki/alerts', utilityToken, { ...alert, until: undefined });
		expect(noUntil.status).toBe(400);
		expect((await noUntil.json()).error.fields.until).toBeTruthy();
		const preview = await call('POST', '/groups/wiskitki/alerts/preview', utilityToken, alert);
		expect(preview.status).toBe(200);
		const p = await preview.json();
		expect(p.places).toEqual(['sołectwo Guzów']);
		expect(p.audience.inApp).toBeGreaterThan(0);
		expect(p.sms).toMatchObject({ text: expect.stringContaining(alert.title.slice(0, 20)), priceGrosze: 16 });
		expect(p.sms.costGrosze).toBe(p.sms.messages * 16);

		const sent = await call('POST', '/groups/wiskitki/alerts', utilityToken, alert);
		expect(sent.status).toBe(201);
		const { id, sent: counts } = await sent.json();
		expect(counts).toEqual(p.audience);

		expect((await call('POST', `/posts/${id}/alert-updates`, token, { text: 'Cudza aktualizacja' })).status).toBe(403);
		expect((await call('POST', `/posts/${id}/alert-updates`, utilityToken, { text: '' })).status).toBe(400);
		const updated = await call('POST', `/posts/${id}/alert-updates`, utilityToken, { text: 'Woda wróci o 18:00.' });
		expect(updated.status).toBe(201);
		expect((await updated.json()).sent).toEqual(counts);
		const cap = await (await fetch(`${server.url}/alerty/${id}.cap.xml`)).text();
		expect(cap).toContain('<areaDesc>sołectwo Guzów, gmina Wiskitki</areaDesc>');

		const closed = await call('POST', `/posts/${id}/all-clear`, utilityToken, { text: 'Woda już jest.' });
		expect(closed.status).toBe(200);
		expect((await closed.json()).sent).toEqual(counts);
		expect((await call('POST', `/posts/${id}/all-clear`, utilityToken, { text: 'Drugi raz' })).status).toBe(409);
		const post = await (await call('GET', `/posts/${id}`, null)).json();
		expect(post).toMatchObject({ urgent: false, places: ['sołectwo Guzów'] });
	});
});
