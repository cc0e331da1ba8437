import { describe, expect, it } from 'vitest';
import { formatNip, normalizeNip, normalizeRegon } from './identifiers';

describe('NIP', () => {
	it('accepts valid numbers in the usual spellings and refuses wrong check digits', () => {
		// Ministerstwo Finansów's own NIP.
		expect(normalizeNip('526-000-12-46')).toBe('5260001246');
		expect(normalizeNip('PL 5260001246')).toBe('5260001246');
		expect(normalizeNip('5260001247')).toBeNull();
		expect(normalizeNip('526000124')).toBeNull();
		expect(normalizeNip('abcdefghij')).toBeNull();
		expect(formatNip('5260001246')).toBe('526-000-12-46');
	});

	it('refuses a number whose checksum is 10', () => {
		// weights·digits ≡ 10 (mod 11) can never match a single check digit.
		expect(normalizeNip('1000000000')).toBeNull();
		expect(normalizeNip('1000000010')).toBeNull();
	});
});

describe('REGON', () => {
	it('accepts valid 9- and 14-digit numbers and refuses wrong ones', () => {
		// GUS's REGON; a 14-digit local unit built on it.
		expect(normalizeRegon('000331501')).toBe('000331501');
		expect(normalizeRegon('000331502')).toBeNull();
		expect(normalizeRegon('12345678512347')).toBe('12345678512347');
		expect(normalizeRegon('12345678512348')).toBeNull();
		expect(normalizeRegon('1234567')).toBeNull();
	});
});
