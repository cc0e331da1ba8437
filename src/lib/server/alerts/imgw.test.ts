import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoHydroWarnings, demoMeteoWarnings } from './imgw-fixtures';
import {
	fetchImgwWarnings,
	ImgwFormatError,
	parseHydroWarnings,
	parseMeteoWarnings,
	warningConcernsPowiat,
	type ImgwWarning
} from './imgw';

const imgwDir = path.resolve(process.env.REFERENCE_DATA_DIR ?? '../shared/data', 'imgw');
const realMeteoFile = path.join(imgwDir, 'warningsmeteo-example.json');
const realHydroFile = path.join(imgwDir, 'warningshydro-example.json');
const haveRealFiles = existsSync(realMeteoFile) && existsSync(realHydroFile);

interface Reply {
	status?: number;
	type?: string;
	body: string;
	/** Never answer (to test the timeout). */
	hang?: boolean;
}
/** What the fake IMGW server answers, by path; reset before each test. */
let replies: Record<string, Reply> = {};
const requests: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let baseUrl: string;

const json = (value: unknown): Reply => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });
const serveDemo = () => {
	replies = { '/api/data/warningsmeteo': json(demoMeteoWarnings), '/api/data/warningshydro': json(demoHydroWarnings) };
};
const copy = <T>(value: T): T => structuredClone(value);
const utc = (d: Date | null) => d?.toISOString() ?? null;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		requests.push(req.headers);
		const reply = replies[req.url ?? ''];
		if (reply?.hang) return;
		if (!reply) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'application/json' }).end(reply.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	serveDemo();
	requests.length = 0;
});

