import { tokenize, type Token } from './normalize';

/**
 * Hashed features of a text for the linear model, the same in training and in use: character
 * 2–5-grams of every word's matching form (padded with spaces, so word starts and ends count),
 * the words themselves and neighbouring word pairs, each hashed into 2^bits buckets. Texts are
 * cut into sentences, so a harmful sentence inside a long, calm post can be scored on its own.
 */
export interface Sentence {
	/** Span in the original text (UTF-16 offsets, end exclusive). */
	start: number;
	end: number;
	/** Bucket of every feature occurrence, in order. */
	buckets: number[];
	/** The sentence's tokens, and for each the range of `buckets` that came from that word. */
	tokens: Token[];
	tokenFeatures: [number, number][];
}

const CHAR_SEED = 0x811c9dc5;
const WORD_SEED = 0x01000193;
const PAIR_SEED = 0x5bd1e995;
const MAX_WORD = 24;

// FNV-1a step and murmur3's finaliser: cheap, and spread well enough for hashing tricks.
const step = (h: number, c: number) => Math.imul(h ^ c, 16777619);
function finish(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

// Sentence ends: . ! ? … before a space or the end, and line breaks ("ul." ends one too: such a
// short piece is only scored together with the whole text).
const sentenceEnd = /[.!?…]+(?=\s|$)|\n+/g;

function sentenceSpans(text: string): [number, number][] {
	const spans: [number, number][] = [];
	let from = 0;
	for (const m of text.matchAll(sentenceEnd)) {
		const end = m.index + m[0].length;
		if (text.slice(from, end).trim()) spans.push([from, end]);
		from = end;
	}
	if (text.slice(from).trim()) spans.push([from, text.length]);
	return spans;
}

// The word padded with a space on each side, read without building the padded string.
const SPACE = 32;
const paddedCode = (w: string, i: number) => (i === 0 || i === w.length + 1 ? SPACE : w.charCodeAt(i - 1));

function wordFeatures(form: string, mask: number, out: number[]): number {
	const w = form.length > MAX_WORD ? form.slice(0, MAX_WORD) : form;
	const length = w.length + 2;
	for (let i = 0; i < length - 1; i++) {
		let h = CHAR_SEED;
		const stop = Math.min(length, i + 5);
		for (let j = i; j < stop; j++) {
			h = step(h, paddedCode(w, j));
			if (j > i) out.push(finish(h) & mask);
		}
	}
	let wh = WORD_SEED;
	for (let i = 0; i < w.length; i++) wh = step(wh, w.charCodeAt(i));
	out.push(finish(wh) & mask);
	return wh;
}

/** The text's sentences with their hashed features; tokens may be passed when already computed. */
export function sentenceFeatures(text: string, bits: number, tokens: Token[] = tokenize(text)): Sentence[] {
	const mask = (1 << bits) - 1;
	const ordered = tokens
		.filter((t) => t.form.replace(/\*/g, '').length >= 1)
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const sentences: Sentence[] = [];
	let t = 0;
	for (const [start, end] of sentenceSpans(text)) {
		const s: Sentence = { start, end, buckets: [], tokens: [], tokenFeatures: [] };
		let previous: number | undefined;
		for (; t < ordered.length && ordered[t].start < end; t++) {
			const token = ordered[t];
			const from = s.buckets.length;
			const wh = wordFeatures(token.form, mask, s.buckets);
			if (previous !== undefined) s.buckets.push(finish(step(step(PAIR_SEED, previous), wh)) & mask);
			previous = wh;
			s.tokens.push(token);
			s.tokenFeatures.push([from, s.buckets.length]);
		}
		if (s.buckets.length) sentences.push(s);
	}
	return sentences;
}

/** All of a text's feature buckets (its sentences together): what the model is trained on. */
export function textBuckets(text: string, bits: number): Int32Array {
	const sentences = sentenceFeatures(text, bits);
	const out = new Int32Array(sentences.reduce((n, s) => n + s.buckets.length, 0));
	let i = 0;
	for (const s of sentences) for (const b of s.buckets) out[i++] = b;
	return out;
}
