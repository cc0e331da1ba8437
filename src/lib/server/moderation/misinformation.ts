import type { Finding } from './findings';
import { foldKeepingOffsets } from './politics';

// A maintained list of misleading health and safety claims: held for a moderator to look at,
// never refused outright (the moderator decides whether it is a claim or a question about one).
const claims = [
	'szczepion[a-z]* (?:zabija|zabijaja|powoduj[a-z]* autyzm|to trucizn[a-z]*|zawieraj[a-z]* chip[a-z]*|zmieniaj[a-z]* dna)',
	'chip[a-z]* w szczepion[a-z]*',
	'plandemi[a-z]*',
	'covid[a-z]* (?:to sciema|nie istnieje|to wymysl)',
	'5g (?:zabija|powoduj[a-z]*|wywoluj[a-z]*|szkodzi|smaży|smazy)',
	'(?:wieze|maszty|nadajniki) 5g (?:zabijaja|truja|powoduja)',
	'chemtrails|smug[a-z]* chemiczn[a-z]*',
	'(?:woda|wode|wody) (?:w kranach |z kranu |w wodociagu )?(?:jest |zostala )?zatrut[a-z]*',
	'zatrul[a-z]* (?:wode|wodociag[a-z]*|studni[a-z]*)',
	'trucizn[a-z]* w (?:wodzie|wodociagach|kranach)',
	'fluor w wodzie (?:to trucizna|ogłupia|oglupia)',
	'wod[a-z]* utlenion[a-z]* leczy|amazonsk[a-z]* grzyb[a-z]* leczy|leczy raka w tydzien'
];
const pattern = new RegExp(`(?<![a-z0-9])(?:${claims.join('|')})(?![a-z0-9])`, 'g');

export function findMisinformation(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	return [...folded.matchAll(pattern)].map((m) => ({
		rule: 'misinformation.phrase',
		category: 'misinformation' as const,
		severity: 'hold' as const,
		start: m.index,
		end: m.index + m[0].length,
		message: `Twierdzenie o zdrowiu lub bezpieczeństwie, które często okazuje się nieprawdziwe („${text.slice(m.index, m.index + m[0].length)}”). Podaj źródło (np. komunikat sanepidu lub urzędu) — moderator sprawdzi wpis.`
	}));
}
