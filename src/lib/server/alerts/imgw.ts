// Reads the official weather (meteo) and hydrological (hydro) warnings of IMGW-PIB from its public
// API (https://danepubliczne.imgw.pl/api/data/warningsmeteo and …/warningshydro).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseWarsawLocal } from '../../dates';

export interface ImgwWarning {
	/** Meteo: IMGW's `id`; hydro: "hydro-{numer}-{hash of the office}" (hydro warnings have no id). */
	id: string;
	source: 'meteo' | 'hydro';
	/** 1..3; a hydrological drought warning (IMGW's level -1) is 0. */
	level: number;
	event: string;
	/** Percent. */
	probability: number | null;
	validFrom: Date;
	/** Null: until further notice. */
	validTo: Date | null;
	publishedAt: Date;
	text: string;
	/** Null when IMGW writes "Brak" or nothing. */
	comment: string | null;
	office: string;
	/** Meteo: 4-digit powiat TERYT codes, sorted; [] for hydro. */
	powiats: string[];
	/** Hydro: voivodeship names as IMGW writes them (lower case); [] for meteo. */
	voivodeships: string[];
	/** Hydro: one entry per catchment code; `river` is the river or area named in `description`, as written. */
	catchments: { code: string; description: string; river: string | null }[];
	/** A fingerprint of the content, to detect a changed warning under the same id. */
	revision: string;
}

export class ImgwFormatError extends Error {
	name = 'ImgwFormatError';
}

const USER_AGENT = 'Tablica (community board software for Polish municipalities; reads IMGW-PIB warnings)';
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * "2024-04-20 09:00:00", Polish local time without a zone, or undefined when it is not a valid
 * date-time. parseWarsawLocal works to the minute; the seconds are added after it (the UTC offset
 * never changes within a minute).
 */
