import type { Category, Finding, Severity } from './findings';

/** A word of the folded text, as the threat, hate and insult grammars see it. */
export interface Word {
	/** Folded form: a–z, digits and symbols inside a word read as letters, letters stretched 3+ times collapsed; '*' kept for a mask. */
	f: string;
	/** The original word in lower case, diacritics kept ("zabiję" is 1st person, "zabije" may be 3rd). */
	raw: string;
	start: number;
	end: number;
	/** A sentence ends (. ! ? ; or a new line) between the previous word and this one. */
	stop: boolean;
	/** Any punctuation (comma, colon, dash, bracket, quote) between the previous word and this one. */
	punct: boolean;
}

const leet: Record<string, string> = {
	'0': 'o',
	'1': 'i',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's',
	'!': 'i'
};
const wordPattern = /[a-z0-9@$*]+(?:!(?=[a-z]))?[a-z0-9@$*]*/g;
const sentenceEnds = new Set(['.', '!', '?', ';', '\n', '…']);

// Letters only (the common case), checked without a regular expression.
function lettersOnly(f: string): boolean {
	for (let i = 0; i < f.length; i++) {
		const c = f.charCodeAt(i);
		if (c < 97 || c > 122) return false;
	}
	return true;
}

function hasTriple(f: string): boolean {
	for (let i = 2; i < f.length; i++) if (f[i] === f[i - 1] && f[i] === f[i - 2]) return true;
	return false;
}

/** Words of the folded text with their spans; a number with a unit ("6b", "15kg") stays as it is. */
export function wordsOf(text: string, folded: string): Word[] {
	const out: Word[] = [];
	let prevEnd = 0;
	wordPattern.lastIndex = 0;
	for (let m = wordPattern.exec(folded); m; m = wordPattern.exec(folded)) {
		let f = m[0];
		const start = m.index;
		const end = start + f.length;
		if (!lettersOnly(f) && /[a-z]/.test(f) && /[0-9@$!]/.test(f) && !/^[0-9]+[a-z]{0,3}$|^[a-z]{0,3}[0-9]+$/.test(f))
			f = f.replace(/[0-9@$!]/g, (c) => leet[c] ?? c);
		if (hasTriple(f)) f = f.replace(/([a-z])\1{2,}/g, '$1');
		let stop = false;
		let punct = false;
		if (out.length > 0)
			for (let i = prevEnd; i < start; i++) {
				const c = folded[i];
				if (c !== ' ' && c !== '\t') punct = true;
				if (sentenceEnds.has(c)) stop = true;
			}
		const original = text.slice(start, end);
		out.push({ f, raw: original === m[0] ? original : original.toLowerCase(), start, end, stop, punct });
		prevEnd = end;
	}
	return joinSpelledOut(out, folded);
}

// "c y g a n i e", "Ż y d": three or more single letters apart make one word.
function joinSpelledOut(words: Word[], folded: string): Word[] {
	const out: Word[] = [];
	for (let i = 0; i < words.length; i++) {
		let j = i;
		while (
			j + 1 < words.length &&
			words[j + 1].f.length === 1 &&
			words[j].f.length === 1 &&
			/^[ .-]{1,2}$/.test(folded.slice(words[j].end, words[j + 1].start))
		)
			j++;
		const run = words.slice(i, j + 1);
		if (run.length >= 3 && run.some((w) => !'aiouwz'.includes(w.f))) {
			out.push({
				f: run.map((w) => w.f).join(''),
				raw: run.map((w) => w.raw).join(''),
				start: run[0].start,
				end: run[run.length - 1].end,
				stop: run[0].stop,
				punct: run[0].punct
			});
			i = j;
		} else out.push(words[i]);
	}
	return out;
}

/**
 * Inflected forms from compact entries: "stem:class" adds the endings of a class to each stem
 * ("oszust/oszusc:m" → oszust, oszusta, oszustem, oszuscie, oszusci…), a bare entry lists forms
 * ("osle/osla"). Over-generation is harmless: the forms are only looked up, never produced.
 */
