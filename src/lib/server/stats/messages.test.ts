import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { unitReportEmail, type UnitReportMailData } from './messages';

const unit = (name: string, posts: number, views: number, reactions: number, comments: number) => ({
	name,
	posts,
	views,
	reactions,
	comments,
	questions: 2,
	answered: 1,
	medianReplyMinutes: 125
});
const data: UnitReportMailData = {
	name: 'Jan Nowak',
	municipality: 'Wiskitki',
	groupName: 'Wiskitki – forum mieszkańców gminy',
	month: 'październik 2026',
	inMonth: 'październiku 2026',
	units: [
		unit('Szkoła Podstawowa', 2, 2, 1, 5),
		unit('OSP Wiskitki', 1, 1_500, 22, 1),
		unit('Gminny Ośrodek Kultury', 0, 0, 0, 0)
	],
	pdfUrl: 'http://tablica.test/pliki/raport-jednostek/wiskitki.pdf?miesiac=2026-10',
	csvUrl: 'http://tablica.test/pliki/raport-jednostek/wiskitki.csv?miesiac=2026-10'
};

describe('stats messages', () => {
	it('the monthly unit report, units that published nothing left out', () => {
		expect(unitReportEmail(data)).toMatchInlineSnapshot(`
			{
			  "subject": "Raport aktywności jednostek gminy Wiskitki – październik 2026",
			  "text": "Dzień dobry, Jan Nowak,

			w październiku 2026 jednostki gminy Wiskitki opublikowały w grupie „Wiskitki – forum mieszkańców gminy” 3 posty, które wyświetlono łącznie 1 502 razy.

			- Szkoła Podstawowa: 2 posty, 2 wyświetlenia, 1 reakcja, 5 komentarzy; pytania mieszkańców: 2, z odpowiedzią: 1, mediana czasu odpowiedzi: 2 godz. 5 min
			- OSP Wiskitki: 1 post, 1 500 wyświetleń, 22 reakcje, 1 komentarz; pytania mieszkańców: 2, z odpowiedzią: 1, mediana czasu odpowiedzi: 2 godz. 5 min

			Pełny raport (PDF, z porównaniem miesiąc do miesiąca i wykresami): http://tablica.test/pliki/raport-jednostek/wiskitki.pdf?miesiac=2026-10
			Te same dane w CSV: http://tablica.test/pliki/raport-jednostek/wiskitki.csv?miesiac=2026-10

			Raport wysyłamy pierwszego dnia każdego miesiąca do koordynatorów gminy.
			Zespół PL-MEDIA",
			}
		`);
	});

	it('a month without posts', () => {
		expect(unitReportEmail({ ...data, units: [unit('OSP Wiskitki', 0, 0, 0, 0)] }).text).toMatchInlineSnapshot(`
			"Dzień dobry, Jan Nowak,

			w październiku 2026 jednostki gminy Wiskitki opublikowały w grupie „Wiskitki – forum mieszkańców gminy” 0 postów, które wyświetlono łącznie 0 razy.

			Żadna jednostka nie publikowała w tym miesiącu.

			Pełny raport (PDF, z porównaniem miesiąc do miesiąca i wykresami): http://tablica.test/pliki/raport-jednostek/wiskitki.pdf?miesiac=2026-10
			Te same dane w CSV: http://tablica.test/pliki/raport-jednostek/wiskitki.csv?miesiac=2026-10

			Raport wysyłamy pierwszego dnia każdego miesiąca do koordynatorów gminy.
			Zespół PL-MEDIA"
		`);
	});

	it('one post agrees in number', () => {
		expect(
			unitReportEmail({ ...data, units: [unit('OSP Wiskitki', 1, 1, 0, 0)] }).text.split('\n')[2]
		).toMatchInlineSnapshot(
			`"w październiku 2026 jednostki gminy Wiskitki opublikowały w grupie „Wiskitki – forum mieszkańców gminy” 1 post, który wyświetlono łącznie 1 raz."`
		);
	});

	it('is gender-neutral', () => {
		const m = unitReportEmail(data);
		expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