describe('IMGW meteo warnings', () => {
	it('parses a list, reading Warsaw local time in winter (CET) and summer (CEST)', () => {
		const [snow, storm, heat] = parseMeteoWarnings(demoMeteoWarnings);
		expect(snow).toMatchObject({
			id: 'Tb20260114083000101',
			source: 'meteo',
			level: 2,
			event: 'Intensywne opady śniegu',
			probability: 80,
			comment: null,
			office: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie',
			powiats: ['1405', '1421', '1438'],
			voivodeships: [],
			catchments: []
		});
		expect(snow.text).toMatch(/^Prognozowane są opady śniegu/);
		expect([utc(snow.validFrom), utc(snow.validTo), utc(snow.publishedAt)]).toEqual([
			'2026-01-15T05:00:00.000Z',
			'2026-01-16T06:00:00.000Z',
			'2026-01-14T07:30:00.000Z'
		]);
		expect([utc(storm.validFrom), utc(storm.validTo)]).toEqual([
			'2026-07-14T12:00:00.000Z',
			'2026-07-14T20:00:00.000Z'
		]);
		expect(storm.comment).toBe('Ostrzeżenie może zostać przedłużone.');
		expect(heat.comment).toBeNull();
		expect(heat.level).toBe(3);
	});

	it('converts times around the DST changes and keeps the seconds', () => {
		const at = (time: string) => {
			const w = copy(demoMeteoWarnings[0]);
			w.obowiazuje_od = time;
			return utc(parseMeteoWarnings([w])[0].validFrom);
		};
		expect(at('2026-03-29 01:30:00')).toBe('2026-03-29T00:30:00.000Z'); // still CET
		expect(at('2026-03-29 03:30:00')).toBe('2026-03-29T01:30:00.000Z'); // CEST
		expect(at('2026-10-24 12:00:00')).toBe('2026-10-24T10:00:00.000Z'); // CEST
		expect(at('2026-10-25 12:00:00')).toBe('2026-10-25T11:00:00.000Z'); // CET again
		expect(at('2025-04-09 12:03:47')).toBe('2025-04-09T10:03:47.000Z');
		expect(at('2026-12-31 23:59')).toBe('2026-12-31T22:59:00.000Z');
	});

	it('gives the same ids and revisions on every poll, and a new revision when a warning changes', () => {
		const first = parseMeteoWarnings(demoMeteoWarnings);
		expect(parseMeteoWarnings(copy(demoMeteoWarnings))).toEqual(first);
		expect(new Set(first.map((w) => w.revision)).size).toBe(3);

		const changes: ((w: (typeof demoMeteoWarnings)[number]) => void)[] = [
			(w) => (w.stopien = '3'),
			(w) => (w.obowiazuje_do = '2026-01-16 09:00:00'),
			(w) => (w.tresc += ' Zawieje śnieżne.'),
			(w) => w.teryt.push('1418'),
			(w) => (w.opublikowano = '2026-01-14 12:00:00')
		];
		for (const change of changes) {
			const changed = copy(demoMeteoWarnings);
			change(changed[0]);
			const [w] = parseMeteoWarnings(changed);
			expect(w.id).toBe(first[0].id);
			expect(w.revision).not.toBe(first[0].revision);
		}
		// The order of the powiat codes is not a change.
		const reordered = copy(demoMeteoWarnings);
		reordered[0].teryt.reverse();
		expect(parseMeteoWarnings(reordered)[0].revision).toBe(first[0].revision);
	});

	it('refuses a malformed response, saying what and where', () => {
		const withItem = (change: (w: Record<string, unknown>) => void) => {
			const list = copy(demoMeteoWarnings) as Record<string, unknown>[];
			change(list[1]);
			return () => parseMeteoWarnings(list);
		};
		expect(() => parseMeteoWarnings({ error: 'x' })).toThrow(ImgwFormatError);
		expect(() => parseMeteoWarnings({ error: 'x' })).toThrow(
			/expected an array of warnings, got an object with keys error/
		);
		expect(() => parseMeteoWarnings(null)).toThrow(/got null/);
		expect(() => parseMeteoWarnings('<html>')).toThrow(/got string/);
		expect(withItem((w) => (w.obowiazuje_od = '2026-02-30 10:00:00'))).toThrow(
			/item 1 \(Tb20260714101500202\), obowiazuje_od: not a date-time "2026-02-30 10:00:00"/
		);
		expect(withItem((w) => (w.opublikowano = '14.07.2026 10:15'))).toThrow(/opublikowano: not a date-time/);
		expect(withItem((w) => delete w.tresc)).toThrow(/item 1 \(Tb20260714101500202\), tresc:/);
		expect(withItem((w) => (w.stopien = '4'))).toThrow(/stopien/);
		expect(withItem((w) => (w.teryt = ['14380']))).toThrow(/teryt.0: not a 4-digit powiat TERYT code/);
		expect(withItem((w) => (w.prawdopodobienstwo = 'wysokie'))).toThrow(/not a percentage "wysokie"/);
		expect(withItem((w) => (w.id = 'Tb20260114083000101'))).toThrow(/warning Tb20260114083000101 appears twice/);
		expect(withItem((w) => (w.id = ''))).toThrow(ImgwFormatError);
	});

	it('accepts a missing probability and an empty list', () => {
		const list = copy(demoMeteoWarnings) as Record<string, unknown>[];
		delete list[0].prawdopodobienstwo;
		list[1].prawdopodobienstwo = '';
		const [a, b] = parseMeteoWarnings(list);
		expect([a.probability, b.probability]).toEqual([null, null]);
		expect(parseMeteoWarnings([])).toEqual([]);
	});
});

