import { addDays } from './dates';

/**
 * Polish working days: not a Saturday, a Sunday or a public holiday (ustawa z 18 stycznia 1951 r.
 * o dniach wolnych od pracy; 24 December since 2025). Days are Warsaw calendar days, "2026-12-24".
 */

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/** The public holidays of a year. */
export function publicHolidays(year: number): Set<string> {
	let days = holidayCache.get(year);
	if (!days) {
		const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'];
		if (year >= 2025) fixed.push('12-24');
		const easter = easterSunday(year);
		// Easter Sunday and Monday, Pentecost (7th Sunday after Easter), Corpus Christi (60 days after).
		days = new Set([...fixed.map((md) => `${year}-${md}`), ...[0, 1, 49, 60].map((n) => addDays(easter, n))]);
		holidayCache.set(year, days);
	}
	return days;
}

export function isWorkingDay(day: string): boolean {
	const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !publicHolidays(Number(day.slice(0, 4))).has(day);
}

/** The `n`-th working day after `day` (n ≥ 1; `day` itself does not count). */
export function addWorkingDays(day: string, n: number): string {
	let d = day;
	for (let left = n; left > 0;) {
		d = addDays(d, 1);
		if (isWorkingDay(d)) left--;
	}
	return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
	let n = 0;
	for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
	return n;
}
