import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { parseInput } from '../core/validation';
import { assertOperator } from '../access/actor';
import { forgetPublicStats } from '../stats/public';
import type { Db } from '../db/database';
import type { MunicipalityTable } from '../db/schema';
import { AppError } from '../core/errors';
import { parseCsv } from '../text/csv';
import { foldText } from '../text/fold';

const kinds: Record<string, MunicipalityTable['kind']> = { '1': 'urban', '2': 'rural', '3': 'mixed' };
const kindLabels: Record<MunicipalityTable['kind'], string> = {
	urban: 'gmina miejska',
	rural: 'gmina wiejska',
	mixed: 'gmina miejsko-wiejska'
};
/** The 16 voivodeships, as TERYT writes them (lower case). */
export const voivodeships = [
	'dolnośląskie',
	'kujawsko-pomorskie',
	'lubelskie',
	'lubuskie',
	'łódzkie',
	'małopolskie',
	'mazowieckie',
	'opolskie',
	'podkarpackie',
	'podlaskie',
	'pomorskie',
	'śląskie',
	'świętokrzyskie',
	'warmińsko-mazurskie',
	'wielkopolskie',
	'zachodniopomorskie'
];

export const municipalityKindLabel = (kind: MunicipalityTable['kind']) => kindLabels[kind];

/** Parses the TERYT TERC extract (columns teryt7, nazwa, rodzaj_kod, powiat, wojewodztwo …). */
/** A row of the TERYT register; the population is the operator's and never imported. */
export type TerytRow = Omit<MunicipalityTable, 'population' | 'population_year'>;

export function parseTerytCsv(text: string): TerytRow[] {
	const rows = parseCsv(text);
	if (rows.length === 0) throw new AppError('validation', 'Plik TERYT jest pusty.');
	const header = rows[0];
	const col = (name: string) => {
		const i = header.indexOf(name);
		if (i < 0) throw new AppError('validation', `W pliku TERYT brakuje kolumny „${name}”.`);
		return i;
	};
	const [code, name, kind, county, voivodeship] = ['teryt7', 'nazwa', 'rodzaj_kod', 'powiat', 'wojewodztwo'].map(col);
	return rows.slice(1).map((f, i) => {
		const row = {
			teryt_code: f[code]?.trim(),
			name: f[name]?.trim(),
			kind: kinds[f[kind]?.trim()],
			county: f[county]?.trim(),
			voivodeship: f[voivodeship]?.trim().toLowerCase(),
			name_folded: foldText(f[name]?.trim() ?? '')
		};
		if (!/^\d{7}$/.test(row.teryt_code ?? '') || !row.name || !row.kind || !row.county || !row.voivodeship) {
			throw new AppError('validation', `Błędny wiersz ${i + 2} pliku TERYT: ${f.join(',')}`);
		}
		return row as TerytRow;
	});
}

/** Inserts or updates municipalities; returns how many rows the file had. */
export async function importMunicipalities(db: Db, rows: TerytRow[]): Promise<number> {
	await db.transaction().execute(async (tx) => {
		for (let i = 0; i < rows.length; i += 500) {
			await tx
				.insertInto('municipalities')
				.values(rows.slice(i, i + 500))
				.onConflict((oc) =>
					oc.column('teryt_code').doUpdateSet((eb) => ({
						name: eb.ref('excluded.name'),
						kind: eb.ref('excluded.kind'),
						county: eb.ref('excluded.county'),
						voivodeship: eb.ref('excluded.voivodeship'),
						name_folded: eb.ref('excluded.name_folded')
					}))
				)
				.execute();
		}
	});
	return rows.length;
}

export const importTerytFile = (db: Db, file: string) =>
	importMunicipalities(db, parseTerytCsv(readFileSync(file, 'utf8')));

export async function countMunicipalities(db: Db): Promise<number> {
	const r = await db
		.selectFrom('municipalities')
		.select(sql<string>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** Municipalities whose name matches the query, diacritics ignored; prefix matches first. */
export async function searchMunicipalities(db: Db, query: string, limit = 10) {
	const q = foldText(query.trim());
	if (q.length < 2) return [];
	return db
		.selectFrom('municipalities')
		.selectAll()
		.where('name_folded', 'like', `%${q.replace(/[\\%_]/g, '\\$&')}%`)
		.orderBy(sql`name_folded like ${q.replace(/[\\%_]/g, '\\$&') + '%'}`, 'desc')
		.orderBy('name')
		.limit(limit)
		.execute();
}

const populationInput = z.object({
	population: z.coerce
		.number({ error: 'Podaj liczbę mieszkańców.' })
		.int('Liczba mieszkańców musi być całkowita.')
		.min(1, 'Liczba mieszkańców musi być dodatnia.')
		.max(2_000_000, 'Żadna gmina nie ma więcej niż 2 000 000 mieszkańców.'),
	populationYear: z.coerce
		.number({ error: 'Podaj rok danych.' })
		.int('Podaj rok, np. 2025.')
		.min(2000, 'Podaj rok od 2000.')
		.max(2100, 'Podaj rok do 2100.')
});

/** The operator enters a municipality's population (GUS) for the "Potencjał" page; spaces in numbers are fine. */
export async function setPopulation(
	ctx: Ctx,
	actor: Actor | null,
	terytCode: string,
	input: { population?: string; populationYear?: string }
): Promise<void> {
	assertOperator(actor);
	const { population, populationYear } = parseInput(populationInput, {
		population: (input.population ?? '').replace(/[\s\u00a0]/g, '') || undefined,
		populationYear: input.populationYear || undefined
	});
	const r = await ctx.db
		.updateTable('municipalities')
		.set({ population, population_year: populationYear })
		.where('teryt_code', '=', terytCode)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', 'Nie ma takiej gminy.');
	forgetPublicStats();
}