function parseImgwTime(value: string): Date | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0));
	const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	const sameFields =
		asUtc.getUTCFullYear() === year &&
		asUtc.getUTCMonth() === month - 1 &&
		asUtc.getUTCDate() === day &&
		asUtc.getUTCHours() === hour &&
		asUtc.getUTCMinutes() === minute;
	if (!sameFields) return undefined; // 2024-02-30, 24:00, 12:60 …
	const toMinute = parseWarsawLocal(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`);
	return toMinute ? new Date(toMinute.getTime() + second * 1000) : undefined;
}

const time = z.string().transform((s, ctx) => {
	const d = parseImgwTime(s);
	if (!d) ctx.addIssue({ code: 'custom', message: `not a date-time "${s}"` });
	return d ?? z.NEVER;
});
/** IMGW writes "9999-12-31 23:59:59" for a warning without an end. */
const timeOrOpen = z.string().transform((s, ctx) => {
	if (s.trim().startsWith('9999-')) return null;
	const d = parseImgwTime(s);
	if (!d) ctx.addIssue({ code: 'custom', message: `not a date-time "${s}"` });
	return d ?? z.NEVER;
});
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const nonEmpty = text.pipe(z.string().min(1, 'must not be empty'));
const probability = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((v, ctx) => {
		if (v === null || v === undefined || String(v).trim() === '') return null;
		const n = Number(v);
		if (!Number.isFinite(n) || n < 0 || n > 100) {
			ctx.addIssue({ code: 'custom', message: `not a percentage "${v}"` });
			return z.NEVER;
		}
		return n;
	});
const comment = z
	.string()
	.nullish()
	.transform((v) => {
		const s = v?.trim() ?? '';
		return s === '' || /^brak\.?$/i.test(s) ? null : s;
	});

const meteoSchema = z.object({
	id: nonEmpty,
	nazwa_zdarzenia: nonEmpty,
	stopien: text.pipe(z.enum(['1', '2', '3'])).transform(Number),
	prawdopodobienstwo: probability,
	obowiazuje_od: time,
	obowiazuje_do: timeOrOpen,
	opublikowano: time,
	tresc: text,
	komentarz: comment,
	biuro: nonEmpty,
	teryt: z.array(z.string().regex(/^\d{4}$/, 'not a 4-digit powiat TERYT code'))
});

const hydroSchema = z.object({
	numer: nonEmpty,
	biuro: nonEmpty,
	stopień: text.pipe(z.enum(['-1', '1', '2', '3'])).transform((v) => Math.max(0, Number(v))),
	zdarzenie: nonEmpty,
	prawdopodobienstwo: probability,
	data_od: time,
	data_do: timeOrOpen,
	opublikowano: time,
	przebieg: text,
	komentarz: comment,
	obszary: z.array(
		z.object({
			wojewodztwo: nonEmpty,
			opis: text,
			kod_zlewni: z.array(nonEmpty).min(1, 'no catchment code')
		})
	)
});

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function withRevision(w: Omit<ImgwWarning, 'revision'>): ImgwWarning {
	// Dates serialize as ISO strings; the key order is fixed by the object literals below.
	return { ...w, revision: sha1(JSON.stringify(w)) };
}

/**
 * The river or area in a hydro `opis` such as "mazowieckie, Wkra, wezbranie z przekroczeniem
 * stanów ostrzegawczych": what lies between the voivodeship and the event, as written ("Wkra",
 * "zlewnia Pisy", "Supraśl, Biebrza"). Null when the text does not have that shape.
 */
function riverOf(description: string, voivodeship: string, event: string): string | null {
	let rest = description.trim();
	const lower = () => rest.toLocaleLowerCase('pl');
	const prefix = `${voivodeship.toLocaleLowerCase('pl')},`;
	const suffix = `, ${event.toLocaleLowerCase('pl')}`;
	const hasPrefix = lower().startsWith(prefix);
	if (hasPrefix) rest = rest.slice(prefix.length).trim();
	const hasSuffix = lower().endsWith(suffix);
	if (hasSuffix) rest = rest.slice(0, -suffix.length).trim();
	return (hasPrefix || hasSuffix) && rest !== '' ? rest : null;
}

/** Hydro warnings are numbered per forecasting office, so the office is part of the key. */
function hydroId(numer: string, office: string): string {
	const officeKey = sha1(office.replace(/\s+/g, ' ').toLocaleLowerCase('pl')).slice(0, 10);
	return `hydro-${numer}-${officeKey}`;
}

function formatIssues(error: z.ZodError, json: unknown[]): string {
	const lines = error.issues.slice(0, 5).map((issue) => {
		const [index, ...rest] = issue.path;
		const item = typeof index === 'number' ? (json[index] as Record<string, unknown> | null) : null;
		const name = item?.id ?? item?.numer;
		const where = `item ${String(index)}${name === undefined ? '' : ` (${String(name)})`}`;
		return `${where}${rest.length ? `, ${rest.map(String).join('.')}` : ''}: ${issue.message}`;
	});
	const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
	return lines.join('; ') + more;
}

function describe(json: unknown): string {
	if (json === null) return 'null';
	if (typeof json !== 'object') return typeof json;
	return `an object with keys ${Object.keys(json).join(', ') || '(none)'}`;
}

function parseList<T extends z.ZodType>(schema: T, json: unknown, label: string): z.output<T>[] {
	if (!Array.isArray(json))
		throw new ImgwFormatError(`IMGW ${label}: expected an array of warnings, got ${describe(json)}`);
	const parsed = z.array(schema).safeParse(json);
	if (!parsed.success) throw new ImgwFormatError(`IMGW ${label}: ${formatIssues(parsed.error, json)}`);
	return parsed.data;
}

function assertUniqueIds(warnings: ImgwWarning[], label: string) {
	const seen = new Set<string>();
	for (const w of warnings) {
		if (seen.has(w.id)) throw new ImgwFormatError(`IMGW ${label}: warning ${w.id} appears twice`);
		seen.add(w.id);
	}
}

function parseMeteo(json: unknown, label: string): ImgwWarning[] {
	const warnings = parseList(meteoSchema, json, label).map((r) =>
		withRevision({
			id: r.id,
			source: 'meteo',
			level: r.stopien,
			event: r.nazwa_zdarzenia,
			probability: r.prawdopodobienstwo,
			validFrom: r.obowiazuje_od,
			validTo: r.obowiazuje_do,
			publishedAt: r.opublikowano,
			text: r.tresc,
			comment: r.komentarz,
			office: r.biuro,
			powiats: [...new Set(r.teryt)].sort(),
			voivodeships: [],
			catchments: []
		})
	);
	assertUniqueIds(warnings, label);
	return warnings;
}

function parseHydro(json: unknown, label: string): ImgwWarning[] {
	const warnings = parseList(hydroSchema, json, label).map((r) =>
		withRevision({
			id: hydroId(r.numer, r.biuro),
			source: 'hydro',
			level: r['stopień'],
			event: r.zdarzenie,
			probability: r.prawdopodobienstwo,
			validFrom: r.data_od,
			validTo: r.data_do,
			publishedAt: r.opublikowano,
			text: r.przebieg,
			comment: r.komentarz,
			office: r.biuro,
			powiats: [],
			voivodeships: [...new Set(r.obszary.map((a) => a.wojewodztwo))],
			catchments: r.obszary.flatMap((a) =>
				a.kod_zlewni.map((code) => ({
					code,
					description: a.opis,
					river: riverOf(a.opis, a.wojewodztwo, r.zdarzenie)
				}))
			)
		})
	);
	assertUniqueIds(warnings, label);
	return warnings;
}

/** Parses the response of `/api/data/warningsmeteo`; throws ImgwFormatError on anything unexpected. */
export function parseMeteoWarnings(json: unknown): ImgwWarning[] {
	return parseMeteo(json, 'warningsmeteo');
}

/** Parses the response of `/api/data/warningshydro`; throws ImgwFormatError on anything unexpected. */
export function parseHydroWarnings(json: unknown): ImgwWarning[] {
	return parseHydro(json, 'warningshydro');
}

const foldName = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');

/**
 * Whether a warning is for a place: a meteo warning names its powiat (4-digit TERYT code), a hydro
 * warning its voivodeship (hydro warnings name catchments, not administrative areas).
 */
export function warningConcernsPowiat(w: ImgwWarning, powiatTeryt: string, voivodeshipName: string): boolean {
	if (w.source === 'meteo') return w.powiats.includes(powiatTeryt.trim());
	const wanted = foldName(voivodeshipName);
	return w.voivodeships.some((v) => foldName(v) === wanted);
}

const snippet = (body: string) => {
	const s = body.replace(/\s+/g, ' ').trim();
	return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

async function getJson(url: string, doFetch: typeof fetch, timeoutMs: number): Promise<unknown> {
	let response: Response;
	let body: string;
	try {
		response = await doFetch(url, {
			headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
			signal: AbortSignal.timeout(timeoutMs)
		});
		body = await response.text();
	} catch (e) {
		const reason =
			e instanceof Error && e.name === 'TimeoutError'
				? `timed out after ${timeoutMs} ms`
				: e instanceof Error
					? e.message
					: String(e);
		throw new Error(`IMGW: GET ${url} failed: ${reason}`, { cause: e });
	}
	if (!response.ok) throw new Error(`IMGW: GET ${url} returned HTTP ${response.status}: ${snippet(body)}`);
	try {
		return JSON.parse(body);
	} catch {
		const type = response.headers.get('content-type') ?? 'no content type';
		throw new ImgwFormatError(`IMGW: GET ${url} (HTTP ${response.status}, ${type}) is not JSON: ${snippet(body)}`);
	}
}

/**
 * Fetches and parses both lists, meteo first. Network and HTTP errors throw an Error, an
 * unexpected response an ImgwFormatError; both name the URL.
 */
export async function fetchImgwWarnings(
	baseUrl: string,
	options: { fetch?: typeof fetch; timeoutMs?: number } = {}
): Promise<ImgwWarning[]> {
	const base = baseUrl.replace(/\/+$/, '');
	const doFetch = options.fetch ?? fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const get = async (endpoint: string, parse: (json: unknown, label: string) => ImgwWarning[]) => {
		const url = `${base}/api/data/${endpoint}`;
		return parse(await getJson(url, doFetch, timeoutMs), `GET ${url}`);
	};
	const [meteo, hydro] = await Promise.all([get('warningsmeteo', parseMeteo), get('warningshydro', parseHydro)]);
	return [...meteo, ...hydro];
}
