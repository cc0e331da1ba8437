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
