import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../format';
import { PdfWriter } from './pdf';
import { layoutText } from '../testing/pdf-text';

describe('tables in PDFs', () => {
	it('amounts never wrap and header words are never split, even in narrow columns', async () => {
		const amounts = [350_000, 9_999_999, 65_447, 1_234_567_89, 12];
		const pdf = new PdfWriter({ title: 'Tabela', subject: 'Tabela' });
		pdf.table(
			[
				{ header: 'Lp.', width: 0.05 },
				{ header: 'Nazwa usługi', width: 0.37 },
				{ header: 'Ilość', width: 0.06, align: 'right' },
				{ header: 'J.m.', width: 0.06 },
				{ header: 'Cena brutto', width: 0.12, align: 'right' },
				{ header: 'Netto', width: 0.11, align: 'right' },
				{ header: 'VAT', width: 0.06, align: 'right' },
				{ header: 'Kwota VAT', width: 0.08, align: 'right' },
				{ header: 'Brutto', width: 0.09, align: 'right' }
			],
			amounts.map((a, i) => [
				`${i + 1}.`,
				'Pakiet 1 – publikowanie w grupie mieszkańców, okres rozliczeniowy',
				'1',
				'usł.',
				formatMoney(a),
				formatMoney(a),
				'23%',
				formatMoney(a),
				formatMoney(a)
			])
		);
		const text = layoutText(await pdf.finish('Tabela'));
		if (text === null) return;
		const lines = text.split('\n');
		for (const a of amounts) {
			const whole = formatMoney(a);
			expect(
				lines.filter((l) => l.includes(whole)).length,
				`${whole} whole on one line, 4 times`
			).toBeGreaterThanOrEqual(1);
			expect(text.split(whole).length - 1, whole).toBe(4);
		}
		for (const word of ['Cena', 'brutto', 'Kwota', 'Netto', 'Ilość', 'Brutto', 'usługi'])
			expect(text, word).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, 'm'));
		expect(text).not.toMatch(/Kwo\s*$|Ilo\s*$/m);
	});

	it('a chart prints each bar’s value; a cover carries its key numbers', async () => {
		const pdf = new PdfWriter({ title: 'Wykres', subject: 'Wykres' });
		pdf.titlePage(
			'Prezentacja grupy',
			['Gmina Wiskitki', 'Okres: grudzień 2025 – listopad 2026'],
			[
				{ label: 'Członkowie grupy', value: '3 001' },
				{ label: 'Wyświetlenia postów (12 miesięcy)', value: '412 345' },
				{ label: 'Reakcje i komentarze (12 miesięcy)', value: '23 456' }
			]
		);
		pdf.barChart(
			'Wyświetlenia postów miesięcznie',
			[1234, 5678, 91011].map((v, i) => ({
				label: `m${i + 1}`,
				value: v,
				display: formatMoney(v * 100).replace(',00 zł', '')
			}))
		);
		const text = layoutText(await pdf.finish('Wykres'));
		if (text === null) return;
		const [cover, chart] = text.split('\f');
		for (const v of ['3 001', '412 345', '23 456', 'Okres: grudzień 2025']) expect(cover).toContain(v);
		for (const v of ['1 234', '5 678', '91 011']) expect(chart).toContain(v);
	});
});
