import { describe, expect, it } from 'vitest';
import { findLinks } from './links';
import { findPersonalData, isIdCard, isPesel, isPolishAccount } from './personal-data';

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('personal data', () => {
	it('checks PESEL, ID card and account numbers by their check digits', () => {
		expect(isPesel('44051401359')).toBe(true);
		expect(isPesel('44051401358')).toBe(false);
		expect(isPesel('44151401350')).toBe(false);
		expect(isIdCard('ABA300000')).toBe(true);
		expect(isIdCard('ABA 300001')).toBe(false);
		expect(isPolishAccount('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
		expect(isPolishAccount('61 1090 1014 0000 0712 1981 2875')).toBe(false);
	});

	it('finds them in text with exact spans, and phone numbers', () => {
		const text = 'Jan ma PESEL 44051401359, dowód ABA300000, konto PL61 1090 1014 0000 0712 1981 2874, tel. +48 600 123 456 albo 46 854 12 34.';
		const found = findPersonalData(text);
		expect(found.map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([
			['personal_data.bank_account', 'PL61 1090 1014 0000 0712 1981 2874'],
			['personal_data.pesel', '44051401359'],
			['personal_data.id_card', 'ABA300000'],
			['personal_data.phone', '+48 600 123 456'],
			['personal_data.phone', '46 854 12 34']
		]);
		expect(found.every((f) => f.category === 'personal_data' && f.severity === 'hold')).toBe(true);
	});

	it('leaves dates, times, amounts, postal codes and wrong check digits alone', () => {
		for (const text of ['Sesja 12.12.2026 o 16:00, sala 101.', 'Budżet 3 850 000 zł, kod 96-315 Wiskitki.', 'Numer sprawy 44051401358.', 'Rok 2026, 12345 mieszkańców.']) {
			expect(findPersonalData(text), text).toEqual([]);
		}
	});
});

describe('links', () => {
	it('holds shorteners and odd domains, blocks look-alikes and punycode', () => {
		expect(rules(findLinks('Zobacz bit.ly/3abc i https://promocja.xyz/wygraj'))).toEqual(['link.shortener', 'link.suspicious_tld']);
		const phishing = findLinks('Dopłata do paczki: https://inpost-dopłata.com.pl-pay.info/x oraz http://mbank-logowanie.pl/ oraz https://xn--pko-rpa.pl');
		expect(rules(phishing)).toEqual(['link.lookalike', 'link.lookalike', 'link.punycode']);
		expect(phishing.every((f) => f.severity === 'block')).toBe(true);
	});

	it('lets official and ordinary sites through', () => {
		for (const text of ['Wniosek na https://www.gov.pl/web/gov/dowod oraz https://mobywatel.gov.pl', 'Paczka: https://inpost.pl/sledzenie, konto https://www.mbank.pl', 'Szczegóły na https://wiskitki.pl/aktualnosci.', 'Godz. 16.00, np. w sobotę, ul. Kościuszki 3.']) {
			expect(findLinks(text), text).toEqual([]);
		}
	});
});
