// SMS length as networks bill it: GSM 03.38 text (7-bit) fits 160 characters in one message and
// 153 per part when split; anything outside that alphabet (Polish letters included) sends the
// whole text as UCS-2: 70 characters, 67 per part. Extension characters (€, [, ] …) take two.
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

export interface SmsLength {
	encoding: 'GSM-7' | 'UCS-2';
	/** Characters as the network counts them (septets for GSM-7, UTF-16 units for UCS-2). */
	units: number;
	/** Messages billed for one recipient. */
	segments: number;
}

export function smsLength(text: string): SmsLength {
	let septets = 0;
	for (const ch of text) {
		if (GSM_BASIC.includes(ch)) septets += 1;
		else if (GSM_EXTENSION.includes(ch)) septets += 2;
		else {
			const units = text.length;
			return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
		}
	}
	return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
