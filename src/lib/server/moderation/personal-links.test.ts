import { describe, expect, it } from 'vitest';
import { findLinks } from './links';
import { findPersonalData, isIdCard, isPesel, isPolishAccount } from './personal-data';

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const holding = <T extends { severity: string }>(fs: T[]) => fs.filter((f) => f.severity !== 'info');

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

	it('holds PESEL, ID card and account numbers; notes phone numbers without holding them', () => {
		const text =
			'Jan ma PESEL 44051401359, dowód ABA300000, konto PL61 1090 1014 0000 0712 1981 2874, tel. +48 600 123 456 albo 46 854 12 34.';
		const found = findPersonalData(text);
		expect(found.map((f) => [f.rule, f.severity, text.slice(f.start, f.end)])).toEqual([
			['personal_data.bank_account', 'hold', 'PL61 1090 1014 0000 0712 1981 2874'],
			['personal_data.pesel', 'hold', '44051401359'],
			['personal_data.id_card', 'hold', 'ABA300000'],
			['personal_data.phone', 'info', '+48 600 123 456'],
			['personal_data.phone', 'info', '46 854 12 34']
		]);
		expect(found.every((f) => f.category === 'personal_data')).toBe(true);
	});

	it('lets a phone number given as contact through: classifieds, lost pets, offers of help, an office', () => {
		for (const text of [
			'Sprzedam drewno opałowe, 260 zł za metr. Dzwonić po 16: 512 908 114.',
			'Zaginął pies, biały, reaguje na Kuba. Proszę o kontakt 510-982-601 o każdej porze.',
			'Jeśli ktoś widzi naszą krowę w swojej kukurydzy, dzwońcie 86 219 33 05, przyjedziemy.',
			'Mam busa i wolny weekend, mogę pomóc przy przeprowadzce – Marek, 727 410 338.',
			'Urząd przypomina: w razie wątpliwości dzwońcie do sekretariatu, 14 632 10 20.',
			'Pan Henio, 698 121 404, złota rączka, dzwońcie śmiało, nie zdziera.',
			'Pani Zosia mieszka na Lipowej 3, wpadnijcie do niej z życzeniami na setne urodziny!',
			'Sprzedam siano, dzwońcie codziennie po 17, 600 100 200.',
			'Niech każdy wie, że w sobotę zbiórka elektrośmieci, pytania pod 600 700 800.',
			'Dajcie mu znać, jeśli znajdziecie jego klucze – numer 512 000 111.',
			'Grill u Kowalskich, mieszkają przy Polnej 5, wpadnijcie tam wszyscy, tel. 600 222 333!'
		]) {
			expect(holding(findPersonalData(text)), text).toEqual([]);
		}
	});

	it('holds someone’s phone or address with a call to go after them', () => {
		const call = 'To jego numer 600 123 456, dzwońcie i mówcie mu, co o nim myślicie.';
		expect(findPersonalData(call).map((f) => [f.rule, f.severity, call.slice(f.start, f.end)])).toEqual([
			['personal_data.phone_target', 'hold', '600 123 456']
		]);
		expect(
			rules(holding(findPersonalData('Numer do tej baby z apteki: 512 333 444. Zasypcie ją telefonami.')))
		).toEqual(['personal_data.phone_target']);
		expect(
			rules(holding(findPersonalData('Jej telefon 790 111 222, piszcie do niej bez przerwy, aż przeprosi')))
		).toEqual(['personal_data.phone_target']);
		const visit = 'Ten cwaniak mieszka na Ogrodowej 7, odwiedźcie go wieczorem.';
		expect(findPersonalData(visit).map((f) => [f.rule, visit.slice(f.start, f.end)])).toEqual([
			['personal_data.address_target', 'mieszka na Ogrodowej 7']
		]);
		expect(rules(findPersonalData('Sołtys mieszka przy ul. Polnej 12, niech wie, co o nim myślimy.'))).toEqual([
			'personal_data.address_target'
		]);
	});

	it('leaves dates, times, amounts, postal codes and wrong check digits alone', () => {
		for (const text of [
			'Sesja 12.12.2026 o 16:00, sala 101.',
			'Budżet 3 850 000 zł, kod 96-315 Wiskitki.',
			'Numer sprawy 44051401358.',
			'Rok 2026, 12345 mieszkańców.',
			'Mieszkam na Polnej 5 od urodzenia.'
		]) {
			expect(findPersonalData(text), text).toEqual([]);
		}
	});
});