describe('IMGW hydro warnings', () => {
	it('parses a list: ids from office and number, drought as level 0, open end as null', () => {
		const [flood, drought] = parseHydroWarnings(demoHydroWarnings);
		expect(flood).toMatchObject({
			source: 'hydro',
			level: 2,
			event: 'Wezbranie z przekroczeniem stanów ostrzegawczych',
			probability: 80,
			comment: null,
			powiats: [],
			voivodeships: ['mazowieckie'],
			catchments: [
				{
					code: 'Z_T_MZ_001',
					description: 'mazowieckie, Pisia Gągolina, wezbranie z przekroczeniem stanów ostrzegawczych',
					river: 'Pisia Gągolina'
				}
			]
		});
		expect([utc(flood.validFrom), utc(flood.validTo), utc(flood.publishedAt)]).toEqual([
			'2026-03-18T11:00:00.000Z',
			'2026-03-20T11:00:00.000Z',
			'2026-03-18T08:40:12.000Z'
		]);
		expect(flood.id).toMatch(/^hydro-12-[0-9a-f]{10}$/);
		// Same number from another office: another warning.
		expect(drought.id).toMatch(/^hydro-12-[0-9a-f]{10}$/);
		expect(drought.id).not.toBe(flood.id);
		expect(drought).toMatchObject({ level: 0, validTo: null, voivodeships: ['pomorskie', 'zachodniopomorskie'] });
		expect(drought.comment).toBe('Ostrzeżenie wydane w związku z długotrwałym brakiem opadów.');
		expect(drought.catchments.map((c) => [c.code, c.river])).toEqual([
			['Z_T_PM_002', 'zlewnia Wieprzy'],
			['Z_T_ZP_002', 'zlewnia Wieprzy'],
			['Z_T_ZP_003', 'zlewnia Wieprzy']
		]);
	});

	it('keeps the id of a changed warning and changes its revision', () => {
		const [before] = parseHydroWarnings(demoHydroWarnings);
		const changed = copy(demoHydroWarnings);
		changed[0].data_do = '2026-03-21 12:00:00';
		changed[0].opublikowano = '2026-03-19 08:00:00';
		const [after] = parseHydroWarnings(changed);
		expect(after.id).toBe(before.id);
		expect(after.revision).not.toBe(before.revision);
		expect(parseHydroWarnings(copy(demoHydroWarnings))[0]).toEqual(before);
	});

	it('gives no river when the description does not have the usual shape', () => {
		const list = copy(demoHydroWarnings);
		list[0].obszary[0].opis = 'Pisia Gągolina';
		expect(parseHydroWarnings(list)[0].catchments[0].river).toBeNull();
	});

	it('refuses a malformed response', () => {
		const withItem = (change: (w: Record<string, unknown>) => void) => {
			const list = copy(demoHydroWarnings) as Record<string, unknown>[];
			change(list[0]);
			return () => parseHydroWarnings(list);
		};
		expect(() => parseHydroWarnings({ error: 'x' })).toThrow(ImgwFormatError);
		expect(withItem((w) => (w.data_od = 'jutro'))).toThrow(/item 0 \(12\), data_od: not a date-time "jutro"/);
		expect(withItem((w) => (w.data_do = ''))).toThrow(/data_do: not a date-time/);
		expect(
			withItem((w) => {
				w.stopien = w['stopień'];
				delete w['stopień'];
			})
		).toThrow(/stopień/);
		expect(withItem((w) => (w['stopień'] = '0'))).toThrow(/stopień/);
		expect(withItem((w) => (w.obszary = [{ wojewodztwo: 'mazowieckie', opis: 'x', kod_zlewni: [] }]))).toThrow(
			/obszary.0.kod_zlewni: no catchment code/
		);
		expect(withItem((w) => (w.biuro = demoHydroWarnings[1].biuro))).toThrow(/appears twice/);
	});
});

