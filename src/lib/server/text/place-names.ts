/**
 * The locative of Polish place names ("w Radziejowicach", "w Guzowie"), for generated text such as
 * "z siedzibą w …". A table of known names first (the demo's and frequent ones), then rules for
 * single-word names with endings whose locative is regular; anything else is unknown (null) and
 * callers rephrase ("z siedzibą: Radziejowice") rather than print wrong grammar.
 */

/** Known names → their locative (without the preposition). */
const known: Record<string, string> = {
	// The demo's municipalities and the Wiskitki sołectwa's villages.
	Wiskitki: 'Wiskitkach',
	'Nowe Wiskitki': 'Nowych Wiskitkach',
	Radziejowice: 'Radziejowicach',
	'Puszcza Mariańska': 'Puszczy Mariańskiej',
	Guzów: 'Guzowie',
	Miedniewice: 'Miedniewicach',
	Jesionka: 'Jesionce',
	'Nowe Kozłowice': 'Nowych Kozłowicach',
	'Stare Kozłowice': 'Starych Kozłowicach',
	Podokępie: 'Podokępiu',
	Sokule: 'Sokulach',
	Franciszków: 'Franciszkowie',
	Cyganka: 'Cygance',
	'Wola Miedniewska': 'Woli Miedniewskiej',
	Hipolitów: 'Hipolitowie',
	Żyrardów: 'Żyrardowie',
	Mszczonów: 'Mszczonowie',
	Sochaczew: 'Sochaczewie',
	'Grodzisk Mazowiecki': 'Grodzisku Mazowieckim',
	// Large towns and irregular names.
	Warszawa: 'Warszawie',
	Kraków: 'Krakowie',
	Łódź: 'Łodzi',
	Wrocław: 'Wrocławiu',
	Poznań: 'Poznaniu',
	Gdańsk: 'Gdańsku',
	Szczecin: 'Szczecinie',
	Bydgoszcz: 'Bydgoszczy',
	Lublin: 'Lublinie',
	Białystok: 'Białymstoku',
	Gdynia: 'Gdyni',
	Częstochowa: 'Częstochowie',
	Radom: 'Radomiu',
	Toruń: 'Toruniu',
	Rzeszów: 'Rzeszowie',
	Olsztyn: 'Olsztynie',
	Opole: 'Opolu',
	Kielce: 'Kielcach',
	'Zielona Góra': 'Zielonej Górze',
	'Gorzów Wielkopolski': 'Gorzowie Wielkopolskim',
	Płock: 'Płocku',
	Siedlce: 'Siedlcach',
	Ostrołęka: 'Ostrołęce',
	Gniezno: 'Gnieźnie',
	Zakopane: 'Zakopanem',
	Włocławek: 'Włocławku',
	Pruszków: 'Pruszkowie',
	Piaseczno: 'Piasecznie',
	Legionowo: 'Legionowie',
	Otwock: 'Otwocku',
	Wołomin: 'Wołominie',
	Błonie: 'Błoniu',
	Tarczyn: 'Tarczynie'
};

/** Regular endings of single-word names: [ending, replacement]; the first that fits wins. */
const rules: [string, string][] = [
	// Plural names: Katowice, Kielce, Wiskitki, Suwałki, Sokule.
	['ice', 'icach'],
	['yce', 'ycach'],
	['ce', 'cach'],
	['ki', 'kach'],
	['gi', 'gach'],
	['ule', 'ulach'],
	// Masculine: Guzów, Sochaczew, Lublin, Olsztyn, Gdańsk, Płock.
	['ów', 'owie'],
	['ew', 'ewie'],
	['in', 'inie'],
	['yn', 'ynie'],
	['sk', 'sku'],
	['ck', 'cku'],
	// Feminine in -a: Jesionka, Warszawa, Wola, Puszcza, Gdynia.
	['ka', 'ce'],
	['wa', 'wie'],
	['la', 'li'],
	['cza', 'czy'],
	['sza', 'szy'],
	['rza', 'rzy'],
	['nia', 'ni'],
	// Neuter in -ie: Podokępie, Błonie.
	['pie', 'piu'],
	['nie', 'niu']
];

/** The locative of a place name, or null when it is not known for sure. */
export function locative(name: string): string | null {
	const n = name.trim().replace(/\s+/g, ' ');
	if (!n) return null;
	if (known[n]) return known[n];
	// Several words (adjectives, "nad Wisłą") need the table.
	if (!/^[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+$/.test(n)) return null;
	for (const [ending, replacement] of rules)
		if (n.endsWith(ending) && n.length > ending.length + 2) return n.slice(0, -ending.length) + replacement;
	return null;
}

/** "w" or "we" (before w/f followed by a consonant: "we Wrocławiu", "we Włocławku"). */
export function inPreposition(locativeForm: string): 'w' | 'we' {
	return /^[wWfF][^aąeęioóuy]/.test(locativeForm) ? 'we' : 'w';
}

/** "w Radziejowicach", or null when the locative is unknown. */
export function inPlace(name: string): string | null {
	const l = locative(name);
	return l ? `${inPreposition(l)} ${l}` : null;
}

/** "w Guzowie", or "w miejscowości Xyz" when the locative is unknown (always correct Polish). */
export function inLocality(name: string): string {
	return inPlace(name) ?? `w miejscowości ${name.trim()}`;
}

/** "z siedzibą w Radziejowicach", or "z siedzibą: Radziejowice" when the locative is unknown. */
export function seatPhrase(city: string): string {
	const at = inPlace(city);
	return at ? `z siedzibą ${at}` : `z siedzibą: ${city.trim()}`;
}