const endings: Record<string, string[]> = {
	// masculine nouns (złodziej, baran, oszust): all cases, singular and plural
	m: ['', 'a', 'u', 'owi', 'em', 'iem', 'ie', 'e', 'y', 'i', 'owie', 'ow', 'om', 'ami', 'ach'],
	// feminine nouns and masculine ones in -a (łajza, kłamca, idiota)
	f: ['a', 'y', 'i', 'e', 'ie', 'o', '', 'om', 'ami', 'ach', 'ow'],
	// neuter nouns (bydło, zero, ścierwo)
	n: ['o', 'e', 'a', 'u', 'em', 'ie', '', 'om', 'ami', 'ach'],
	// adjectives, hard and soft stems (tęp-y, głup-i)
	a: [
		'y',
		'i',
		'a',
		'e',
		'ie',
		'ia',
		'ego',
		'iego',
		'emu',
		'iemu',
		'ej',
		'iej',
		'ym',
		'im',
		'ymi',
		'imi',
		'ych',
		'ich',
		'o'
	]
};
// Forms that are a vocative (or a locative, which needs a preposition): złodzieju, chamie, łajzo.
const vocativeEndings: Record<string, string[]> = { m: ['u', 'ie'], f: ['o'], n: [], a: [] };

function softenedLocative(stem: string): string | undefined {
	for (const [end, soft] of [
		['zd', 'zdzie'],
		['st', 'scie'],
		['d', 'dzie'],
		['t', 'cie'],
		['r', 'rze']
	] as const)
		if (stem.endsWith(end)) return stem.slice(0, -end.length) + soft;
	return undefined;
}

export function forms(entries: string[]): string[] {
	const out: string[] = [];
	for (const entry of entries) {
		const [stems, cls] = entry.split(':');
		for (const stem of stems.split('/')) {
			if (!cls) out.push(stem);
			else for (const e of endings[cls]) out.push(stem + e);
			// The locative and vocative of masculine nouns soften the last consonant: zgred → zgredzie, frajer → frajerze.
			const softened = cls === 'm' ? softenedLocative(stem) : undefined;
			if (softened) out.push(softened);
		}
	}
	return out;
}

/** The vocative-looking forms of the same entries (bare entries are not vocatives unless listed so). */
export function vocatives(entries: string[]): string[] {
	const out: string[] = [];
	for (const entry of entries) {
		const [stems, cls] = entry.split(':');
		if (!cls) continue;
		for (const stem of stems.split('/')) for (const e of vocativeEndings[cls]) out.push(stem + e);
	}
	return out;
}

/** Word classes: a folded form may belong to several (bit flags). */
export class Lexicon {
	private readonly tags = new Map<string, number>();
	add(tag: number, list: Iterable<string>): this {
		for (const w of list) this.tags.set(w, (this.tags.get(w) ?? 0) | tag);
		return this;
	}
	remove(tag: number, list: Iterable<string>): this {
		for (const w of list) this.tags.set(w, (this.tags.get(w) ?? 0) & ~tag);
		return this;
	}
	of(w: Word | undefined): number {
		if (!w) return 0;
		return this.tags.get(w.f) ?? 0;
	}
	has(form: string, tag: number): boolean {
		return ((this.tags.get(form) ?? 0) & tag) !== 0;
	}
	/** Forms carrying a tag (for masked spellings). */
	formsWith(tag: number): string[] {
		return [...this.tags].filter(([, t]) => t & tag).map(([f]) => f);
	}
}

/** "d*bil", "k**wa": a masked word matched against the forms of a class, same length give or take one. */
export function unmask(f: string, candidates: string[]): string | undefined {
	// At least three letters shown, the first among them: "d*bil", "idi*ta", not "k***a".
	if (
		!f.includes('*') ||
		!/^[a-z]/.test(f) ||
		f.replace(/\*/g, '').length < 3 ||
		f.replace(/[^*]/g, '').length * 2 > f.length
	)
		return undefined;
	const re = new RegExp(`^${f.replace(/\*+/g, (m) => `[a-z]{${m.length},${m.length + 1}}`)}$`);
	return candidates.find((c) => re.test(c));
}

export const set = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Collects findings; a span already covered by an earlier (stronger) finding is skipped. */
export class Findings {
	readonly list: Finding[] = [];
	constructor(private readonly text: string) {}
	add(
		rule: string,
		category: Category,
		severity: Severity,
		start: number,
		end: number,
		message: (quote: string) => string
	): void {
		if (end <= start || this.list.some((f) => f.start < end && start < f.end)) return;
		this.list.push({ rule, category, severity, start, end, message: message(this.text.slice(start, end)) });
	}
	/** Drops the findings added since `from` that lie inside one of the spans (reported quotations). */
	dropInside(from: number, spans: [number, number][]): void {
		for (let i = this.list.length - 1; i >= from; i--)
			if (spans.some(([s, e]) => s <= this.list[i].start && this.list[i].end <= e)) this.list.splice(i, 1);
	}
	/** Matches of phrases. */
	addMatches(
		phrases: Phrases,
		src: Source,
		rule: string,
		category: Category,
		severity: Severity,
		message: (quote: string) => string
	): void {
		for (const m of phrases.matches(src)) this.add(rule, category, severity, m.index, m.index + m[0].length, message);
	}
}

