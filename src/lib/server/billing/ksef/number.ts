/** CRC-8, polynomial 0x07, initial value 0x00, no reflection, no final XOR (faktury/numer-ksef.md). */
export function crc8(text: string): string {
	let crc = 0;
	for (const byte of Buffer.from(text, 'utf8')) {
		crc ^= byte;
		for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
	}
	return crc.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * The checksum of a KSeF number: CRC-8 of its first 32 characters, "NIP-YYYYMMDD-XXXXXXXXXXXX"
 * dashes included, as two upper-case hex digits (it reproduces every example number in the docs,
 * e.g. 5265877635-20250826-0100001AF629-AF).
 */
export const ksefNumberChecksum = (prefix: string) => crc8(prefix);

/** A KSeF number as KSeF gives it: 35 characters, the form NIP-RRRRMMDD-12 hex-2 hex, a valid checksum. */
export function isKsefNumber(value: string): boolean {
	return (
		/^\d{10}-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/.test(value) && ksefNumberChecksum(value.slice(0, 32)) === value.slice(33)
	);
}

/** A KSeF number for a seller, a day and a technical part (the demo's invoices accepted in the past). */
export function ksefNumber(nip: string, day: string, technical: string): string {
	const prefix = `${nip}-${day.replace(/-/g, '')}-${technical}`;
	return `${prefix}-${ksefNumberChecksum(prefix)}`;
}
