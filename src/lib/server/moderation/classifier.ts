import type { Category, Finding } from './findings';
import { sentenceFeatures, type Sentence } from './features';
import type { Token } from './normalize';
import shipped from './model/moderation-model.json';

/** What the model scores: harm in general (aggression, insults, hate) and one score per category. */
export const heads = ['harmful', 'insult', 'hate', 'threat', 'spam', 'misinformation', 'national_politics'] as const;
export type Head = (typeof heads)[number];

export interface HeadParams {
	name: Head;
	bias: number;
	/** Platt scaling fitted on the validation split: p = 1 / (1 + e^-(a·z + b)). */
	a: number;
	b: number;
	/** Probability at and above which the head holds a text, judged whole. */
	threshold: number;
	/** The same for one sentence of a longer text (higher: a short piece alone is easily misread). */
	sentenceThreshold: number;
}

/** The model as stored: quantised weights, bucket-major (weights[bucket · heads + head] · scale[head]). */
export interface StoredModel {
	bits: number;
	heads: HeadParams[];
	scale: number[];
	weights: string;
}

export interface Model {
	bits: number;
	heads: HeadParams[];
	/** Weights, bucket-major; a head's sum is multiplied by its scale. Kept as bytes when loaded:
	 * a quarter of the memory, so the scattered reads of a text's buckets mostly hit the cache. */
	weights: Int8Array;
	scale: number[];
}

export function loadModel(stored: StoredModel): Model {
	const bytes = Buffer.from(stored.weights, 'base64');
	return {
		bits: stored.bits,
		heads: stored.heads,
		weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
		scale: stored.scale
	};
}

