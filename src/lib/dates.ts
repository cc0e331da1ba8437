const TZ = 'Europe/Warsaw';
const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TZ,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** Offset of Warsaw time from UTC at an instant, in milliseconds. */
function warsawOffset(at: number): number {
	const p = Object.fromEntries(parts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
	return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(at / 1000) * 1000;
}

/** "2026-12-12T10:00" read as Warsaw wall-clock time (as a datetime-local field gives it). */
export function parseWarsawLocal(value: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
	if (!m) return null;
	const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	let t = asUtc - warsawOffset(asUtc);
	t = asUtc - warsawOffset(t);
	const d = new Date(t);
	return Number.isNaN(d.getTime()) ? null : d;
}

/** The Warsaw wall-clock value for a datetime-local field. */
export function toWarsawLocal(d: Date): string {
	const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Warsaw calendar day of an instant, "2026-11-26". */
export function warsawDay(d: Date): string {
	return toWarsawLocal(d).slice(0, 10);
}

/** Midnight in Warsaw that starts the day "2026-11-26" (plus `addDays` days). */
export function warsawMidnight(day: string, addDays = 0): Date {
	const [y, m, d] = day.split('-').map(Number);
	const next = new Date(Date.UTC(y, m - 1, d + addDays));
	return parseWarsawLocal(`${next.toISOString().slice(0, 10)}T00:00`)!;
}