describe('warningConcernsPowiat', () => {
	const [snow, storm, heat] = parseMeteoWarnings(demoMeteoWarnings);
	const [flood, drought] = parseHydroWarnings(demoHydroWarnings);
	const concerns = (w: ImgwWarning, powiat: string, voivodeship: string) =>
		warningConcernsPowiat(w, powiat, voivodeship);

	it('matches a meteo warning by powiat code', () => {
		expect([snow, storm, heat].map((w) => concerns(w, '1438', 'mazowieckie'))).toEqual([true, true, false]);
		expect(concerns(heat, '3064', 'wielkopolskie')).toBe(true);
		expect(concerns(snow, '1412', 'mazowieckie')).toBe(false);
	});

	it('matches a hydro warning by voivodeship, whatever the letter case', () => {
		expect(concerns(flood, '1438', 'mazowieckie')).toBe(true);
		expect(concerns(flood, '1438', 'MAZOWIECKIE')).toBe(true); // as the TERYT register writes it
		expect(concerns(flood, '2201', 'pomorskie')).toBe(false);
		expect(concerns(drought, '3201', 'ZACHODNIOPOMORSKIE')).toBe(true);
		expect(concerns(drought, '1438', 'mazowieckie')).toBe(false);

		const list = copy(demoHydroWarnings);
		list[0].obszary[0].wojewodztwo = 'łódzkie';
		const [lodz] = parseHydroWarnings(list);
		expect(concerns(lodz, '1001', 'ŁÓDZKIE')).toBe(true);
		expect(concerns(lodz, '1001', 'lodzkie')).toBe(false);
	});
});

describe('fetchImgwWarnings', () => {
	it('fetches and parses both lists, meteo first', async () => {
		const warnings = await fetchImgwWarnings(`${baseUrl}/`);
		expect(warnings.map((w) => w.source)).toEqual(['meteo', 'meteo', 'meteo', 'hydro', 'hydro']);
		expect(warnings).toEqual([...parseMeteoWarnings(demoMeteoWarnings), ...parseHydroWarnings(demoHydroWarnings)]);
		expect(requests).toHaveLength(2);
		for (const headers of requests) {
			expect(headers.accept).toBe('application/json');
			expect(headers['user-agent']).toMatch(/^Tablica \(.+\)$/);
		}
	});

	it('uses the fetch it is given', async () => {
		const urls: string[] = [];
		const fakeFetch: typeof fetch = async (input) => {
			urls.push(String(input));
			return new Response(JSON.stringify([]), { headers: { 'content-type': 'application/json' } });
		};
		expect(await fetchImgwWarnings('https://imgw.test', { fetch: fakeFetch })).toEqual([]);
		expect(urls.sort()).toEqual([
			'https://imgw.test/api/data/warningshydro',
			'https://imgw.test/api/data/warningsmeteo'
		]);
	});

	it('reports an HTTP error with the URL and status', async () => {
		replies['/api/data/warningshydro'] = { status: 500, type: 'text/html', body: '<h1>Internal Server Error</h1>' };
		const error = await fetchImgwWarnings(baseUrl).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error).not.toBeInstanceOf(ImgwFormatError);
		expect((error as Error).message).toBe(
			`IMGW: GET ${baseUrl}/api/data/warningshydro returned HTTP 500: <h1>Internal Server Error</h1>`
		);
	});

	it('reports HTML or an unexpected JSON as a format error with the URL', async () => {
		replies['/api/data/warningsmeteo'] = {
			type: 'text/html',
			body: '<!DOCTYPE html><html><body>Przerwa</body></html>'
		};
		await expect(fetchImgwWarnings(baseUrl)).rejects.toThrow(ImgwFormatError);
		await expect(fetchImgwWarnings(baseUrl)).rejects.toThrow(
			`IMGW: GET ${baseUrl}/api/data/warningsmeteo (HTTP 200, text/html) is not JSON: <!DOCTYPE html>`
		);

		replies['/api/data/warningsmeteo'] = json({ error: 'x' });
		await expect(fetchImgwWarnings(baseUrl)).rejects.toThrow(
			`IMGW GET ${baseUrl}/api/data/warningsmeteo: expected an array of warnings, got an object with keys error`
		);

		serveDemo();
		const bad = copy(demoHydroWarnings);
		bad[1].data_od = '2026-06-31 10:00:00';
		replies['/api/data/warningshydro'] = json(bad);
		await expect(fetchImgwWarnings(baseUrl)).rejects.toThrow(
			new RegExp(`^IMGW GET ${baseUrl}/api/data/warningshydro: item 1 \\(12\\), data_od: not a date-time`)
		);
	});

	it('reports a network error and a timeout with the URL', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
		await new Promise((resolve) => closed.close(resolve));
		await expect(fetchImgwWarnings(closedUrl)).rejects.toThrow(`IMGW: GET ${closedUrl}/api/data/warnings`);

		replies['/api/data/warningsmeteo'] = { body: '', hang: true };
		await expect(fetchImgwWarnings(baseUrl, { timeoutMs: 200 })).rejects.toThrow(
			`IMGW: GET ${baseUrl}/api/data/warningsmeteo failed: timed out after 200 ms`
		);
	});
});

