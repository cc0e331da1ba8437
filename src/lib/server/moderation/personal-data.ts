import type { Finding } from './findings';

/** PESEL: 11 digits, a real date of birth and a valid check digit. */
export function isPesel(digits: string): boolean {
	if (!/^\d{11}$/.test(digits)) return false;
	const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
	const sum = w.reduce((s, wi, i) => s + wi * Number(digits[i]), 0);
	if ((10 - (sum % 10)) % 10 !== Number(digits[10])) return false;
	const month = Number(digits.slice(2, 4)) % 20;
	const day = Number(digits.slice(4, 6));
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Polish ID card number: three letters, six digits, the first digit a check digit. */
export function isIdCard(value: string): boolean {
	const v = value.replace(/\s/g, '').toUpperCase();
	if (!/^[A-Z]{3}\d{6}$/.test(v)) return false;
	const val = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
	const w = [7, 3, 1, 0, 7, 3, 1, 7, 3];
	const sum = [...v].reduce((s, c, i) => s + w[i] * val(c), 0);
	return sum % 10 === Number(v[3]);
}

/** Polish bank account (NRB, 26 digits, optionally as IBAN "PL…"): the IBAN check (mod 97). */
export function isPolishAccount(value: string): boolean {
	const digits = value.replace(/[\s-]/g, '').replace(/^PL/i, '');
	if (!/^\d{26}$/.test(digits)) return false;
	const rearranged = digits.slice(2) + '2521' + digits.slice(0, 2); // P=25, L=21
	let rest = 0;
	for (const ch of rearranged) rest = (rest * 10 + Number(ch)) % 97;
	return rest === 1;
}

const finding = (rule: string, start: number, end: number, message: string): Finding => ({ rule, category: 'personal_data', severity: 'hold', start, end, message });

/** Personal data that should not be published: PESEL, ID card and bank account numbers, phone numbers. */
export function findPersonalData(text: string): Finding[] {
	const found: Finding[] = [];
	for (const m of text.matchAll(/(?<![\d\w])(?:PL ?)?\d{2}(?:[ -]?\d{4}){6}(?![\d\w])/gi)) {
		if (isPolishAccount(m[0])) found.push(finding('personal_data.bank_account', m.index, m.index + m[0].length, 'Numer konta bankowego. Nie publikuj cudzych danych; jeśli to zbiórka, podaj konto organizacji i jej nazwę — moderator to sprawdzi.'));
	}
	for (const m of text.matchAll(/(?<!\d)\d{11}(?!\d)/g)) {
		if (isPesel(m[0])) found.push(finding('personal_data.pesel', m.index, m.index + 11, 'Numer PESEL. Usuń go — to dane osobowe, których nie publikujemy.'));
	}
	for (const m of text.matchAll(/(?<![\p{L}\d])[A-Z]{3} ?\d{6}(?!\d)/gu)) {
		if (isIdCard(m[0])) found.push(finding('personal_data.id_card', m.index, m.index + m[0].length, 'Numer dowodu osobistego. Usuń go — to dane osobowe, których nie publikujemy.'));
	}
	// Mobile and landline numbers: +48 600 123 456, 600-123-456, 46 854 12 34.
	for (const m of text.matchAll(/(?<![\d\w+])(?:\+48[ -]?|0048[ -]?)?(?:\d{3}[ -]?\d{3}[ -]?\d{3}|\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2})(?![\d\w])/g)) {
		if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
		const digits = m[0].replace(/\D/g, '').replace(/^(0048|48)(?=\d{9}$)/, '');
		if (digits.length !== 9) continue;
		found.push(finding('personal_data.phone', m.index, m.index + m[0].length, 'Numer telefonu. Nie publikuj cudzych numerów; jeśli to Twój numer w ogłoszeniu, moderator sprawdzi wpis przed publikacją.'));
	}
	return found;
}
