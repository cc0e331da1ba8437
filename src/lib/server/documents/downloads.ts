import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { memo } from '../cache/memo';
import { municipalityPage } from '../stats/public';
import { unitReport } from '../stats/unit-report';
import { toCsv } from '../text/csv';
import { contractTemplatePdf, offerPdf, presentationPdf, unitReportPdf } from './documents';

export interface Download {
	body: Buffer;
	contentType: string;
	fileName: string;
}

const SLUG = /^[a-z0-9-]{2,60}$/;
// A document takes a few hundred milliseconds of CPU; the same one is served from memory for 5 min.
const cache = memo<Download>(5 * 60_000, 200);

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2), 'utf8');

/**
 * A public document by its kind and file name ("wiskitki.pdf"): the four PDFs, and the numbers
 * of the municipality's page ("statystyki") and of the units' report as CSV and JSON.
 */
export function getDownload(ctx: Ctx, kind: string, file: string, month: string | null): Promise<Download> {
	const m = /^(.+)\.(pdf|csv|json)$/.exec(file);
	if (!m || !SLUG.test(m[1])) throw new AppError('not_found', 'Nie ma takiego pliku.');
	const [, slug, ext] = m;
	if (month !== null && !/^\d{4}-\d{2}$/.test(month))
		throw new AppError('validation', 'Podaj miesiąc w postaci RRRR-MM, np. 2026-10.');
	return cache(`${kind}/${file}/${month ?? ''}`, ctx.clock.now().getTime(), () => build(ctx, kind, slug, ext, month));
}

async function build(ctx: Ctx, kind: string, slug: string, ext: string, month: string | null): Promise<Download> {
	const pdf = (body: Buffer, name: string) => ({ body, contentType: 'application/pdf', fileName: `${name}.pdf` });
	if (kind === 'opis-pakietu' && ext === 'pdf') return pdf(await offerPdf(ctx, slug), `opis-pakietu-1-${slug}`);
	if (kind === 'prezentacja' && ext === 'pdf')
		return pdf(await presentationPdf(ctx, slug), `prezentacja-zasiegow-${slug}`);
	if (kind === 'raport-jednostek' && ext === 'pdf')
		return pdf(await unitReportPdf(ctx, slug, month), `raport-jednostek-${slug}${month ? `-${month}` : ''}`);
	if (kind === 'raport-jednostek') {
		const r = await unitReport(ctx, slug, month);
		const name = `raport-jednostek-${slug}-${r.month}.${ext}`;
		if (ext === 'json') return { body: json(r), contentType: 'application/json; charset=utf-8', fileName: name };
		const rows = r.units.flatMap((u) =>
			u.months.map((x) => [
				u.name,
				u.typeLabel,
				x.month,
				x.posts,
				x.views,
				x.uniqueViewers,
				x.reactions,
				x.comments,
				x.shares,
				x.questions,
				x.answered,
				x.medianReplyMinutes
			])
		);
		return {
			body: toCsv(
				[
					'jednostka',
					'rodzaj',
					'miesiąc',
					'posty',
					'wyświetlenia',
					'osoby',
					'reakcje',
					'komentarze',
					'udostępnienia',
					'pytania',
					'pytania z odpowiedzią',
					'mediana odpowiedzi (min)'
				],
				rows
			),
			contentType: 'text/csv; charset=utf-8',
			fileName: name
		};
	}
	if (kind === 'statystyki' && ext !== 'pdf') {
		const s = await municipalityPage(ctx, slug);
		const name = `statystyki-${slug}.${ext}`;
		if (ext === 'json')
			return {
				body: json({
					group: { slug: s.group.slug, name: s.group.name, members: s.group.members },
					municipality: s.municipality,
					last30Days: s.last30,
					months: s.months,
					topPosts: s.topPosts,
					units: s.units
				}),
				contentType: 'application/json; charset=utf-8',
				fileName: name
			};
		const rows = s.months.map((x) => [
			x.month,
			x.membersAtEnd,
			x.joined,
			x.left,
			x.views,
			x.uniqueViewers,
			x.posts,
			x.comments,
			x.reactions,
			x.shares
		]);
		return {
			body: toCsv(
				[
					'miesiąc',
					'członkowie na koniec',
					'dołączyło',
					'odeszło',
					'wyświetlenia',
					'osoby',
					'posty',
					'komentarze',
					'reakcje',
					'udostępnienia'
				],
				rows
			),
			contentType: 'text/csv; charset=utf-8',
			fileName: name
		};
	}
	if (kind === 'umowa-wzor' && ext === 'pdf' && slug === 'umowa')
		return pdf(await contractTemplatePdf(ctx), 'umowa-wzor');
	throw new AppError('not_found', 'Nie ma takiego pliku.');
}
