import { describe, expect, it } from 'vitest';
import {
	countLabel,
	formatCompact,
	formatMoney,
	formatPercent,
	formatDateTime,
	formatNumber,
	formatSize,
	plural,
	relativeTime
} from './format';

describe('Polish formatting', () => {
	it('chooses plural forms', () => {
		const f = (n: number) => plural(n, 'komentarz', 'komentarze', 'komentarzy');
		expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112, 1000].map(f)).toEqual([
			'komentarzy',
			'komentarz',
			'komentarze',
			'komentarze',
			'komentarzy',
			'komentarzy',
			'komentarzy',
			'komentarzy',
			'komentarzy',
			'komentarze',
			'komentarzy',
			'komentarze',
			'komentarzy',
			'komentarzy'
		]);
	});
	it('groups digits with spaces', () => {
		expect(formatNumber(12345)).toBe('12 345');
		expect(formatNumber(1500)).toBe('1 500');
		expect(countLabel(3000, 'członek', 'członków', 'członków')).toBe('3 000 członków');
	});
	it('formats dates in Warsaw time', () => {
		expect(formatDateTime('2026-12-12T09:00:00Z')).toBe('12 grudnia 2026, 10:00');
	});
	it('says how long ago', () => {
		const now = new Date('2026-11-26T12:00:00Z');
		expect(relativeTime('2026-11-26T09:00:00Z', now)).toBe('3 godz. temu');
		expect(relativeTime('2026-11-26T11:55:00Z', now)).toBe('5 min temu');
		expect(relativeTime('2026-11-22T12:00:00Z', now)).toBe('4 dni temu');
	});
	it('formats money from grosze, compact figures and percentages', () => {
		expect(formatMoney(385_000)).toBe('3 850,00 zł');
		expect(formatMoney(1)).toBe('0,01 zł');
		expect(formatMoney(12_345_678)).toBe('123 456,78 zł');
		expect(formatCompact(950)).toBe('950');
		expect(formatCompact(1_234)).toBe('1,2 tys.');
		expect(formatCompact(12_345)).toBe('12 tys.');
		expect(formatCompact(3_400_000)).toBe('3,4 mln');
		expect(formatPercent(0.3046)).toBe('30,5%');
	});

	it('gives file sizes in kB and MB', () => {
		expect(formatSize(300)).toBe('1 kB');
		expect(formatSize(860_000)).toBe('840 kB');
		expect(formatSize(1_250_000)).toBe('1,2 MB');
		expect(formatSize(15 * 1024 * 1024)).toBe('15 MB');
	});
});
