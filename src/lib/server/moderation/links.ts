import type { Finding, Severity } from './findings';
import { foldText } from '../text/fold';
import { isScamWarning } from './spam';

const shorteners = new Set([
	'bit.ly',
	'tinyurl.com',
	't.co',
	'goo.gl',
	'ow.ly',
	'is.gd',
	'cutt.ly',
	'rebrand.ly',
	'shorturl.at',
	'tiny.cc',
	'buff.ly',
	'rb.gy',
	't.ly',
	'v.gd',
	'linktr.ee'
]);
const suspiciousTlds = new Set([
	'xyz',
	'top',
	'click',
	'loan',
	'work',
	'zip',
	'mov',
	'country',
	'gq',
	'tk',
	'ml',
	'cf',
	'ga',
	'icu',
	'buzz',
	'rest',
	'cam',
	'quest',
	'sbs',
	'cfd',
	'shop',
	'store',
	'online',
	'site',
	'website',
	'info',
	'win',
	'gift',
	'support',
	'live',
	'vip',
	'biz',
	'fun',
	'life',
	'world',
	'today',
	'link',
	'cc',
	'ws',
	'su',
	'pw',
	'space',
	'bid',
	'lol',
	'cyou',
	'monster',
	'best',
	'bond',
	'skin',
	'hair',
	'beauty'
]);
// A bare "host.tld" without http:// or www. counts only with a real top-level domain: "ul.Polna", "m.in" or "godz.16" are not links.
const knownTlds = new Set([
	...suspiciousTlds,
	'pl',
	'com',
	'net',
	'org',
	'eu',
	'io',
	'co',
	'me',
	'uk',
	'de',
	'ru',
	'by',
	'ua',
	'cn',
	'app',
	'pro',
	'tech',
	'email',
	'tv',
	'biz'
]);
const plTlds = new Set(['pl', 'gov', 'edu']);

