// Money in integer grosze. Prices are set gross (brutto), as the offer states them; net and VAT are
// derived per rate with the VAT rounded half up to the grosz and net = gross − VAT, so the three
// always add up.

export interface Amounts {
	net: number;
	vat: number;
	gross: number;
}

/** Half-up division of non-negative integers (avoids floating-point error on large amounts). */
function divideRounded(numerator: number, denominator: number): number {
	const q = Math.floor(numerator / denominator);
	return 2 * (numerator - q * denominator) >= denominator ? q + 1 : q;
}

/** Net and VAT contained in a gross amount at `ratePercent` (23, 8, 5, 0). Negative amounts (corrections) mirror positive ones. */
export function fromGross(gross: number, ratePercent: number): Amounts {
	if (!Number.isSafeInteger(gross)) throw new Error(`Kwota musi być liczbą całkowitą groszy: ${gross}`);
	if (gross < 0) {
		const a = fromGross(-gross, ratePercent);
		return { net: -a.net, vat: -a.vat, gross };
	}
	const vat = divideRounded(gross * ratePercent, 100 + ratePercent);
	return { net: gross - vat, vat, gross };
}

/** Totals per VAT rate (each rate's VAT computed from the sum of its gross amounts), and overall. */
export function totalsByRate(lines: { gross: number; ratePercent: number }[]): {
	byRate: Map<number, Amounts>;
	total: Amounts;
} {
	const grossByRate = new Map<number, number>();
	for (const l of lines) grossByRate.set(l.ratePercent, (grossByRate.get(l.ratePercent) ?? 0) + l.gross);
	const byRate = new Map(
		[...grossByRate].sort((a, b) => b[0] - a[0]).map(([rate, gross]) => [rate, fromGross(gross, rate)])
	);
	const total = { net: 0, vat: 0, gross: 0 };
	for (const a of byRate.values()) {
		total.net += a.net;
		total.vat += a.vat;
		total.gross += a.gross;
	}
	return { byRate, total };
}

/** "3850.00" — the decimal form of the FA(3) XML and CSV. */
export function decimal(grosze: number): string {
	const sign = grosze < 0 ? '-' : '';
	const abs = Math.abs(grosze);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "38,50" → 3850; accepts "3 850", "3850,5", "3850.50"; null when it is not an amount. */
export function parseAmount(text: string): number | null {
	const t = text
		.replace(/[\s\u00a0]/g, '')
		.replace(/zł$/i, '')
		.replace(',', '.');
	if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
	const [zl, gr = ''] = t.split('.');
	return Number(zl) * 100 + Number(gr.padEnd(2, '0'));
}

const ones = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const teens = [
	'dziesięć',
	'jedenaście',
	'dwanaście',
	'trzynaście',
	'czternaście',
	'piętnaście',
	'szesnaście',
	'siedemnaście',
	'osiemnaście',
	'dziewiętnaście'
];
const tens = [
	'',
	'',
	'dwadzieścia',
	'trzydzieści',
	'czterdzieści',
	'pięćdziesiąt',
	'sześćdziesiąt',
	'siedemdziesiąt',
	'osiemdziesiąt',
	'dziewięćdziesiąt'
];
const hundreds = [
	'',
	'sto',
	'dwieście',
	'trzysta',
	'czterysta',
	'pięćset',
	'sześćset',
	'siedemset',
	'osiemset',
	'dziewięćset'
];
const groups: [string, string, string][] = [
	['', '', ''],
	['tysiąc', 'tysiące', 'tysięcy'],
	['milion', 'miliony', 'milionów']
];

/** Polish plural form index: 0 for 1, 1 for 2–4 (not 12–14), 2 otherwise. */
const form = (n: number) => (n === 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 1 : 2);

function below1000(n: number): string[] {
	const words = [hundreds[Math.floor(n / 100)]];
	const rest = n % 100;
	if (rest >= 10 && rest < 20) words.push(teens[rest - 10]);
	else words.push(tens[Math.floor(rest / 10)], ones[rest % 10]);
	return words.filter(Boolean);
}

/** "trzy tysiące osiemset pięćdziesiąt złotych 00/100" */
export function amountInWords(grosze: number): string {
	const abs = Math.abs(grosze);
	const zl = Math.floor(abs / 100);
	const words: string[] = [];
	if (zl === 0) words.push('zero');
	let rest = zl;
	for (let g = groups.length - 1; g >= 0; g--) {
		const unit = 1000 ** g;
		const n = Math.floor(rest / unit);
		rest %= unit;
		if (n === 0) continue;
		// "tysiąc", not "jeden tysiąc"; "milion", not "jeden milion".
		if (g > 0 && n === 1) words.push(groups[g][0]);
		else words.push(...below1000(n), ...(g > 0 ? [groups[g][form(n)]] : []));
	}
	const currency = ['złoty', 'złote', 'złotych'][zl === 1 ? 0 : form(zl)];
	return `${grosze < 0 ? 'minus ' : ''}${words.join(' ')} ${currency} ${String(abs % 100).padStart(2, '0')}/100`;
}
