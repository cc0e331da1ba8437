/** Calendar days as "YYYY-MM-DD", computed in UTC so that no time zone shifts them. */

export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** The same day of the month `n` months later, clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, n: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + n, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

/** The monthly billing period of a subscription that started on `start`, containing `today`. */
export function periodContaining(start: string, today: string): { start: string; end: string; index: number } {
	if (today < start) return { start, end: addDays(addMonths(start, 1), -1), index: 0 };
	const [sy, sm] = start.split('-').map(Number);
	const [ty, tm] = today.split('-').map(Number);
	let i = Math.max(0, (ty - sy) * 12 + (tm - sm));
	while (i > 0 && addMonths(start, i) > today) i--;
	while (addMonths(start, i + 1) <= today) i++;
	return { start: addMonths(start, i), end: addDays(addMonths(start, i + 1), -1), index: i };
}
