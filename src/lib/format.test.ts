import { describe, expect, it } from 'vitest';
import { countLabel, formatDateTime, formatNumber, plural, relativeTime } from './format';

describe('Polish formatting', () => {
	it('chooses plural forms', () => {
		const f = (n: number) => plural(n, 'komentarz', 'komentarze', 'komentarzy');
		expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112, 1000].map(f)).toEqual([
			'komentarzy', 'komentarz', 'komentarze', 'komentarze', 'komentarzy', 'komentarzy', 'komentarzy',
			'komentarzy', 'komentarzy', 'komentarze', 'komentarzy', 'komentarze', 'komentarzy', 'komentarzy'
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
});
