import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { getPost, listFeed } from '../feed/feed-query';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { importMunicipalities, parseTerytCsv } from '../municipalities/municipalities';
import { listNotifications } from '../notify/notifications';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { setAlertPreferences } from './alerts';
import { demoHydroWarnings, demoMeteoWarnings } from './imgw-fixtures';
import { decideImgwWarning, imgwPanel, importImgwWarnings, pollImgw, setImgwSettings } from './imgw-import';
import { parseHydroWarnings } from './imgw';

const imgwDir = path.resolve(process.env.REFERENCE_DATA_DIR ?? '../shared/data', 'imgw');
const realMeteoFile = path.join(imgwDir, 'warningsmeteo-example.json');
const realHydroFile = path.join(imgwDir, 'warningshydro-example.json');
const haveRealFiles = existsSync(realMeteoFile) && existsSync(realHydroFile);

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, coordinator: Actor, otherCoordinator: Actor, resident: Actor;
let wiskitki: Group;

/** What the fake IMGW server answers, by path. */
let replies: Record<string, string> = {};
let server: http.Server;
let baseUrl: string;

async function groupFor(slug: string, municipalityCode: string): Promise<Group> {
	await createGroup(ctx, operator, { slug, municipalityCode, name: slug, membershipQuestion: 'Skąd jesteś?' });
	return getGroup(ctx.db, slug);
}

async function member(group: Group, email: string, kinds: string[]): Promise<Actor> {
	const a = await makeUser(ctx, email);
	await requestMembership(ctx, a, group, 'Stąd');
	await decideMembership(ctx, operator, group, a.id, true);
	await setAlertPreferences(ctx, a, group, { kinds, byPush: true, byEmail: true });
	return a;
}

const rows = (group: Group) =>
	ctx.db
		.selectFrom('imgw_alerts')
		.select(['warning_id', 'state', 'post_id'])
		.where('group_id', '=', group.id)
		.orderBy('warning_id')
		.execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-01-15T07:00:00Z'));
	await loadDemoMunicipalities(ctx);
	// Mława (powiat mławski, 1413), from the TERYT register: the real IMGW fixture warns its powiat.
	await importMunicipalities(
		ctx.db,
		parseTerytCsv(
			'teryt7,teryt6,nazwa,rodzaj_kod,rodzaj,powiat_teryt,powiat,woj_teryt,wojewodztwo\n' +
				'1413011,141301,Mława,1,gmina miejska,1413,mławski,14,MAZOWIECKIE'
		)
	);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	wiskitki = await groupFor('wiskitki', '1438053');
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	otherCoordinator = await makeUser(ctx, 'milanowek@t.pl');
	await ctx.db
		.insertInto('coordinators')
		.values([
			{ municipality_code: '1438053', user_id: coordinator.id },
			{ municipality_code: '1405011', user_id: otherCoordinator.id }
		])
		.execute();
	resident = await member(wiskitki, 'anna@t.pl', ['weather']);

	server = http.createServer((req, res) => {
		const body = replies[req.url ?? ''];
		if (body === undefined) return void res.writeHead(404).end('Not found');
		res.writeHead(200, { 'content-type': 'application/json' }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve));
	await database?.close();
});

