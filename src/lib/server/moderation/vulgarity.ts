import { formOf, tokenize, type Token } from './normalize';
import type { Finding } from './findings';

// Verb prefixes (up to two, after an optional "nie"/"naj") that Polish puts before the vulgar
// roots: za-jeb-isty, wy-pierdal-aj, na-w-pierdalać, nie-do-pieprz-ony.
const prefix = '(?:nie|naj)?(?:przeci|prze|przy|roz|pod|nad|ode|od|wy|za|na|po|do|ob|ws|we|ze|s|z|u|w|o){0,2}';
// Roots in matching form (no diacritics, repeated letters collapsed).
const roots = [
	'kurw',
	'kurew',
	'chuj',
	'huj',
	'pierd',
	'jeb',
	'pizd',
	'kutas',
	'sra',
	'sry',
	'gown',
	'gowien',
	'dziwk',
	'cip(?:[aeyiko]|$)',
	'fiut',
	'dup(?!l)',
	'sukinsy',
	'matkojeb',
	'qrw',
	'korw[aoye]',
	'kurest'
];
// Roots that are innocent alone and vulgar only after a prefix: pieprz (pepper) / zapieprzać.
const prefixedOnly = ['pieprz', 'ruch[ae]', 'piernicz'];
// Unprefixed forms of those that are vulgar, and roots that are vulgar only unprefixed.
const bareOnly = [
	'pieprzon',
	'pieprzen',
	'pieprzn',
	'pieprzyc',
	'pieprzysz',
	'pieprzy$',
	'niepieprz',
	'ruchac',
	'ruchal',
	'ruchan',
	'ruchaj',
	'picz'
];
const rootPattern = new RegExp(
	`^(?:${prefix}(?:${roots.join('|')})|(?:nie|naj)?(?:przeci|prze|przy|roz|pod|nad|ode|od|wy|za|na|po|do|ob|ws|we|ze|s|z|u|w|o){1,2}(?:${prefixedOnly.join('|')})|(?:${bareOnly.join('|')}))`
);

// Innocent words that start like a vulgar form: checked before the roots.
const allowed = new Set<string>();
const allowedPrefixes = ['kurcz', 'skurcz', 'podupad', 'urucha', 'uruchom', 'spiczast', 'dupleks', 'sradio'].map(
	formOf
);

// Common full forms, for masked spellings ("k***a", "ch*j").
const maskedTargets = [
	'kurwa',
	'kurwy',
	'kurwo',
	'kurwe',
	'kurwą',
	'chuj',
	'chuja',
	'chuju',
	'chuje',
	'huj',
	'huja',
	'jebać',
	'jebany',
	'jebana',
	'jebane',
	'jebie',
	'pizda',
	'pizdy',
	'pizdo',
	'kutas',
	'pierdole',
	'pierdolę',
	'pierdolić',
	'pierdolony',
	'spierdalaj',
	'wypierdalaj',
	'dziwka',
	'zajebisty',
	'skurwysyn',
	'skurwiel',
	'gówno',
	'cipa',
	'fiut'
].map(formOf);

function isVulgarForm(form: string, lexicon: Set<string>): boolean {
	if (lexicon.has(form)) return true;
	if (allowed.has(form) || allowedPrefixes.some((p) => form.startsWith(p))) return false;
	return rootPattern.test(form);
}

function matchesMasked(form: string, lexicon: Set<string>): boolean {
	const re = new RegExp(`^${form.replace(/\*+/g, (m) => `[a-z]{1,${m.length + 1}}`)}$`);
	return maskedTargets.some((t) => re.test(t)) || [...lexicon].some((w) => w.length <= form.length + 2 && re.test(w));
}

/** Vulgar words in any inflected form, however they are spelled, with their exact spans. */
export function findVulgarity(
	text: string,
	lexicon: Set<string> = new Set(),
	tokens: Token[] = tokenize(text)
): Finding[] {
	const found: Finding[] = [];
	for (const t of tokens) {
		const hit = t.form.includes('*')
			? /[a-z]/.test(t.form) && matchesMasked(t.form, lexicon)
			: isVulgarForm(t.form, lexicon) || (!!t.alt && isVulgarForm(t.alt, lexicon));
		if (!hit) continue;
		if (found.some((f) => f.start <= t.start && t.end <= f.end)) continue;
		for (let i = found.length - 1; i >= 0; i--)
			if (t.start <= found[i].start && found[i].end <= t.end) found.splice(i, 1);
		found.push({
			rule: 'vulgarity.word',
			category: 'vulgarity',
			severity: 'hold',
			start: t.start,
			end: t.end,
			message: `Wulgaryzm „${text.slice(t.start, t.end)}”. Usuń go albo zastąp neutralnym słowem — wulgaryzmy zatrzymują wpis do sprawdzenia przez moderatora.`
		});
	}
	return found.sort((a, b) => a.start - b.start);
}
