/** Polish register numbers with their check digits (NIP: tax id; REGON: business register). */

const digitsOf = (value: string) => value.replace(/[\s-]/g, '');

function checkDigit(digits: string, weights: number[]): number {
	const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
	return sum % 11;
}

/** "526-000-12-46" → "5260001246" when the check digit is right, else null. */
export function normalizeNip(value: string): string | null {
	const d = digitsOf(value).replace(/^PL/i, '');
	if (!/^\d{10}$/.test(d)) return null;
	const c = checkDigit(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]);
	return c !== 10 && c === Number(d[9]) ? d : null;
}

/** A 9- or 14-digit REGON when its check digit is right, else null. */
export function normalizeRegon(value: string): string | null {
	const d = digitsOf(value);
	const weights =
		d.length === 9 ? [8, 9, 2, 3, 4, 5, 6, 7] : d.length === 14 ? [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] : null;
	if (!weights || !/^\d+$/.test(d)) return null;
	if (d.length === 14 && !normalizeRegon(d.slice(0, 9))) return null;
	return checkDigit(d, weights) % 10 === Number(d[d.length - 1]) ? d : null;
}

/** "5260001246" → "526-000-12-46", the usual way to print a NIP. */
export const formatNip = (nip: string) => `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
