import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase } from '../testing/fixtures';
import { demoMunicipalitiesCsv } from './demo-municipalities';
import {
	countMunicipalities,
	importMunicipalities,
	importTerytFile,
	parseTerytCsv,
	searchMunicipalities
} from './municipalities';

const referenceFile = path.resolve(process.env.REFERENCE_DATA_DIR ?? '../shared/data', 'teryt/gminy-2024-01-01.csv');
let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('municipalities', () => {
	it('parses the TERC extract and refuses a broken row', () => {
		const rows = parseTerytCsv(demoMunicipalitiesCsv);
		expect(rows.find((r) => r.teryt_code === '1438053')).toEqual({
			teryt_code: '1438053',
			name: 'Wiskitki',
			kind: 'mixed',
			county: 'żyrardowski',
			voivodeship: 'mazowieckie',
			name_folded: 'wiskitki'
		});
		expect(() => parseTerytCsv('teryt7,nazwa,rodzaj_kod,powiat,wojewodztwo\n123,X,1,a,b')).toThrow(/Błędny wiersz 2/);
		expect(() => parseTerytCsv('kod,nazwa\n1,2')).toThrow(/brakuje kolumny „teryt7”/);
	});

	it('imports idempotently and finds names ignoring diacritics', async () => {
		await importMunicipalities(database.db, parseTerytCsv(demoMunicipalitiesCsv));
		await importMunicipalities(database.db, parseTerytCsv(demoMunicipalitiesCsv));
		expect(await countMunicipalities(database.db)).toBe(11);
		expect((await searchMunicipalities(database.db, 'zyrardow')).map((m) => m.name)).toEqual(['Żyrardów']);
		expect((await searchMunicipalities(database.db, 'zabia wola')).map((m) => m.teryt_code)).toEqual(['1405062']);
	});

	it.skipIf(!existsSync(referenceFile))(
		'loads all 2 477 municipalities of the official register (needs ../shared/data)',
		async () => {
			expect(await importTerytFile(database.db, referenceFile)).toBe(2477);
			expect(await countMunicipalities(database.db)).toBe(2477);
			const kinds = await database.db
				.selectFrom('municipalities')
				.select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
				.groupBy('kind')
				.orderBy('kind')
				.execute();
			expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
				['mixed', 711],
				['rural', 1464],
				['urban', 302]
			]);
		}
	);
});