describe('links', () => {
	it('holds shorteners and odd domains, blocks look-alikes and punycode', () => {
		expect(rules(findLinks('Zobacz bit.ly/3abc i https://promocja.xyz/wygraj'))).toEqual([
			'link.shortener',
			'link.suspicious_tld'
		]);
		const phishing = findLinks(
			'Dopłata do paczki: https://inpost-dopłata.com.pl-pay.info/x oraz http://mbank-logowanie.pl/ oraz https://xn--pko-rpa.pl'
		);
		expect(rules(phishing)).toEqual(['link.lookalike', 'link.lookalike', 'link.punycode']);
		expect(phishing.every((f) => f.severity === 'block')).toBe(true);
	});

	it('finds addresses written without http:// or www: look-alikes of couriers, banks, energy, gov.pl', () => {
		for (const [text, host] of [
			['Twoja paczka czeka, dopłać na inpost-doplata.com', 'inpost-doplata.com'],
			['Zwrot nadpłaty: pge-zwrot.pl.', 'pge-zwrot.pl'],
			['Konto zablokowane, odblokuj na mbank-weryfikacja.net', 'mbank-weryfikacja.net'],
			['Kurier nie zastał adresata: dpd-termin.eu', 'dpd-termin.eu'],
			['Odnów dowód na mobywatel-odnowienie.com', 'mobywatel-odnowienie.com'],
			['System ePUAP: epuap-migracja.gov.pl.com', 'epuap-migracja.gov.pl.com'],
			['Faktura Tauron nieopłacona: tauron-platnosci.online', 'tauron-platnosci.online'],
			['Netflix: zaktualizuj kartę na netfIix-pomoc.com', 'netfIix-pomoc.com'],
			['Zwrot podatku PIT czeka na e-pit-zwrot.com', 'e-pit-zwrot.com']
		]) {
			const found = findLinks(text);
			expect(
				found.map((f) => [f.rule, text.slice(f.start, f.end)]),
				text
			).toEqual([['link.lookalike', host]]);
		}
	});

	it('holds bare addresses made of scam words, in odd domains or posing as Polish', () => {
		expect(rules(findLinks('Odbierz dopłatę na doplaty-rolnicze24.pl'))).toEqual(['link.scam_host']);
		expect(rules(findLinks('Wyciek danych? Sprawdź na pesel-wyciek-sprawdz.pl'))).toEqual(['link.scam_host']);
		expect(rules(findLinks('Plastry na sen tylko na sen-plastry-korea.store'))).toEqual(['link.suspicious_tld']);
		expect(rules(findLinks('E-znak kupisz na ekoznak-polska.com'))).toEqual(['link.suspicious_host']);
		expect(rules(findLinks('Czujniki za darmo: czyste-powietrze-czujnik.eu'))).toEqual(['link.suspicious_host']);
		// A payment or login asked for in the same text blocks it.
		expect(findLinks('Zapłać 1,50 zł za dostawę na paczka-magazyn.pl').map((f) => f.severity)).toEqual(['block']);
		expect(findLinks('Filtry za darmo: wodociagi-filtr-darmowy.pl').map((f) => f.severity)).toEqual(['hold']);
	});

	it('notes a scam address in a warning without holding the warning', () => {
		const found = findLinks(
			'Uwaga, dostałam SMS o dopłacie z linkiem inpost-doplata.com – to oszustwo, nie klikajcie!'
		);
		expect(found.map((f) => [f.rule, f.severity])).toEqual([['link.lookalike', 'info']]);
		const quoting = 'Dostałam SMS „Twoja paczka czeka, dopłać 1,99 zł na inpost-paczka.top”. To oszustwo!';
		expect(findLinks(quoting).map((f) => f.severity)).toEqual(['info']);
		// Vouching for the address, or sending the reader to log in, is no warning.
		expect(
			holding(findLinks('Ja kliknęłam i działa, polecam: allegro-zwrot-srodkow.net, to nie oszustwo'))
		).toHaveLength(1);
		expect(holding(findLinks('Uważajcie na oszustów! Zabezpiecz konto, zaloguj się na mbank-ochrona.pl'))).toHaveLength(
			1
		);
		expect(
			holding(findLinks('Wykryliśmy fałszywą transakcję na Twoim koncie, sprawdź ją na pko-transakcje.net'))
		).toHaveLength(1);
	});

	it('lets official and ordinary sites and words with a dot through', () => {
		for (const text of [
			'Wniosek na https://www.gov.pl/web/gov/dowod oraz https://mobywatel.gov.pl',
			'Paczka: https://inpost.pl/sledzenie, konto https://www.mbank.pl',
			'Szczegóły na https://wiskitki.pl/aktualnosci.',
			'Godz. 16.00, np. w sobotę, ul. Kościuszki 3.',
			'Godz.16 spotkanie przy ul.Polna, np.pl to tylko przykład, m.in. w sobotę.',
			'Harmonogram na wiskitki.pl i bip.wiskitki.pl, wnioski na gov.pl, podatki.gov.pl i mobywatel.gov.pl.',
			'Kupiłam na allegro.pl i olx.pl, paczka przyszła przez inpost.pl, śledzę na dpd.com.pl.',
			'Rozkład jazdy na rozklad-pkp.pl, bilety na intercity.pl.',
			'Zbiórka na siepomaga.pl i zrzutka.pl, paczki ze szlachetnapaczka.pl.',
			'Poczta na poczta.onet.pl nie działa, piszcie na poczta@pl-media.pl.',
			'Polecam przepisy z przepisy-babci.pl i bilety na tauronarena.pl.',
			'Zdjęcia wrzuciłam na facebook.com/groups/wiskitki i youtube.com.'
		]) {
			expect(findLinks(text), text).toEqual([]);
		}
	});
});
