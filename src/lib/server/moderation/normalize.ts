/**
 * Text as the matcher sees it — lower case, no diacritics, look-alike and leet characters
 * replaced, letters spelled apart joined, stretched letters collapsed — with, for every
 * character, where it came from in the original, so findings point at the exact span.
 */
export interface Token {
	/** Matching form: letters a–z only, repeated letters collapsed; '*' for a masked letter. */
	form: string;
	/** For Cyrillic: the form read as Polish transliteration ("курва" → "kurwa"), besides the look-alike form. */
	alt?: string;
	/** Start and end (exclusive) in the original text. */
	start: number;
	end: number;
}

const homoglyphs: Record<string, string> = {
	// Cyrillic
	а: 'a',
	в: 'b',
	е: 'e',
	ё: 'e',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	і: 'i',
	ї: 'i',
	ј: 'j',
	ѕ: 's',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	ч: 'c',
	// Greek
	α: 'a',
	β: 'b',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	ω: 'w',
	ς: 's',
	σ: 's',
	// Polish and other letters without a decomposition
	ł: 'l',
	ß: 'ss',
	æ: 'ae',
	ø: 'o',
	đ: 'd',
	ı: 'i'
};
// Digits and symbols that stand for letters inside a word ("k0rw4", "$uka", "ch@m").
const leet: Record<string, string> = {
	'4': 'a',
	'@': 'a',
	'0': 'o',
	'1': 'i',
	'!': 'i',
	'|': 'i',
	'3': 'e',
	'€': 'e',
	$: 's',
	'5': 's',
	'7': 't',
	'+': 't',
	'8': 'b',
	'6': 'g',
	'9': 'g'
};
const masks = new Set(['*', '#', '%', '_', '.', '-']);

const cyrillicToPolish: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'w',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'jo',
	ж: 'z',
	з: 'z',
	и: 'i',
	й: 'j',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'ch',
	ц: 'c',
	ч: 'cz',
	ш: 'sz',
	щ: 'szcz',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'ju',
	я: 'ja',
	і: 'i',
	ї: 'ji',
	є: 'je',
	ґ: 'g'
};

function transliterate(raw: string): string | undefined {
	if (!/[\u0400-\u04ff]/.test(raw)) return undefined;
	return [...raw.toLowerCase()].map((c) => cyrillicToPolish[c] ?? c).join('');
}

// Every character of every post passes here: remember each one's letter.
const letters = new Map<string, string>();

function baseLetter(ch: string): string {
	let letter = letters.get(ch);
	if (letter === undefined) {
		letter = letterOf(ch);
		if (letters.size < 10_000) letters.set(ch, letter);
	}
	return letter;
}

function letterOf(ch: string): string {
	const lower = ch.toLowerCase();
	if (homoglyphs[lower]) return homoglyphs[lower];
	const folded = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	if (homoglyphs[folded]) return homoglyphs[folded];
	return /^[a-z]+$/.test(folded) ? folded : '';
}

interface Piece {
	raw: string;
	start: number;
	end: number;
}

/** Splits into word-like pieces: runs of letters, digits and symbols that may stand for letters. */
function pieces(text: string): Piece[] {
	const out: Piece[] = [];
	const re = /[\p{L}\p{M}\p{N}@$€|!*#%+_.-]+/gu;
	for (const m of text.matchAll(re)) out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
	return out;
}

function toForm(raw: string): string {
	const chars = [...raw.normalize('NFC')];
	const hasLetter = chars.some((c) => baseLetter(c) !== '');
	let form = '';
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i];
		const letter = baseLetter(c);
		if (letter) form += letter;
		else if (hasLetter && leet[c] && !(c === '!' && i === chars.length - 1)) form += leet[c];
		else if (hasLetter && masks.has(c) && i > 0 && i < chars.length - 1 && (c === '*' || c === '#' || c === '%'))
			form += '*';
		// dots, dashes and underscores between letters ("k.u.r.w.a", "k-u-r-w-a") are dropped
	}
	// Stretched letters: "kurrrwaaa" → "kurwa". Matching forms of the lists are collapsed the same way.
	return form.replace(/([a-z])\1+/g, '$1');
}

/**
 * Tokens of a text. Single letters spelled apart ("k u r w a", "k. u. r. w. a") are joined into
 * one token as well, spanning the whole run.
 */
export function tokenize(text: string): Token[] {
	const ps = pieces(text);
	const tokens: Token[] = [];
	for (const p of ps) {
		const form = toForm(p.raw);
		const translit = transliterate(p.raw);
		if (form) tokens.push({ form, start: p.start, end: p.end, ...(translit ? { alt: toForm(translit) } : {}) });
	}
	// Runs of three or more one-letter pieces separated only by spaces or punctuation.
	let run: Token[] = [];
	const flush = () => {
		if (run.length >= 3)
			tokens.push({
				form: run
					.map((t) => t.form)
					.join('')
					.replace(/([a-z])\1+/g, '$1'),
				start: run[0].start,
				end: run[run.length - 1].end
			});
		run = [];
	};
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const single = t.form.length === 1 && t.end - t.start <= 2;
		const adjacent = run.length > 0 && /^[\s.,\-_*]{1,3}$/.test(text.slice(run[run.length - 1].end, t.start));
		if (single && (run.length === 0 || adjacent)) run.push(t);
		else {
			flush();
			if (single) run.push(t);
		}
	}
	flush();
	return tokens;
}

/** Matching form of a single dictionary word (same folding as tokens, no leet). */
export function formOf(word: string): string {
	return toForm(word.replace(/[^\p{L}]/gu, ''));
}