let defaultModel: Model | undefined;
/** The model trained by `npm run train:moderation` and committed with the code. */
export function shippedModel(): Model {
	defaultModel ??= loadModel(shipped as StoredModel);
	return defaultModel;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
// A sentence is scored on its own only with a few words of context.
const MIN_SENTENCE_TOKENS = 4;

export interface HeadScore {
	head: Head;
	/** Calibrated probability of the whole text. */
	p: number;
	/** The sentence that scored highest, with its probability (texts of two or more sentences). */
	sentence?: Sentence;
	sentenceP: number;
}

/**
 * Each head's sum of weights over the buckets. The seven heads are summed in local variables:
 * several times faster in V8 than a loop over an array of sums (the hot path of every post).
 */
function weightSums(w: Int8Array, k: number, buckets: number[]): number[] {
	if (k !== 7) {
		const sums = new Array<number>(k).fill(0);
		for (const b of buckets) for (let h = 0; h < k; h++) sums[h] += w[b * k + h];
		return sums;
	}
	let s0 = 0,
		s1 = 0,
		s2 = 0,
		s3 = 0,
		s4 = 0,
		s5 = 0,
		s6 = 0;
	for (let i = 0; i < buckets.length; i++) {
		const base = buckets[i] * 7;
		s0 += w[base];
		s1 += w[base + 1];
		s2 += w[base + 2];
		s3 += w[base + 3];
		s4 += w[base + 4];
		s5 += w[base + 5];
		s6 += w[base + 6];
	}
	return [s0, s1, s2, s3, s4, s5, s6];
}

/** Every head's probability for the whole text and for its highest-scoring sentence. */
export function scoreText(model: Model, text: string, tokens?: Token[]): HeadScore[] {
	return scoreSentences(model, sentenceFeatures(text, model.bits, tokens));
}

function scoreSentences(model: Model, sentences: Sentence[]): HeadScore[] {
	const k = model.heads.length;
	const total = new Float64Array(k);
	let count = 0;
	const best: HeadScore[] = model.heads.map((h) => ({ head: h.name, p: 0, sentenceP: 0 }));
	const perSentence: number[][] = [];
	for (const s of sentences) {
		const sums = weightSums(model.weights, k, s.buckets);
		for (let h = 0; h < k; h++) {
			sums[h] *= model.scale[h];
			total[h] += sums[h];
		}
		count += s.buckets.length;
		perSentence.push(sums);
	}
	const prob = (h: number, sum: number, n: number) => {
		const head = model.heads[h];
		return sigmoid(head.a * (head.bias + sum / Math.sqrt(n)) + head.b);
	};
	if (count === 0) return best;
	for (let h = 0; h < k; h++) best[h].p = prob(h, total[h], count);
	if (sentences.length > 1) {
		sentences.forEach((s, i) => {
			if (s.tokens.length < MIN_SENTENCE_TOKENS) return;
			for (let h = 0; h < k; h++) {
				const p = prob(h, perSentence[i][h], s.buckets.length);
				if (p > best[h].sentenceP) best[h] = { ...best[h], sentenceP: p, sentence: s };
			}
		});
	}
	return best;
}

/** The words of a sentence (or of the whole text) that push a head's score up most. */
function strongestWords(model: Model, text: string, head: number, sentences: Sentence[]): string[] {
	const k = model.heads.length;
	const scored: { word: string; weight: number }[] = [];
	for (const s of sentences) {
		s.tokens.forEach((t, i) => {
			const [from, to] = s.tokenFeatures[i];
			let weight = 0;
			for (let j = from; j < to; j++) weight += model.weights[s.buckets[j] * k + head] * model.scale[head];
			scored.push({ word: text.slice(t.start, t.end), weight });
		});
	}
	const words = [
		...new Set(
			scored
				.filter((s) => s.weight > 0)
				.sort((a, b) => b.weight - a.weight)
				.map((s) => s.word)
		)
	];
	return words.slice(0, 3);
}

const explanations: Record<Exclude<Head, 'harmful'>, { category: Category; message: (words: string) => string }> = {
	insult: {
		category: 'insult',
		message: (w) =>
			`Ten fragment brzmi jak obrażanie kogoś${w}. Krytykuj decyzje i sprawy, nie ludzi — moderator sprawdzi wpis przed publikacją.`
	},
	hate: {
		category: 'hate',
		message: (w) =>
			`Ten fragment brzmi jak pogarda albo krzywdzące uogólnienie o grupie ludzi${w}. Mowa nienawiści jest zakazana regulaminem — moderator sprawdzi wpis.`
	},
	threat: {
		category: 'threat',
		message: (w) =>
			`Ten fragment brzmi jak groźba${w}. Moderator sprawdzi wpis przed publikacją. Jeśli komuś grozi niebezpieczeństwo, dzwoń pod 112.`
	},
	spam: {
		category: 'spam',
		message: (w) =>
			`Wpis przypomina oszustwo albo spam — wyłudzenie przedpłaty, fałszywą nagrodę lub podejrzaną ofertę${w}. Moderator sprawdzi go przed publikacją.`
	},
	misinformation: {
		category: 'misinformation',
		message: (w) =>
			`Wpis podaje alarmującą informację o zdrowiu lub bezpieczeństwie bez źródła${w}. Dodaj, skąd to wiesz (komunikat urzędu, sanepidu, policji) — moderator sprawdzi wpis.`
	},
	national_politics: {
		category: 'national_politics',
		message: (w) =>
			`Wpis dotyczy polityki krajowej${w}. Grupa służy sprawom gminy — moderator oceni, czy ma związek z naszą społecznością.`
	}
};

/**
 * The model's findings: a category whose score passes its threshold holds the text, pointing at
 * the sentence that scored highest and naming the words that weighed most. Harm in general
 * (trained also on BAN-PL and PolEval) is reported as the most likely of insult, hate and threat.
 * The model only ever holds a text for a person, never refuses it.
 */
export function findHarmfulByModel(text: string, tokens?: Token[], model: Model = shippedModel()): Finding[] {
	const sentences = sentenceFeatures(text, model.bits, tokens);
	const scores = scoreSentences(model, sentences);
	const found: Finding[] = [];
	const byHead = new Map(scores.map((s, i) => [s.head, { ...s, index: i }]));
	// Judged whole, or by its worst sentence: the finding then points at that sentence.
	const passes = (s: HeadScore, i: number) =>
		s.p >= model.heads[i].threshold || s.sentenceP >= model.heads[i].sentenceThreshold;
	const fired = scores.map((s, i) => ({ s, i })).filter(({ s, i }) => s.head !== 'harmful' && passes(s, i));
	const harmful = byHead.get('harmful');
	if (
		harmful &&
		passes(harmful, harmful.index) &&
		!fired.some(({ s }) => s.head === 'insult' || s.head === 'hate' || s.head === 'threat')
	) {
		const likeliest = (['insult', 'hate', 'threat'] as const).map((h) => byHead.get(h)!).sort((a, b) => b.p - a.p)[0];
		fired.push({
			s: { ...likeliest, p: harmful.p, sentenceP: harmful.sentenceP, sentence: harmful.sentence },
			i: harmful.index
		});
	}
	if (fired.length === 0) return [];
	const harmfulIndex = harmful?.index;
	for (const { s, i } of fired) {
		const head = s.head as Exclude<Head, 'harmful'>;
		const sentence = s.sentence;
		const span = sentence ? { start: sentence.start, end: sentence.end } : { start: 0, end: text.length };
		const words = strongestWords(model, text, i, sentence ? [sentence] : sentences);
		const quoted = words.length ? ` (zwłaszcza: ${words.map((w) => `„${w}”`).join(', ')})` : '';
		const e = explanations[head];
		found.push({
			rule: i === harmfulIndex ? 'model.harmful' : `model.${head}`,
			category: e.category,
			severity: 'hold',
			...trimmed(text, span),
			message: e.message(quoted),
			score: Math.round(Math.max(s.p, s.sentenceP) * 100) / 100
		});
	}
	return found;
}

function trimmed(text: string, span: { start: number; end: number }) {
	let { start, end } = span;
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, end };
}
