import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDataDir, runCli, startServer, type Server } from './harness';

let server: Server;
let dataDir: string;
let token: string;

describe('unit tokens from the command line, and the units API', () => {
	beforeAll(async () => {
		dataDir = newDataDir();
		const seeded = await runCli(['seed-demo'], dataDir);
		expect(seeded.code, seeded.stderr).toBe(0);
		const created = await runCli(['token-create', '--unit', 'sp-wiskitki', '--name', 'strona szkoły'], dataDir);
		expect(created.code, created.stderr).toBe(0);
		token = created.stdout.trim();
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
});
