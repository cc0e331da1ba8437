import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { overdueQuestionsEmail, type OverdueQuestionsMailData } from './messages';

const question = (unit: string, excerpt: string, id: number) => ({
	unit,
	excerpt,
	askedAt: '04.12.2026',
	url: `http://tablica.test/g/wiskitki/p/${id}`
});
const data = (n: number): OverdueQuestionsMailData => ({
	name: 'Agnieszka Lis',
	municipality: 'Wiskitki',
	questions: [
		question('Urząd Miasta i Gminy Wiskitki', 'Kiedy naprawią lampę przy Kościuszki?', 11),
		question('Gminna Biblioteka Publiczna w Wiskitkach', 'Czy drukujecie dokumenty?', 12),
		question('Zakład Gospodarki Komunalnej', 'Kiedy odbiór gabarytów?', 13),
		question('GOPS', 'Czy pomagacie wypełnić wniosek?', 14),
		question('GOK', 'Czy będą zajęcia w ferie?', 15)
	].slice(0, n),
	listUrl: 'http://tablica.test/urzad/pytania?gmina=1438053'
});

describe('questions messages', () => {
	it('the reminder of one question, then of several (plural forms)', () => {
		expect(overdueQuestionsEmail(data(1))).toMatchInlineSnapshot(`
			{
			  "subject": "Pytanie mieszkańca czeka na odpowiedź ponad 2 dni robocze – gmina Wiskitki",
			  "text": "Dzień dobry, Agnieszka Lis,

			w grupie gminy Wiskitki 1 pytanie mieszkańca czeka na odpowiedź urzędu lub jednostki dłużej niż 2 dni robocze:

			- do: Urząd Miasta i Gminy Wiskitki (zadane 04.12.2026): „Kiedy naprawią lampę przy Kościuszki?”
			  http://tablica.test/g/wiskitki/p/11

			Odpowiedź zespołu jednostki w komentarzu pod pytaniem oznaczy je jako „odpowiedziano”; jeśli sprawa należy do innej jednostki, można je przekazać na stronie pytania.
			Wszystkie czekające pytania gminy: http://tablica.test/urzad/pytania?gmina=1438053

			Zespół PL-MEDIA",
			}
		`);
		expect(overdueQuestionsEmail(data(2)).text.split('\n')[2]).toMatchInlineSnapshot(
			`"w grupie gminy Wiskitki 2 pytania mieszkańców czekają na odpowiedź urzędu lub jednostki dłużej niż 2 dni robocze:"`
		);
		expect(overdueQuestionsEmail(data(5)).text.split('\n')[2]).toMatchInlineSnapshot(
			`"w grupie gminy Wiskitki 5 pytań mieszkańców czeka na odpowiedź urzędu lub jednostki dłużej niż 2 dni robocze:"`
		);
	});

	it('speaks to nobody in a gendered form', () => {
		for (const n of [1, 2, 5]) {
			const m = overdueQuestionsEmail(data(n));
			expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
		}
	});
});
