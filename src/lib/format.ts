/** Polish plural: plural(5, 'komentarz', 'komentarze', 'komentarzy') → "komentarzy". */
export function plural(n: number, one: string, few: string, many: string): string {
	const abs = Math.abs(n);
	if (abs === 1) return one;
	const d = abs % 10;
	const dd = abs % 100;
	return d >= 2 && d <= 4 && !(dd >= 12 && dd <= 14) ? few : many;
}

const numberFormat = new Intl.NumberFormat('pl-PL', { useGrouping: true });

/** "12 345" — with a plain space, also for four digits ("1 500"), as Polish typography prefers. */
export function formatNumber(n: number): string {
	const s = numberFormat.format(n).replace(/[\u00a0\u202f]/g, ' ');
	return /^-?\d{4}$/.test(s) ? s.replace(/(\d)(\d{3})$/, '$1 $2') : s;
}

/** "3 850,00 zł" from grosze. */
export function formatMoney(grosze: number): string {
	const sign = grosze < 0 ? '-' : '';
	const abs = Math.abs(Math.round(grosze));
	return `${sign}${formatNumber(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')} zł`;
}

/** "950", "1,2 tys.", "12 tys.", "3,4 mln" — for headline figures; tables use formatNumber. */
export function formatCompact(n: number): string {
	const abs = Math.abs(n);
	const short = (value: number, unit: string) =>
		`${value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString().replace('.', ',')} ${unit}`;
	if (abs >= 1_000_000) return (n < 0 ? '-' : '') + short(abs / 1_000_000, 'mln');
	if (abs >= 1_000) return (n < 0 ? '-' : '') + short(abs / 1_000, 'tys.');
	return formatNumber(n);
}

/** "12,5%" — Polish writes the percent sign without a space in running text too; one decimal. */
export function formatPercent(fraction: number, digits = 1): string {
	return `${(fraction * 100).toFixed(digits).replace('.', ',')}%`;
}

const monthNames = [
	'styczeń',
	'luty',
	'marzec',
	'kwiecień',
	'maj',
	'czerwiec',
	'lipiec',
	'sierpień',
	'wrzesień',
	'październik',
	'listopad',
	'grudzień'
];
const monthsLocative = [
	'styczniu',
	'lutym',
	'marcu',
	'kwietniu',
	'maju',
	'czerwcu',
	'lipcu',
	'sierpniu',
	'wrześniu',
	'październiku',
	'listopadzie',
	'grudniu'
];
const monthsShort = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];
const monthIndex = (month: string) => Number(month.slice(5, 7)) - 1;
/** "2026-11" → "listopad 2026" */
export const monthName = (month: string) => `${monthNames[monthIndex(month)]} ${month.slice(0, 4)}`;
/** "2026-11" → "listopadzie 2026" (after "w") */
export const monthLocative = (month: string) => `${monthsLocative[monthIndex(month)]} ${month.slice(0, 4)}`;
/** "2026-11" → "lis 26" (chart labels) */
export const shortMonth = (month: string) => `${monthsShort[monthIndex(month)]} ${month.slice(2, 4)}`;

export const countLabel = (n: number, one: string, few: string, many: string) =>
	`${formatNumber(n)} ${plural(n, one, few, many)}`;

const TZ = 'Europe/Warsaw';
const dateFormat = new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const timeFormat = new Intl.DateTimeFormat('pl-PL', { hour: '2-digit', minute: '2-digit', timeZone: TZ });

/** "12 grudnia 2026" */
export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));
/** "10:00" (Warsaw time) */
export const formatTime = (d: Date | string) => timeFormat.format(new Date(d));
/** "12 grudnia 2026, 10:00" */
export const formatDateTime = (d: Date | string) => `${formatDate(d)}, ${timeFormat.format(new Date(d))}`;

/** "9 grudnia 2026, 08:00–11:00" on one day, else both dates and times. */
export function formatRange(start: Date | string, end: Date | string | null): string {
	if (!end) return formatDateTime(start);
	return formatDate(start) === formatDate(end)
		? `${formatDateTime(start)}–${formatTime(end)}`
		: `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

/** "przed chwilą", "5 min temu", "3 godz. temu", "wczoraj", "4 dni temu", then the date. */
export function relativeTime(d: Date | string, now: Date = new Date()): string {
	const s = Math.round((now.getTime() - new Date(d).getTime()) / 1000);
	if (s < 60) return 'przed chwilą';
	const m = Math.floor(s / 60);
	if (m < 60) return `${m} min temu`;
	const h = Math.floor(m / 60);
	if (h < 24) return `${h} godz. temu`;
	const days = Math.floor(h / 24);
	if (days === 1) return 'wczoraj';
	if (days < 7) return `${days} ${plural(days, 'dzień', 'dni', 'dni')} temu`;
	return formatDate(d);
}

/** "840 kB", "1,2 MB" — a file's size as people read it. */
export function formatSize(bytes: number): string {
	if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
	return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString().replace('.', ',')} MB`;
}

/** "×2,4": a value against its baseline (a promoted post's lift); "—" with nothing to compare. */
export function formatLift(lift: number | null): string {
	if (lift === null) return '—';
	return `×${lift >= 10 ? formatNumber(Math.round(lift)) : lift.toFixed(1).replace('.', ',')}`;
}
