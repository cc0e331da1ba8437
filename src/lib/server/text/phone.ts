/** A phone number in E.164 ("+48600700800"); Polish numbers may be given without the country code. */
export function normalizePhone(value: string): string | null {
	const raw = value.trim().replace(/[\s()-]/g, '');
	let digits: string;
	if (raw.startsWith('+')) digits = raw.slice(1);
	else if (raw.startsWith('00')) digits = raw.slice(2);
	else if (/^\d{9}$/.test(raw)) digits = `48${raw}`;
	else if (/^48\d{9}$/.test(raw)) digits = raw;
	else return null;
	if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
	if (digits.startsWith('48') && digits.length !== 11) return null;
	return `+${digits}`;
}

/** "+48600100200" → "+48 600 100 200", as people read it. */
export const formatPhone = (e164: string) =>
	e164.startsWith('+48') && e164.length === 12 ? `+48 ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}` : e164;
