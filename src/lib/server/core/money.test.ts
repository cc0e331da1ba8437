import { describe, expect, it } from 'vitest';
import { amountInWords, decimal, fromGross, parseAmount, totalsByRate } from './money';

describe('money from gross prices', () => {
	it('net + VAT = gross for every amount from 0,01 zł to 100 000 zł, VAT rounded half up to the grosz', () => {
		let failures = 0;
		for (let gross = 1; gross <= 10_000_000; gross++) {
			const { net, vat } = fromGross(gross, 23);
			// The exact VAT is gross·23/123; the stored one differs by at most half a grosz.
			const exact = (gross * 23) / 123;
			if (net + vat !== gross || Math.abs(vat - exact) > 0.5 + 1e-9 || net < 0 || vat < 0) failures++;
		}
		expect(failures).toBe(0);
	});

	it('the offer’s prices', () => {
		expect(fromGross(385_000, 23)).toEqual({ net: 313_008, vat: 71_992, gross: 385_000 });
		expect(fromGross(350_000, 23)).toEqual({ net: 284_553, vat: 65_447, gross: 350_000 });
		expect(fromGross(-385_000, 23)).toEqual({ net: -313_008, vat: -71_992, gross: -385_000 });
		expect(fromGross(10_000, 0)).toEqual({ net: 10_000, vat: 0, gross: 10_000 });
	});

	it('sums per rate: each rate’s VAT from its summed gross, totals add up', () => {
		// Random lines at several rates; the totals equal the sums of the per-rate amounts.
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let round = 0; round < 2000; round++) {
			const lines = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
				gross: 1 + Math.floor(random() * 5_000_000),
				ratePercent: [23, 8, 5, 0][Math.floor(random() * 4)]
			}));
			const { byRate, total } = totalsByRate(lines);
			for (const [rate, a] of byRate) {
				expect(a.gross).toBe(lines.filter((l) => l.ratePercent === rate).reduce((s, l) => s + l.gross, 0));
				expect(a.net + a.vat).toBe(a.gross);
			}
			expect(total.gross).toBe(lines.reduce((s, l) => s + l.gross, 0));
			expect(total.net + total.vat).toBe(total.gross);
		}
	});

	it('decimal form, parsing and the amount in words', () => {
		expect(decimal(313_008)).toBe('3130.08');
		expect(decimal(-5)).toBe('-0.05');
		expect(parseAmount('3 850,00 zł')).toBe(385_000);
		expect(parseAmount('3500')).toBe(350_000);
		expect(parseAmount('12,5')).toBe(1_250);
		expect(parseAmount('12,345')).toBeNull();
		expect(parseAmount('abc')).toBeNull();
		expect(amountInWords(385_000)).toBe('trzy tysiące osiemset pięćdziesiąt złotych 00/100');
		expect(amountInWords(350_000)).toBe('trzy tysiące pięćset złotych 00/100');
		expect(amountInWords(100)).toBe('jeden złoty 00/100');
		expect(amountInWords(201)).toBe('dwa złote 01/100');
		expect(amountInWords(1_200_00)).toBe('tysiąc dwieście złotych 00/100');
		expect(amountInWords(1_512_000_99)).toBe('milion pięćset dwanaście tysięcy złotych 99/100');
		expect(amountInWords(22_000_00)).toBe('dwadzieścia dwa tysiące złotych 00/100');
		expect(amountInWords(5)).toBe('zero złotych 05/100');
		expect(amountInWords(-71_992)).toBe('minus siedemset dziewiętnaście złotych 92/100');
	});
});
