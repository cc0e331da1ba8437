import { describe, expect, it } from 'vitest';
import { fixedClock, processClock, runningClockFrom, systemClock } from './clock';
import { readConfig } from './config';

describe('runningClockFrom', () => {
	it('starts at the given instant and runs on with real time', () => {
		const real = fixedClock('2026-12-02T13:00:00Z');
		const clock = runningClockFrom('2027-01-01T09:00:00+01:00', real);
		expect(clock.now().toISOString()).toBe('2027-01-01T08:00:00.000Z');
		real.advance(90_000);
		expect(clock.now().toISOString()).toBe('2027-01-01T08:01:30.000Z');
		expect(clock.offsetMs).toBe(Date.parse('2027-01-01T08:00:00Z') - Date.parse('2026-12-02T13:00:00Z'));
	});

	it('can start in the past', () => {
		const real = fixedClock('2027-03-01T00:00:00Z');
		const clock = runningClockFrom(new Date('2026-12-31T09:00:00Z'), real);
		real.advance(1000);
		expect(clock.now().toISOString()).toBe('2026-12-31T09:00:01.000Z');
	});

	it('runs on the system clock by default', async () => {
		const clock = runningClockFrom('2030-06-01T00:00:00Z');
		const first = clock.now().getTime();
		expect(first).toBeGreaterThanOrEqual(Date.parse('2030-06-01T00:00:00Z'));
		await new Promise((r) => setTimeout(r, 20));
		expect(clock.now().getTime()).toBeGreaterThan(first);
	});

	it('refuses an instant that is not one', () => {
		expect(() => runningClockFrom('jutro')).toThrow('Nieprawidłowa chwila startu zegara');
	});
});

describe('TABLICA_NOW', () => {
	it('starts the process clock at the given instant', () => {
		const config = readConfig({ TABLICA_NOW: '2027-01-01T09:00:00+01:00' });
		expect(config.clockStart?.toISOString()).toBe('2027-01-01T08:00:00.000Z');
		const now = processClock(config.clockStart).now().getTime();
		expect(now).toBeGreaterThanOrEqual(Date.parse('2027-01-01T08:00:00Z'));
		expect(now).toBeLessThan(Date.parse('2027-01-01T08:01:00Z'));
	});

	it('is the real time without it, and refuses a value that is not an ISO instant', () => {
		expect(readConfig({}).clockStart).toBeUndefined();
		expect(processClock(undefined)).toBe(systemClock);
		expect(() => readConfig({ TABLICA_NOW: '1 stycznia 2027' })).toThrow('TABLICA_NOW');
	});
});
