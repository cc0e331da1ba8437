import { PdfWriter } from '../documents/pdf';
import { toCsv } from '../text/csv';
import { countLabel, formatDateTime, formatPercent } from '../../format';
import type { PollResults } from './polls';

type Visible = PollResults & { results: number[] };

/** A share of the voters ("45%"): with several choices allowed the shares add up to more than 100%. */
const shareOf = (r: Visible, i: number) => (r.voters ? r.results[i] / r.voters : 0);

/** The results as a spreadsheet (Polish CSV: semicolons, BOM), one row per option. */
export function pollResultsCsv(r: Visible): Buffer {
	return toCsv(
		['Odpowiedź', 'Głosy', 'Odsetek głosujących'],
		r.options.map((option, i) => [option, r.results[i], formatPercent(shareOf(r, i))])
	);
}

/** The results as a tagged PDF for a council session: the question, who ran it, when, the table and a chart. */
export async function pollResultsPdf(r: Visible, now: Date): Promise<Buffer> {
	const kind = r.consultation ? 'Wyniki konsultacji' : 'Wyniki ankiety';
	const pdf = new PdfWriter({ title: `${kind}: ${r.question}`, subject: r.group.name, author: r.by });
	pdf.title(kind, r.question);
	pdf.paragraph(`Prowadzi: ${r.by}. Grupa: ${r.group.name}.`);
	pdf.paragraph(
		`Głosowanie od ${formatDateTime(r.publishedAt)} ${r.closed ? 'do' : 'trwa do'} ${formatDateTime(r.closesAt)}` +
			`${r.closed ? '' : ` — stan na ${formatDateTime(now)}`}.`
	);
	pdf.paragraph(
		`${countLabel(r.voters, 'osoba zagłosowała', 'osoby zagłosowały', 'osób zagłosowało')}` +
			(r.multiple ? '; można było zaznaczyć kilka odpowiedzi, więc odsetki nie sumują się do 100%.' : '.') +
			(r.consultation ? ' Głosowali mieszkańcy, którzy wskazali swoją miejscowość w gminie.' : ''),
		{ muted: true }
	);
	pdf.table(
		[
			{ header: 'Odpowiedź', width: 0.6, align: 'left' },
			{ header: 'Głosy', width: 0.2, align: 'right' },
			{ header: 'Odsetek głosujących', width: 0.2, align: 'right' }
		],
		r.options.map((option, i) => [option, String(r.results[i]), formatPercent(shareOf(r, i))]),
		kind
	);
	pdf.barChart(
		'Głosy na każdą odpowiedź',
		r.options.map((option, i) => ({ label: option, value: r.results[i], display: String(r.results[i]) }))
	);
	return pdf.finish(`${kind} – ${r.group.name}`);
}