// Words that make a quotation reported rather than said: who said or wrote it, where it was heard or read.
const citing =
	/(?<![a-z])(?:mowi\S*|powiedzial\S*|napisal\S*|pisze|pisal\S*|krzyczal\S*|krzyknal\S*|wrzeszczal\S*|dostal\S*|przyszl\S*|przyslal\S*|sms\S*|esemes\S*|wiadomosc\S*|list\S*|film\S*|serial\S*|ksiazk\S*|bohater\S*|postac\S*|piosenk\S*|cytat\S*|cytuj\S*|haslo|hasla|tekst\S*|napis\S*|kartk\S*|odcink\S*|scen\S*|grozi\S*|grozb\S*|zglos\S*|policj\S*|uslyszal\S*|slyszal\S*|nazwal\S*|wyzwal\S*)(?![a-z])/;
const quotation = /[„“"«»]([^„“”"«»\n]{1,200})[”"»«]/g;

/** Quotations the author reports ("dostałam SMS „pożałujesz”", "w serialu gangster mówi „wiem, gdzie mieszkasz”"): [start, end). */
export function reportedQuotes(text: string, folded: string): [number, number][] {
	const out: [number, number][] = [];
	if (!/[„“"«»]/.test(text)) return out;
	for (const m of text.matchAll(quotation)) {
		const end = m.index + m[0].length;
		if (!citing.test(folded.slice(0, m.index)) && !citing.test(folded.slice(end))) continue;
		// "ktoś pisze, że Ukraińcy to „robactwo”": the reported clause begins at the word of saying.
		const clause = folded.slice(0, m.index).lastIndexOf(' ze ');
		const sentenceStart = Math.max(
			folded.lastIndexOf('.', m.index),
			folded.lastIndexOf('!', m.index),
			folded.lastIndexOf('?', m.index)
		);
		out.push([
			clause > sentenceStart && citing.test(folded.slice(sentenceStart + 1, clause)) ? clause + 1 : m.index,
			end
		]);
	}
	return out;
}

/** The folded text with dashes, colons, brackets, quotes and a comma before a letter ("sklepu,jak") as spaces (same length), for phrases. */
export const loosen = (folded: string) => folded.replace(/[—–:;()"„”“«»…]|(?<= )-(?= )|,(?=[a-z])/g, ' ');

/** What the rules read: the original text, the loose folded text, its words and how they begin. */
export interface Source {
	text: string;
	loose: string;
	words: Word[];
	/** The words by their first three letters (a shorter word whole): where a phrase may match at all. */
	keys: Map<string, number[]>;
	/** The first three letters of each word (a shorter word whole). */
	wordKeys: string[];
	/** Entries of every list of phrases that this text's words may start (found once, on the first use). */
	candidates?: Map<Phrases, Map<number, number[]>>;
}

export function sourceOf(text: string, folded: string): Source {
	const words = wordsOf(text, folded);
	const keys = new Map<string, number[]>();
	const wordKeys: string[] = [];
	words.forEach((w, i) => {
		const k = w.f.length > 3 ? w.f.slice(0, 3) : w.f;
		wordKeys.push(k);
		const at = keys.get(k);
		if (at) at.push(i);
		else keys.set(k, [i]);
	});
	return { text, loose: loosen(folded), words, keys, wordKeys };
}

// The index of the bracket closing the group that opens at i.
function closing(p: string, i: number): number {
	let depth = 0;
	for (let j = i; j < p.length; j++) {
		const c = p[j];
		if (c === '\\') j++;
		else if (c === '[') while (j < p.length && p[j] !== ']') j++;
		else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return j;
	}
	return p.length;
}

function splitTop(p: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let from = 0;
	for (let j = 0; j < p.length; j++) {
		const c = p[j];
		if (c === '\\') j++;
		else if (c === '[') while (j < p.length && p[j] !== ']') j++;
		else if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === '|' && depth === 0) {
			out.push(p.slice(from, j));
			from = j + 1;
		}
	}
	out.push(p.slice(from));
	return out;
}

// Beginnings of words that are in almost every text: a poor key when the pattern has a rarer word.
const commonKeys = new Set(
	'nie jak sie jes pan pod prz tak bed jeg jej ich was cie dla tyl tym tej teg ale czy moz ktor kto jed wie mam maj ma mu ci go to ty juz tu co wsz mog dom ze od za na po do'.split(
		' '
	)
);

// The literal beginnings of a word every match of the pattern must contain (each at least three letters,
// so they can be looked up among the text's word beginnings), or null when there is no such word; and
// whether a match begins with that word (else it may begin some words before it).
function keysOf(p: string): { keys: string[]; first: boolean } | null {
	const keys: string[] = [];
	let first = true;
	for (const alt of splitTop(p)) {
		const candidates = sequenceKeys(alt);
		if (!candidates.length) return null;
		const score = (k: string[]) => k.filter((x) => commonKeys.has(x.slice(0, 3))).length / k.length;
		const best = candidates.reduce((b, k) => (score(k) < score(b) ? k : b));
		const begins = sequenceBeginnings(alt);
		if (!begins || begins.join('|') !== best.join('|')) first = false;
		keys.push(...best);
	}
	return { keys, first };
}

// Beginnings of the pattern's matches (null when it may begin with anything but a literal).
function beginnings(p: string): string[] | null {
	const out: string[] = [];
	for (const alt of splitTop(p)) {
		const b = sequenceBeginnings(alt);
		if (!b) return null;
		out.push(...b);
	}
	return out;
}

function sequenceBeginnings(s: string): string[] | null {
	let i = 0;
	while (i < s.length) {
		if (/[a-z0-9]/.test(s[i])) {
			let j = i;
			while (j < s.length && /[a-z0-9]/.test(s[j])) j++;
			const literal = /[?*{]/.test(s[j] ?? '') ? s.slice(i, j - 1) : s.slice(i, j);
			return literal ? [literal] : null;
		}
		if (/^\(\?(?:<!|<=|=|!)/.test(s.slice(i))) {
			i = closing(s, i) + 1;
			continue;
		}
		if (!s.startsWith('(?:', i)) return null;
		const end = closing(s, i);
		const inner = beginnings(s.slice(i + 3, end));
		if (!inner) return null;
		const quantifier = /^(?:\?|\*|\{0,?\d*\})\??/.exec(s.slice(end + 1));
		if (!quantifier) return inner;
		const rest = sequenceBeginnings(s.slice(end + 1 + quantifier[0].length));
		return rest ? [...inner, ...rest] : null;
	}
	return null;
}

// Every word of the sequence that a match must contain, as the list of its possible beginnings (each ≥ 3 letters).
function sequenceKeys(s: string): string[][] {
	const out: string[][] = [];
	let i = 0;
	let wordStart = true;
	while (i < s.length) {
		const c = s[i];
		if (/[a-z0-9]/.test(c)) {
			let j = i;
			while (j < s.length && /[a-z0-9]/.test(s[j])) j++;
			const literal = /[?*{]/.test(s[j] ?? '') ? s.slice(i, j - 1) : s.slice(i, j);
			if (wordStart && literal.length >= 3) out.push([literal]);
			wordStart = false;
			i = j;
			continue;
		}
		if (c === ' ') {
			wordStart = true;
			i++;
			continue;
		}
		if (c === ',' || c === '?') {
			i++;
			continue;
		}
		if (/^\(\?(?:<!|<=|=|!)/.test(s.slice(i))) {
			i = closing(s, i) + 1;
			continue;
		}
		if (s.startsWith('(?:', i)) {
			const end = closing(s, i);
			const quantifier = /^(?:\?|\*|\{0,?\d*\})\??/.exec(s.slice(end + 1));
			const inner = wordStart && !quantifier ? beginnings(s.slice(i + 3, end)) : null;
			if (inner && inner.every((b) => b.length >= 3)) out.push(inner);
			const endsWord = s.slice(i + 3, end).endsWith(' ');
			i =
				end +
				1 +
				(quantifier
					? quantifier[0].length
					: /^[+{]/.test(s[end + 1] ?? '')
						? (/^\{[^}]*\}/.exec(s.slice(end + 1))?.[0].length ?? 1)
						: 0);
			wordStart = endsWord && (wordStart || !quantifier);
			continue;
		}
		if (c === '\\') {
			i += 2;
			if (/[*+?]/.test(s[i] ?? '')) i++;
			wordStart = false;
			continue;
		}
		// A character class or anything else: the words before and after stay valid keys.
		i++;
		wordStart = false;
	}
	return out;
}

// How many words before its key word a phrase may begin ("(?:\\S+ ){0,6}?" and the like included).
const reachBack = 12;

/**
 * Phrases over the loose text, whole words only. A space in a pattern also matches a comma and more
 * spaces ("strzelam, najpierw do psa" fits "strzelam (?:\\S+ )?do psa"). A pattern is tried only at
 * the words shortly before a word it must contain, so an ordinary text costs a few look-ups.
 */
export class Phrases {
	// Which entries of which list a word beginning may start (with the entry's literal the word must begin with), for all lists at once.
	private static readonly byKey = new Map<string, [Phrases, number, string][]>();
	private readonly entries: {
		re: RegExp;
		sticky: RegExp;
		reach: number;
		starts: { long: Set<string>; short: string[] } | null;
	}[];
	// Entries without a key always run.
	private readonly always: number[] = [];
	constructor(bodies: string[]) {
		this.entries = bodies.map((body, e) => {
			const k = keysOf(body);
			if (!k) this.always.push(e);
			else
				for (const literal of new Set(k.keys)) {
					const key = literal.slice(0, 3);
					Phrases.byKey.set(key, [...(Phrases.byKey.get(key) ?? []), [this, e, literal]]);
				}
			const source = `(?<![a-z0-9])(?:${body.replace(/ /g, ',? +')})(?![a-z0-9])`;
			// The literal beginnings of a match (by their first three letters), to try a pattern only at the words that begin so.
			const b = beginnings(body);
			const starts =
				b && b.every((x) => x.length > 0)
					? {
							long: new Set(b.filter((x) => x.length >= 3).map((x) => x.slice(0, 3))),
							short: b.filter((x) => x.length < 3)
						}
					: null;
			return { re: new RegExp(source, 'g'), sticky: new RegExp(source, 'y'), reach: k?.first ? 0 : reachBack, starts };
		});
	}
	matches(src: Source): RegExpExecArray[] {
		const out: RegExpExecArray[] = [];
		if (!src.candidates) {
			// Once per text: for every list, its entries whose key word is in the text, with the words where it is.
			const candidates = new Map<Phrases, Map<number, number[]>>();
			src.candidates = candidates;
			src.words.forEach((w, i) => {
				for (const [list, e, literal] of Phrases.byKey.get(src.wordKeys[i]) ?? []) {
					if (literal.length > 3 && !w.f.startsWith(literal)) continue;
					let of = candidates.get(list);
					if (!of) candidates.set(list, (of = new Map()));
					const at = of.get(e);
					if (!at) of.set(e, [i]);
					else if (at[at.length - 1] !== i) at.push(i);
				}
			});
		}
		const keyed = src.candidates.get(this);
		if (!keyed && !this.always.length) return out;
		// In the order of the list, as a single scan would report them.
		const order = keyed ? [...this.always, ...keyed.keys()] : this.always;
		if (this.always.length && keyed) order.sort((a, b) => a - b);
		else if (keyed && order.length > 1) order.sort((a, b) => a - b);
		for (const e of order) {
			const { re, sticky, reach, starts } = this.entries[e];
			const hits = keyed?.get(e);
			if (!hits) {
				re.lastIndex = 0;
				for (let m = re.exec(src.loose); m; m = re.exec(src.loose)) out.push(m);
				continue;
			}
			// Try each word from `reach` words before a hit up to it, once, not inside an earlier match.
			let next = 0;
			let covered = -1;
			for (const i of hits) {
				for (let s = Math.max(next, i - reach); s <= i; s++) {
					const at = src.words[s].start;
					if (
						at < covered ||
						(starts && !starts.long.has(src.wordKeys[s]) && !starts.short.some((x) => src.words[s].f.startsWith(x)))
					)
						continue;
					sticky.lastIndex = at;
					const m = sticky.exec(src.loose);
					if (m) {
						out.push(m);
						covered = at + m[0].length;
					}
				}
				next = Math.max(next, i + 1);
			}
		}
		return out;
	}
}
