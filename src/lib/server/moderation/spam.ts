import type { Finding } from './findings';
import { foldKeepingOffsets } from './politics';

const w = (body: string) => new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'g');

// Get-rich, loan and prize schemes.
const schemes = w(
	'szybk[a-z]* pozyczk[a-z]*|pozyczk[a-z]* bez (?:bik|zaswiadczen)|chwilowk[a-z]*|zarob[a-z]* (?:nawet )?\\d[\\d ]* ?(?:zl|pln)[a-z]* (?:dziennie|tygodniowo|miesiecznie|w tydzien|w miesiac)|praca w domu[^.!?]{0,40}\\d[\\d ]* ?zl|gwarantowan[a-z]* zysk[a-z]*|inwestuj[a-z]* w kryptowalut[a-z]*|bitcoin[a-z]*|forex[a-z]*|bez wychodzenia z domu|wygral(?:es|as|es) (?:iphone|nagrode|samochod)|odbierz (?:swoja )?nagrode|kliknij w link'
);
// Business advertising from those who do not pay for it.
const ads = w(
	'promocj[a-z]*|rabat[a-z]*|znizk[a-z]*|gratis|cennik[a-z]*|oferujemy|nasza firma|naszej firmy|(?:mojego|naszego) (?:nowego )?(?:salonu|sklepu|gabinetu|warsztatu|studia|lokalu)|(?:mojej|naszej) (?:nowej )?(?:firmy|restauracji|pizzerii|kwiaciarni|hurtowni)|dowoz gratis|zamowienia (?:pod|przez)|tylko teraz|najtaniej'
);

export function findSpam(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const found: Finding[] = [];
	for (const m of folded.matchAll(schemes)) {
		found.push({ rule: 'spam.scheme', category: 'spam', severity: 'hold', start: m.index, end: m.index + m[0].length, message: `Wygląda na reklamę pożyczek, „łatwego zarobku” albo nagród („${text.slice(m.index, m.index + m[0].length)}”). Takie wpisy często są oszustwem — moderator sprawdzi go przed publikacją.` });
	}
	for (const m of folded.matchAll(ads)) {
		if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
		found.push({ rule: 'commercial.ad', category: 'commercial', severity: 'hold', start: m.index, end: m.index + m[0].length, message: `Wygląda na reklamę firmy („${text.slice(m.index, m.index + m[0].length)}”). Reklamy publikujemy w ramach oferty dla firm (poczta@pl-media.pl); prywatne ogłoszenia drobne są mile widziane.` });
	}
	return found.sort((a, b) => a.start - b.start);
}
