import { describe, expect, it } from 'vitest';
import { parseWarsawLocal, toWarsawLocal, warsawDay } from './dates';

describe('Warsaw time', () => {
	it('reads wall-clock time in winter and summer', () => {
		expect(parseWarsawLocal('2026-12-12T10:00')?.toISOString()).toBe('2026-12-12T09:00:00.000Z');
		expect(parseWarsawLocal('2026-07-01T10:00')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
		expect(parseWarsawLocal('jutro')).toBeNull();
	});
	it('round-trips and names the day', () => {
		expect(toWarsawLocal(new Date('2026-07-01T08:00:00Z'))).toBe('2026-07-01T10:00');
		expect(warsawDay(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
	});
});
