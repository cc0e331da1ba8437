import type { Finding } from './findings';
import { foldText } from '../text/fold';

const shorteners = new Set(['bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'cutt.ly', 'rebrand.ly', 'shorturl.at', 'tiny.cc', 'buff.ly', 'rb.gy', 't.ly', 'v.gd', 'linktr.ee']);
const suspiciousTlds = new Set(['xyz', 'top', 'click', 'loan', 'work', 'zip', 'mov', 'country', 'gq', 'tk', 'ml', 'cf', 'ga', 'icu', 'buzz', 'rest', 'cam', 'quest', 'sbs', 'cfd']);
// Brands whose names phishing pages borrow, with the domains that are really theirs.
const brands: { token: string; official: string[] }[] = [
	{ token: 'pkobp', official: ['pkobp.pl', 'ipko.pl'] },
	{ token: 'ipko', official: ['ipko.pl', 'pkobp.pl'] },
	{ token: 'mbank', official: ['mbank.pl'] },
	{ token: 'santander', official: ['santander.pl'] },
	{ token: 'pekao', official: ['pekao.com.pl'] },
	{ token: 'millennium', official: ['bankmillennium.pl'] },
	{ token: 'allegro', official: ['allegro.pl'] },
	{ token: 'olx', official: ['olx.pl'] },
	{ token: 'inpost', official: ['inpost.pl'] },
	{ token: 'dpd', official: ['dpd.com.pl', 'dpd.com'] },
	{ token: 'dhl', official: ['dhl.com', 'dhl.pl'] },
	{ token: 'pocztapolska', official: ['poczta-polska.pl', 'pocztex.pl'] },
	{ token: 'mobywatel', official: ['gov.pl'] },
	{ token: 'epuap', official: ['gov.pl'] },
	{ token: 'govpl', official: ['gov.pl'] },
	{ token: 'podatki', official: ['podatki.gov.pl', 'gov.pl'] }
];

const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Links: shorteners, unusual top-level domains, look-alikes of banks, couriers and gov.pl. */
export function findLinks(text: string): Finding[] {
	const found: Finding[] = [];
	const re = /(?<![\p{L}\p{N}-])(?:https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,24})(?::\d+)?(?:\/[^\s<>"']*)?/giu;
	for (const m of text.matchAll(re)) {
		const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
		const host = m[1].toLowerCase().replace(/^www\./, '');
		const hasScheme = /^https?:\/\//i.test(raw);
		const tld = host.split('.').pop()!;
		// A bare "np.pl" or "godz.16" is not a link; bare hosts count only with a known-looking shape.
		if (!hasScheme && !/^www\./i.test(m[1]) && !raw.includes('/') && !shorteners.has(host)) continue;
		const span = { start: m.index, end: m.index + raw.length };
		if (host.startsWith('xn--') || host.includes('.xn--')) {
			found.push({ rule: 'link.punycode', category: 'link', severity: 'block', ...span, message: 'Adres zapisany znakami udającymi inne litery — typowy dla wyłudzeń. Taki link nie zostanie opublikowany bez sprawdzenia.' });
			continue;
		}
		if (isUnder(host, 'gov.pl')) continue;
		const flat = foldText(host).replace(/[-.]/g, '');
		const brand = brands.find((b) => flat.includes(b.token) && !b.official.some((d) => isUnder(host, d)));
		if (brand) {
			found.push({ rule: 'link.lookalike', category: 'link', severity: 'block', ...span, message: `Adres podszywa się pod znaną instytucję (${host}) — to częsty sposób wyłudzania danych. Link zostanie sprawdzony przez moderatora.` });
		} else if (shorteners.has(host)) {
			found.push({ rule: 'link.shortener', category: 'link', severity: 'hold', ...span, message: 'Skrócony link ukrywa, dokąd prowadzi. Wklej pełny adres strony.' });
		} else if (suspiciousTlds.has(tld)) {
			found.push({ rule: 'link.suspicious_tld', category: 'link', severity: 'hold', ...span, message: `Adres w domenie „.${tld}” często służy do oszustw. Moderator sprawdzi link przed publikacją.` });
		}
	}
	return found;
}