describe.skipIf(!haveRealFiles)('IMGW real responses (needs ../shared/data)', () => {
	it('fetches and parses the published example responses', async () => {
		replies = {
			'/api/data/warningsmeteo': { body: readFileSync(realMeteoFile, 'utf8') },
			'/api/data/warningshydro': { body: readFileSync(realHydroFile, 'utf8') }
		};
		const warnings = await fetchImgwWarnings(baseUrl);
		const meteo = warnings.filter((w) => w.source === 'meteo');
		const hydro = warnings.filter((w) => w.source === 'hydro');
		expect([meteo.length, hydro.length]).toEqual([9, 50]);
		expect(new Set(warnings.map((w) => w.id)).size).toBe(59);

		const first = meteo[0];
		expect(first).toMatchObject({
			id: 'Wr20250709205120807',
			level: 1,
			event: 'Intensywne opady deszczu',
			probability: 70,
			comment: null,
			office: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie'
		});
		expect(first.powiats).toHaveLength(12);
		expect(first.powiats).toContain('1464');
		expect([utc(first.validFrom), utc(first.validTo), utc(first.publishedAt)]).toEqual([
			'2024-04-20T07:00:00.000Z',
			'2024-04-23T23:00:00.000Z',
			'2024-04-20T20:51:00.000Z'
		]);
		expect(meteo.map((w) => w.level).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2]);

		expect(hydro.filter((w) => w.level === 0)).toHaveLength(31);
		expect(hydro.filter((w) => w.validTo === null)).toHaveLength(31);
		expect(hydro.flatMap((w) => w.catchments)).toHaveLength(385);
		expect(hydro[0]).toMatchObject({
			level: 0,
			event: 'Susza hydrologiczna',
			probability: 95,
			validTo: null,
			voivodeships: ['podlaskie', 'warmińsko-mazurskie'],
			catchments: [
				{ code: 'Z_O_PD_264', description: 'podlaskie, zlewnia Pisy, susza hydrologiczna', river: 'zlewnia Pisy' },
				{
					code: 'Z_O_WM_264',
					description: 'warmińsko-mazurskie, zlewnia Pisy, susza hydrologiczna',
					river: 'zlewnia Pisy'
				}
			]
		});
		expect(utc(hydro[0].publishedAt)).toBe('2025-04-09T10:03:47.000Z');
		expect(hydro.every((w) => w.catchments.every((c) => c.river))).toBe(true);

		const wkra = hydro.filter((w) => w.catchments.some((c) => c.river === 'Wkra'));
		expect(wkra.map((w) => [w.level, utc(w.validFrom), utc(w.validTo)])).toEqual([
			[2, '2025-08-02T09:00:00.000Z', '2025-08-03T09:00:00.000Z'],
			[2, '2025-08-03T09:00:00.000Z', '2025-08-04T09:00:00.000Z']
		]);
		expect(hydro.filter((w) => warningConcernsPowiat(w, '1438', 'mazowieckie'))).toHaveLength(5);
		expect(meteo.filter((w) => warningConcernsPowiat(w, '1438', 'mazowieckie'))).toHaveLength(0);
	});
});
