import type { Finding, Severity } from './findings';
import { foldText } from '../text/fold';
import { foldKeepingOffsets } from './politics';

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

const finding = (rule: string, start: number, end: number, message: string, severity: Severity = 'hold'): Finding => ({
	rule,
	category: 'personal_data',
	severity,
	start,
	end,
	message
});

// Calls to act against the person whose number or address is given: "dzwońcie i mówcie mu, co myślicie",
// "niech wie", "odwiedźcie go". Run on the text folded to lower case without diacritics.
const gap = (n: number) => `(?:\\S+\\s+){0,${n}}`;
const pester = new RegExp(
	[
		`(?:mowcie|powiedzcie|wygarnijcie|nagadajcie|przekazcie|napiszcie|piszcie|wytlumaczcie) ${gap(1)}(?:mu|jej|im|temu|tej|tym) ${gap(2)}(?:co|jak|ze|zeby|gdzie)(?![a-z])`,
		`niech ${gap(2)}(?:ma za swoje|poczuje|sie boi|nie spi|sie wstydzi|sie tlumaczy)(?![a-z])|niech ${gap(2)}(?:wie|sie dowie|dowie sie)\\S*\\s+(?:co|jak|ze) ${gap(3)}(?:o nim|o niej|o nich|mysl|sadz)`,
		`(?:dzwon|wydzwan|pisz|smsuj|esemesuj|wysylaj)[a-z]*(?:cie|my) ${gap(3)}(?:do skutku|bez przerwy|caly dzien|cala noc|ile wlezie|non ?stop|az (?:zmieni|odda|przeprosi|sie))`,
		`co o (?:nim|niej|nich|tym) ${gap(1)}mysl[a-z]*|(?:zasyp|nek|bombard|nach?odz)[a-z]*(?:cie|my)(?![a-z])|(?:zrobmy|zrobcie|dajmy|dajcie) (?:mu|jej|im) (?:popalic|nauczk[ei]|piekl[oa]|koniec)`
	]
		.map((p) => `(?<![a-z])(?:${p})`)
		.join('|')
);
const visit = new RegExp(
	`(?<![a-z])(?:odwiedz|wpadnij|zajrzyj|zajdz|zapukaj|przejdz|pojedz|podjedz|nawiedz|przyjdz)[a-z]*(?:cie|my) ${gap(2)}(?:go|ja|ich|do niego|do niej|do nich|temu|tej|tego)(?![a-z])`
);
// Kind visits and calls: wishes, thanks, lost and found, invitations.
const kind =
	/(?<![a-z])(?:zyczeni|urodzin|imienin|gratul|podziek|kwiat|prezent|zgubi|znalaz|zagin|zaprasza|festyn|grill)[a-z]*/;
// Someone's home: "mieszka na Polnej 5", "jego adres: ul. Lipowa 3/2".
const address = new RegExp(
	`(?<![a-z])(?:mieszka[a-z]*|zamieszkal[a-z]*|adres[a-z]*|dom[a-z]* (?:jest|ma)|chata)\\s+${gap(2)}(?:na|przy|w|:)\\s+(?:ul\\.?\\s*|ulicy\\s+|osiedlu\\s+|os\\.\\s*)?[a-z]+(?:\\s+[a-z]+)?\\s+\\d+[a-z]?(?:\\s*/\\s*\\d+)?(?![\\d])`
);

/**
 * Personal data that should not be published: PESEL, ID card and bank account numbers; someone's
 * phone number or address with a call to go after them. A phone number given as contact is only noted.
 */
export function findPersonalData(text: string): Finding[] {
	const found: Finding[] = [];
	for (const m of text.matchAll(/(?<![\d\w])(?:PL ?)?\d{2}(?:[ -]?\d{4}){6}(?![\d\w])/gi)) {
		if (isPolishAccount(m[0]))
			found.push(
				finding(
					'personal_data.bank_account',
					m.index,
					m.index + m[0].length,
					'Numer konta bankowego. Nie publikuj cudzych danych; jeśli to zbiórka, podaj konto organizacji i jej nazwę — moderator to sprawdzi.'
				)
			);
	}
	for (const m of text.matchAll(/(?<!\d)\d{11}(?!\d)/g)) {
		if (isPesel(m[0]))
			found.push(
				finding(
					'personal_data.pesel',
					m.index,
					m.index + 11,
					'Numer PESEL. Usuń go — to dane osobowe, których nie publikujemy.'
				)
			);
	}
	for (const m of text.matchAll(/(?<![\p{L}\d])[A-Z]{3} ?\d{6}(?!\d)/gu)) {
		if (isIdCard(m[0]))
			found.push(
				finding(
					'personal_data.id_card',
					m.index,
					m.index + m[0].length,
					'Numer dowodu osobistego. Usuń go — to dane osobowe, których nie publikujemy.'
				)
			);
	}
	// Mobile and landline numbers: +48 600 123 456, 600-123-456, 46 854 12 34.
	const phones: RegExpMatchArray[] = [];
	for (const m of text.matchAll(
		/(?<![\d\w+])(?:\+48[ -]?|0048[ -]?)?(?:\d{3}[ -]?\d{3}[ -]?\d{3}|\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2})(?![\d\w])/g
	)) {
		if (found.some((f) => f.start <= m.index! && m.index! < f.end)) continue;
		const digits = m[0].replace(/\D/g, '').replace(/^(0048|48)(?=\d{9}$)/, '');
		if (digits.length === 9) phones.push(m);
	}
	const hasAddressWord = /mieszka|adres|dom|chat/i.test(text);
	if (phones.length === 0 && !hasAddressWord) return found;
	const folded = foldText(text);
	const targeted = (pester.test(folded) || visit.test(folded)) && !kind.test(folded);
	for (const m of phones) {
		const q = m[0];
		if (targeted)
			found.push(
				finding(
					'personal_data.phone_target',
					m.index!,
					m.index! + q.length,
					`Cudzy numer telefonu z zachętą, żeby do kogoś dzwonić albo pisać („${q}”). Nie publikujemy cudzych danych — opisz sprawę bez numeru, a skargę zgłoś tam, gdzie ją rozpatrzą.`
				)
			);
		else
			found.push(
				finding(
					'personal_data.phone',
					m.index!,
					m.index! + q.length,
					`Numer telefonu („${q}”). Jeśli to Twój numer do kontaktu, wszystko w porządku; cudzego numeru nie publikuj bez zgody tej osoby.`,
					'info'
				)
			);
	}
	if (targeted && hasAddressWord) {
		const m = address.exec(foldKeepingOffsets(text));
		if (m)
			found.push(
				finding(
					'personal_data.address_target',
					m.index,
					m.index + m[0].length,
					`Czyjś adres z zachętą, żeby tam pójść („${text.slice(m.index, m.index + m[0].length)}”). Nie publikujemy cudzych adresów — opisz sprawę bez nich.`
				)
			);
	}
	return found;
}