describe('IMGW warnings held for the coordinator (the default)', () => {
	it('a warning for the powiat waits; the coordinator publishes it in one click, to weather subscribers', async () => {
		replies = {
			'/api/data/warningsmeteo': JSON.stringify(demoMeteoWarnings),
			'/api/data/warningshydro': JSON.stringify(demoHydroWarnings)
		};
		const result = await pollImgw(ctx, baseUrl);
		// The snow warning (level 2) names powiat 1438; the level-1 storm is below the default minimum.
		expect(result).toMatchObject({ published: 0, held: expect.any(Number) });
		const panel = await imgwPanel(ctx, coordinator, 'wiskitki');
		expect(panel.mode).toBe('approve');
		const snow = panel.held.find((h) => h.title.startsWith('Intensywne opady śniegu'));
		expect(snow).toMatchObject({ title: 'Intensywne opady śniegu — ostrzeżenie meteorologiczne 2. stopnia' });
		expect(panel.held.every((h) => !h.title.includes('Burze'))).toBe(true);
		expect((await listFeed(ctx, resident, wiskitki)).featured).toEqual([]);

		await expect(decideImgwWarning(ctx, resident, 'wiskitki', snow!.id, true)).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(decideImgwWarning(ctx, otherCoordinator, 'wiskitki', snow!.id, true)).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(decideImgwWarning(ctx, null, 'wiskitki', snow!.id, true)).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(decideImgwWarning(ctx, coordinator, 'wiskitki', 'nie-ma', true)).rejects.toMatchObject({
			code: 'not_found'
		});
		const { postId } = await decideImgwWarning(ctx, coordinator, 'wiskitki', snow!.id, true);
		await expect(decideImgwWarning(ctx, coordinator, 'wiskitki', snow!.id, true)).rejects.toMatchObject({
			code: 'conflict'
		});
		const { post } = await getPost(ctx, resident, postId!);
		expect(post).toMatchObject({
			urgent: true,
			author: { name: 'IMGW-PIB' },
			alert: { kind: 'weather', title: snow!.title, sent: { inApp: 1, push: 1, email: 1, sms: 0 } }
		});
		expect(post.body).toContain('Źródło: IMGW-PIB, Centralne Biuro Prognoz Meteorologicznych w Warszawie.');
		expect((await listNotifications(ctx, resident))[0]).toMatchObject({ kind: 'urgent_alert', post_id: postId });
		// The next poll sees the same warning: nothing new.
		expect(await pollImgw(ctx, baseUrl)).toEqual({ published: 0, held: 0, updated: 0, withdrawn: 0, expired: 0 });
	});

	it('the coordinator chooses the mode and the minimum level; bad input changes nothing', async () => {
		await expect(setImgwSettings(ctx, resident, 'wiskitki', { mode: 'auto', minLevel: 1 })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(setImgwSettings(ctx, coordinator, 'wiskitki', { mode: 'zawsze', minLevel: 1 })).rejects.toMatchObject({
			code: 'validation',
			fields: { mode: expect.any(String) }
		});
		await expect(setImgwSettings(ctx, coordinator, 'wiskitki', { mode: 'auto', minLevel: 4 })).rejects.toMatchObject({
			code: 'validation',
			fields: { minLevel: expect.any(String) }
		});
		expect(await imgwPanel(ctx, coordinator, 'wiskitki')).toMatchObject({ mode: 'approve', minLevel: 2 });
		await setImgwSettings(ctx, coordinator, 'wiskitki', { mode: 'off', minLevel: '3' });
		expect(await imgwPanel(ctx, coordinator, 'wiskitki')).toMatchObject({ mode: 'off', minLevel: 3 });
		await expect(imgwPanel(ctx, otherCoordinator, 'wiskitki')).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('a held warning that vanishes is withdrawn, one that runs out ends quietly, a dismissed one stays so', async () => {
		const snow = 'Tb20260114083000101';
		const storm = 'Tb20260714101500202';
		await setImgwSettings(ctx, coordinator, 'wiskitki', { mode: 'approve', minLevel: 1 });
		const today = demoMeteoWarnings.map((w) => ({
			...w,
			obowiazuje_od: '2026-01-15 06:00:00',
			obowiazuje_do: '2026-01-15 20:00:00'
		}));
		replies = { '/api/data/warningsmeteo': JSON.stringify(today), '/api/data/warningshydro': '[]' };
		// The storm (level 1) is now wanted; the published snow warning changed its end; the river one vanished.
		expect(await pollImgw(ctx, baseUrl)).toEqual({ published: 0, held: 1, updated: 1, withdrawn: 1, expired: 0 });
		await decideImgwWarning(ctx, coordinator, 'wiskitki', storm, false);
		expect(await pollImgw(ctx, baseUrl)).toEqual({ published: 0, held: 0, updated: 0, withdrawn: 0, expired: 0 });

		clock.advance(24 * 3_600_000);
		const before = (await listNotifications(ctx, resident)).length;
		expect(await pollImgw(ctx, baseUrl)).toEqual({ published: 0, held: 0, updated: 0, withdrawn: 0, expired: 1 });
		expect(await rows(wiskitki)).toMatchObject([
			{ warning_id: snow, state: 'expired' },
			{ warning_id: storm, state: 'dismissed', post_id: null },
			{ warning_id: expect.stringMatching(/^hydro-12-/), state: 'withdrawn', post_id: null }
		]);
		expect(await listNotifications(ctx, resident)).toHaveLength(before);
		expect((await listFeed(ctx, resident, wiskitki)).featured).toEqual([]);
		await setImgwSettings(ctx, coordinator, 'wiskitki', { mode: 'off', minLevel: 2 });
	});
});

describe.runIf(haveRealFiles)("IMGW-PIB's real responses, published automatically", () => {
	let mlawa: Group;
	let weatherFan: Actor, roadsOnly: Actor;
	const realMeteo = () => JSON.parse(readFileSync(realMeteoFile, 'utf8')) as Record<string, unknown>[];
	const stormId = 'Sk20250710104120556'; // level 1, powiats incl. 1413, 2025-07-10 22:00 → 07-11 14:00

	beforeAll(async () => {
		clock.set('2025-07-10T21:00:00Z'); // 23:00 in Warsaw
		mlawa = await groupFor('mlawa', '1413011');
		weatherFan = await member(mlawa, 'pogoda@t.pl', ['weather']);
		roadsOnly = await member(mlawa, 'drogi@t.pl', ['roads']);
		await ctx.db
			.updateTable('groups')
			.set({ imgw_mode: 'auto', imgw_min_level: 1 })
			.where('id', '=', mlawa.id)
			.execute();
		// The two files are snapshots of different days: each list is served on its own day.
		replies = { '/api/data/warningsmeteo': readFileSync(realMeteoFile, 'utf8'), '/api/data/warningshydro': '[]' };
	});

	it('a warning for the powiat becomes an alert at once, only in the groups it names', async () => {
		const r = await pollImgw(ctx, baseUrl);
		expect(r).toMatchObject({ published: 1, held: 0 });
		const [row] = await rows(mlawa);
		expect(row).toMatchObject({ warning_id: stormId, state: 'published' });
		expect(await rows(wiskitki)).not.toContainEqual(expect.objectContaining({ warning_id: stormId }));
		const { post } = await getPost(ctx, weatherFan, row.post_id!);
		expect(post.alert?.title).toMatch(/ostrzeżenie meteorologiczne 1\. stopnia$/);
		expect(post.urgentUntil).toBe(new Date('2025-07-11T12:00:00Z').toISOString());
		expect((await listNotifications(ctx, weatherFan))[0]).toMatchObject({ kind: 'urgent_alert', post_id: row.post_id });
		expect((await listNotifications(ctx, roadsOnly)).filter((n) => n.kind.startsWith('urgent'))).toEqual([]);
	});

	it('a changed warning updates the alert, to the same people', async () => {
		replies['/api/data/warningsmeteo'] = JSON.stringify(
			realMeteo().map((w) =>
				w.id === stormId ? { ...w, tresc: 'Burze z opadami do 40 mm.', obowiazuje_do: '2025-07-11 18:00:00' } : w
			)
		);
		expect(await pollImgw(ctx, baseUrl)).toMatchObject({ updated: 1, published: 0 });
		const [row] = await rows(mlawa);
		const { post } = await getPost(ctx, weatherFan, row.post_id!);
		expect(post.alert?.updates).toMatchObject([{ text: expect.stringContaining('Burze z opadami do 40 mm.') }]);
		expect(post.urgentUntil).toBe(new Date('2025-07-11T16:00:00Z').toISOString());
		expect((await listNotifications(ctx, weatherFan))[0]).toMatchObject({ kind: 'urgent_update' });
		expect((await listNotifications(ctx, roadsOnly)).filter((n) => n.kind.startsWith('urgent'))).toEqual([]);
	});

	it('a malformed response is logged and changes nothing; the next poll goes on', async () => {
		const posts = await ctx.db.selectFrom('posts').select('id').execute();
		replies['/api/data/warningsmeteo'] = '<html>Przerwa techniczna</html>';
		expect(await pollImgw(ctx, baseUrl)).toBeNull();
		replies['/api/data/warningsmeteo'] = JSON.stringify({ unexpected: true });
		expect(await pollImgw(ctx, baseUrl)).toBeNull();
		expect(await pollImgw(ctx, 'http://127.0.0.1:1')).toBeNull();
		expect(await ctx.db.selectFrom('posts').select('id').execute()).toEqual(posts);
		expect(await rows(mlawa)).toMatchObject([{ warning_id: stormId, state: 'published' }]);
	});

	it('a warning withdrawn before its end is called off with an all-clear, to the same people', async () => {
		replies['/api/data/warningsmeteo'] = JSON.stringify(realMeteo().filter((w) => w.id !== stormId));
		expect(await pollImgw(ctx, baseUrl)).toMatchObject({ withdrawn: 1 });
		const [row] = await rows(mlawa);
		expect(row.state).toBe('withdrawn');
		const { post } = await getPost(ctx, weatherFan, row.post_id!);
		expect(post).toMatchObject({ urgent: false, alert: { allClearText: expect.stringContaining('odwołało') } });
		expect((await listNotifications(ctx, weatherFan))[0]).toMatchObject({ kind: 'urgent_all_clear' });
		expect((await listNotifications(ctx, roadsOnly)).filter((n) => n.kind.startsWith('urgent'))).toEqual([]);
	});

	it('hydrological warnings reach the groups of their voivodeship, naming their rivers', async () => {
		clock.set('2025-08-03T10:00:00Z');
		replies = { '/api/data/warningsmeteo': '[]', '/api/data/warningshydro': readFileSync(realHydroFile, 'utf8') };
		const wanted = parseHydroWarnings(JSON.parse(readFileSync(realHydroFile, 'utf8'))).filter(
			(w) =>
				w.level >= 1 &&
				w.voivodeships.includes('mazowieckie') &&
				w.validFrom <= clock.now() &&
				(!w.validTo || w.validTo > clock.now())
		);
		expect(wanted.length).toBeGreaterThan(0);
		const r = await pollImgw(ctx, baseUrl);
		expect(r?.published).toBeGreaterThanOrEqual(wanted.length);
		const ids = (await rows(mlawa)).filter((x) => x.state === 'published').map((x) => x.warning_id);
		expect(ids).toEqual(expect.arrayContaining(wanted.map((w) => w.id)));
		const row = (await rows(mlawa)).find((x) => x.warning_id === wanted[0].id)!;
		const { post } = await getPost(ctx, weatherFan, row.post_id!);
		expect(post.alert?.title).toContain('ostrzeżenie hydrologiczne');
		expect(post.body).toContain('Rzeki i zlewnie:');
		// A drought (level 0 here) is below every group's minimum.
		expect(ids.some((id) => id.startsWith('hydro-28-'))).toBe(false);
		expect(await importImgwWarnings(ctx, [])).toMatchObject({ published: 0, withdrawn: r!.published });
	});
});