// Brands whose names phishing pages borrow, with the domains that are really theirs. Short names
// must be a whole part of the host ("ing-odblokuj.com", "ingbank24.net"), longer ones may be inside.
const brands: { token: string; official: string[]; whole?: boolean }[] = [
	// couriers
	{ token: 'inpost', official: ['inpost.pl', 'inpost.eu'] },
	{ token: 'paczkomat', official: ['inpost.pl'] },
	{ token: 'dpd', official: ['dpd.com.pl', 'dpd.com', 'dpd.pl'] },
	{ token: 'dhl', official: ['dhl.com', 'dhl.pl', 'dhl.de'] },
	{ token: 'pocztapolska', official: ['poczta-polska.pl', 'pocztex.pl', 'envelo.pl'] },
	{ token: 'pocztex', official: ['pocztex.pl', 'poczta-polska.pl'] },
	{ token: 'gls', official: ['gls-group.eu', 'gls-group.com', 'gls-poland.com'] },
	{ token: 'ups', official: ['ups.com'] },
	{ token: 'fedex', official: ['fedex.com'] },
	{ token: 'orlenpaczka', official: ['orlenpaczka.pl'] },
	// energy
	{ token: 'pge', official: ['pge.pl', 'gkpge.pl', 'pge-obrot.pl', 'pgedystrybucja.pl', 'pge-dystrybucja.pl'] },
	{ token: 'tauron', official: ['tauron.pl', 'tauron-dystrybucja.pl', 'tauronarena.pl'] },
	{ token: 'enea', official: ['enea.pl', 'eneaoperator.pl', 'operator.enea.pl'] },
	{ token: 'energa', official: ['energa.pl', 'energa-operator.pl', 'energa-obrot.pl', 'grupa.energa.pl'] },
	{ token: 'pgnig', official: ['pgnig.pl', 'pgnigos.pl'] },
	{ token: 'innogy', official: ['innogy.pl'] },
	{ token: 'eon', official: ['eon.pl', 'eon.com'] },
	{ token: 'orlen', official: ['orlen.pl', 'orlenpaczka.pl'] },
	// banks and payments
	{ token: 'pkobp', official: ['pkobp.pl', 'ipko.pl'] },
	{ token: 'pko', official: ['pko.pl', 'pkobp.pl', 'ipko.pl', 'pkotfi.pl'] },
	{ token: 'ipko', official: ['ipko.pl', 'pkobp.pl'] },
	{ token: 'mbank', official: ['mbank.pl'] },
	{ token: 'ing', official: ['ing.pl', 'ingbank.pl', 'ing.com'] },
	{ token: 'pekao', official: ['pekao.com.pl', 'pekao24.pl'] },
	{ token: 'santander', official: ['santander.pl', 'santanderconsumer.pl'] },
	{ token: 'millennium', official: ['bankmillennium.pl'], whole: true },
	{ token: 'millenium', official: ['bankmillennium.pl'], whole: true },
	{ token: 'alior', official: ['aliorbank.pl'] },
	{ token: 'bnp', official: ['bnpparibas.pl'] },
	{ token: 'bnpparibas', official: ['bnpparibas.pl'] },
	{ token: 'creditagricole', official: ['credit-agricole.pl'] },
	{ token: 'agricole', official: ['credit-agricole.pl'] },
	{ token: 'blik', official: ['blik.com'] },
	{ token: 'revolut', official: ['revolut.com'] },
	{ token: 'paypal', official: ['paypal.com'] },
	// state
	{ token: 'gov', official: ['gov.pl', 'gov.uk', 'gov.ua', 'usa.gov'] },
	{ token: 'govpl', official: ['gov.pl'] },
	{ token: 'mobywatel', official: ['gov.pl'] },
	{ token: 'epuap', official: ['gov.pl'] },
	{ token: 'zus', official: ['zus.pl'] },
	{ token: 'podatki', official: ['gov.pl'], whole: true },
	{ token: 'cepik', official: ['gov.pl'] },
	{ token: 'pit', official: ['gov.pl', 'pit.pl'] },
	{ token: 'etoll', official: ['gov.pl'] },
	{ token: 'arimr', official: ['gov.pl'] },
	{ token: 'empatia', official: ['gov.pl'] },
	// shops and services whose names scams borrow
	{ token: 'allegro', official: ['allegro.pl', 'allegrolokalnie.pl', 'allegro.com'] },
	{ token: 'olx', official: ['olx.pl'] },
	{ token: 'vinted', official: ['vinted.pl'] },
	{ token: 'netflix', official: ['netflix.com'] },
	{ token: 'orange', official: ['orange.pl', 'orange.com'], whole: true },
	{ token: 'tmobile', official: ['t-mobile.pl'] },
	{ token: 'biedronka', official: ['biedronka.pl'] },
	{ token: 'lidl', official: ['lidl.pl'] },
	{ token: 'kaufland', official: ['kaufland.pl'] },
	{ token: 'rossmann', official: ['rossmann.pl'] },
	{ token: 'bp', official: ['bp.com', 'bp.pl'] },
	{ token: 'ikea', official: ['ikea.com'] },
	{ token: 'pkp', official: ['pkp.pl', 'intercity.pl', 'pkpsa.pl', 'rozklad-pkp.pl'] },
	{ token: 'intercity', official: ['intercity.pl'], whole: true }
];
// What may stand next to a short brand inside one part: "pkobp24", "ingbank", "mbankonline", "e-pit".
const shortBrandAffix = /^(?:bank|pl|polska|24|online|pay|app|info|\d{1,4})$/;
// Words phishing hosts are made of: payments, refunds, logins, prizes, parcels, easy money.
const scamWords =
	/^(?:\d*)(?:doplat|zwrot|weryfik|verif|odbior|odbierz|platnos|oplat|blokad|odblok|secure|login|logowan|zaloguj|potwierdz|aktualiz|update|nagrod|bonus|darmo|zadarmo|gratis|dodatek|dofinansow|zasilek|zasilk|800plus|500plus|wygran|wygraj|loteri|prezent|gift|jubileusz|bony|voucher|punkty|inwest|invest|zarob|zysk|pozyczk|kredyt|chwilow|krypto|crypto|bitcoin|wyciek|zalegl|doladow|swiadczen|dotacj|migracj|paczk|przesylk|kurier|delivery|celne|mandat|wyprzedaz|outlet|milion|bogac|odszkodow|rekompens)/;
