import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, isWorkingDay, publicHolidays, workingDaysBetween } from './working-days';

describe('Polish working days', () => {
	it('computes Easter as the calendars print it', () => {
		expect(['2024', '2025', '2026', '2027', '2028', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
			'2024-03-31',
			'2025-04-20',
			'2026-04-05',
			'2027-03-28',
			'2028-04-16',
			'2038-04-25'
		]);
	});

	it('knows the fourteen public holidays of 2026, Christmas Eve among them since 2025', () => {
		expect([...publicHolidays(2026)].sort()).toEqual([
			'2026-01-01',
			'2026-01-06',
			'2026-04-05',
			'2026-04-06',
			'2026-05-01',
			'2026-05-03',
			'2026-05-24',
			'2026-06-04',
			'2026-08-15',
			'2026-11-01',
			'2026-11-11',
			'2026-12-24',
			'2026-12-25',
			'2026-12-26'
		]);
		expect(publicHolidays(2024).has('2024-12-24')).toBe(false);
		expect(publicHolidays(2024).has('2024-05-30')).toBe(true); // Boże Ciało 2024
	});

	it('skips weekends and holidays', () => {
		expect(isWorkingDay('2026-12-03')).toBe(true); // Thursday
		expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
		expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
		expect(isWorkingDay('2026-11-11')).toBe(false); // Wednesday, Independence Day
		expect(addWorkingDays('2026-12-04', 2)).toBe('2026-12-08'); // Friday → Tuesday
		expect(addWorkingDays('2026-12-22', 2)).toBe('2026-12-28'); // over Christmas Eve and Christmas
		expect(addWorkingDays('2026-11-10', 1)).toBe('2026-11-12');
		expect(workingDaysBetween('2026-12-04', '2026-12-08')).toBe(2);
		expect(workingDaysBetween('2026-12-23', '2026-12-27')).toBe(0);
		expect(workingDaysBetween('2026-12-08', '2026-12-04')).toBe(0);
	});
});