// A payment or a login asked for in the same text turns a held address into a blocked one.
const payOrLogin =
	/(?<![a-z])(?:oplac|zaplac|doplac|wplac|przelej|przelac|zweryfikuj|zaloguj|podaj|wpisz|uzupelnij|potwierdz|zaktualizuj|odblokuj)[a-z]*|dan[a-z]* karty|numer[a-z]* karty|kod[a-z]* blik|przelewem/;

const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function brandOf(host: string): boolean {
	const flat = host.replace(/[-.]/g, '');
	const parts = host.split(/[-.]/);
	const named = (b: (typeof brands)[number]) =>
		b.token.length >= 5 && !b.whole
			? flat.includes(b.token)
			: parts.some(
					(p) =>
						p === b.token ||
						(p.startsWith(b.token) && shortBrandAffix.test(p.slice(b.token.length))) ||
						(p.endsWith(b.token) && /^(?:e|i|my|moj|moje|moja)$/.test(p.slice(0, -b.token.length)))
				);
	return brands.some((b) => named(b) && !b.official.some((d) => isUnder(host, d)));
}

const hostRe =
	/(?<![\p{L}\p{N}@_-])(?:https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}[\p{L}]{2,24})(?::\d+)?(?:\/[^\s<>"']*)?/giu;
// Only the whitespace-separated pieces with a dot before a letter can hold an address; the full pattern runs on those.
const dotBeforeLetter = /\.(?=\p{L})/gu;
const separator = /[\s<>"'()[\]]/;

function* candidates(text: string): Generator<{ 0: string; 1: string; index: number }> {
	let done = -1;
	let yielded = -1;
	for (const dot of text.matchAll(dotBeforeLetter)) {
		if (dot.index < done) continue;
		let start = dot.index;
		while (start > 0 && !separator.test(text[start - 1])) start--;
		let end = dot.index + 1;
		while (end < text.length && !separator.test(text[end])) end++;
		// A host sits near its dot: a long run without spaces is looked at in windows, to keep the time bounded.
		const from = Math.max(start, dot.index - 200);
		done = Math.min(end, dot.index + 200);
		for (const m of text.slice(from, done).matchAll(hostRe)) {
			if (from + m.index < yielded) continue;
			yielded = from + m.index + m[0].length;
			yield { 0: m[0], 1: m[1], index: from + m.index };
		}
	}
}

/**
 * The web addresses in a text: with http:// or www., with a path, or a bare host under a known
 * top-level domain (or a shortener). `raw` is the address without the sentence's punctuation.
 */
function* addresses(text: string) {
	for (const m of candidates(text)) {
		const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
		const host = foldText(m[1]).replace(/^www\./, '');
		const bare = !/^https?:\/\//i.test(raw) && !/^www\./i.test(m[1]) && !raw.includes('/');
		const labels = host.split('.');
		if (bare && !knownTlds.has(labels[labels.length - 1]) && !shorteners.has(host)) continue;
		yield { raw, host, labels, written: m[1], index: m.index };
	}
}

/** Does the text hold a web address (with or without http://, a bare host only under a known top-level domain)? */
export const hasLink = (text: string): boolean => !addresses(text).next().done;

/** Links: shorteners, unusual top-level domains, look-alikes of banks, couriers and gov.pl, with or without http://. */
export function findLinks(text: string): Finding[] {
	const found: Finding[] = [];
	for (const { raw, host, labels, written, index } of addresses(text)) {
		if (found.length >= 20) break;
		const tld = labels[labels.length - 1];
		const span = { start: index, end: index + raw.length };
		if (host.startsWith('xn--') || host.includes('.xn--')) {
			found.push({
				rule: 'link.punycode',
				category: 'link',
				severity: 'block',
				...span,
				message: `Adres „${raw}” jest zapisany znakami udającymi inne litery — tak wyglądają wyłudzenia. Usuń go albo podaj zwykły adres strony.`
			});
			continue;
		}
		if (isUnder(host, 'gov.pl')) continue;
		const name =
			labels.length >= 3 && labels[labels.length - 2].length <= 3
				? labels[labels.length - 3]
				: labels[labels.length - 2];
		const parts = labels.slice(0, -1).join('-').split('-');
		// Letters swapped for look-alikes: "netfIix" (capital I for l), "pkobp-l0gin", "rnbank".
		const unmasked = foldText(written.replace(/I/g, 'l'))
			.replace(/^www\./, '')
			.replace(/0/g, 'o')
			.replace(/1/g, 'l')
			.replace(/rn/g, 'm')
			.replace(/vv/g, 'w');
		if (brandOf(host) || (unmasked !== host && brandOf(unmasked))) {
			found.push({
				rule: 'link.lookalike',
				category: 'link',
				severity: 'block',
				...span,
				message: `Adres „${raw}” udaje stronę znanej firmy, banku albo urzędu, ale do nich nie należy — tak wyglądają wyłudzenia danych i pieniędzy. Usuń go; jeśli ostrzegasz przed nim, napisz wprost, że to oszustwo.`
			});
		} else if (shorteners.has(host)) {
			found.push({
				rule: 'link.shortener',
				category: 'link',
				severity: 'hold',
				...span,
				message: `Skrócony link „${raw}” ukrywa, dokąd prowadzi. Wklej pełny adres strony.`
			});
		} else if (name.split('-').some((p) => scamWords.test(p))) {
			// Only the registered name counts: "platnosci.wiskitki.pl" is the municipality's own.
			found.push({
				rule: 'link.scam_host',
				category: 'link',
				severity: 'hold',
				...span,
				message: `Adres „${raw}” składa się ze słów typowych dla wyłudzeń (dopłata, zwrot, weryfikacja, nagroda, darmowe…). Moderator sprawdzi link; jeśli ostrzegasz przed nim, napisz wprost, że to oszustwo.`
			});
		} else if (suspiciousTlds.has(tld)) {
			found.push({
				rule: 'link.suspicious_tld',
				category: 'link',
				severity: 'hold',
				...span,
				message: `Adres „${raw}” jest w domenie „.${tld}”, której często używają oszuści. Moderator sprawdzi link przed publikacją.`
			});
		} else if (
			!plTlds.has(tld) &&
			(parts.some((p) => /^(?:pl|polska|polski|poland)$/.test(p)) || (name.match(/-/g)?.length ?? 0) >= 2)
		) {
			// "ekoznak-polska.com", "czyste-powietrze-czujnik.eu": a Polish-sounding name made up of several words outside .pl.
			found.push({
				rule: 'link.suspicious_host',
				category: 'link',
				severity: 'hold',
				...span,
				message: `Adres „${raw}” udaje polską stronę w zagranicznej domenie — tak często wyglądają oszustwa. Moderator sprawdzi link przed publikacją.`
			});
		}
	}
	if (found.length === 0) return found;
	const folded = foldText(text);
	// A resident warning about a scam may name the address; it is published, the finding stays for the record.
	if (isScamWarning(folded))
		return found.map((f) =>
			f.rule === 'link.punycode'
				? f
				: {
						...f,
						severity: 'info' as Severity,
						message: `Adres „${text.slice(f.start, f.end)}” wygląda na fałszywy; wpis przed nim ostrzega, więc zostanie opublikowany.`
					}
		);
	if (payOrLogin.test(folded))
		return found.map((f) =>
			f.severity === 'hold' && f.rule !== 'link.shortener' ? { ...f, severity: 'block' as Severity } : f
		);
	return found;
}
