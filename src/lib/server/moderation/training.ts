import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { heads, type Head, type HeadParams, type Model, type StoredModel } from './classifier';
import type { CorpusItem } from './corpus';
import { textBuckets } from './features';
import { seededRandom } from '../core/random';
import { parseCsv } from '../text/csv';

/**
 * Training of the moderation model: hashed character and word features (features.ts), one
 * logistic regression per head with class weights, AdaGrad, a fixed seed — the same model on
 * every machine. Used by `npm run train:moderation` and `npm run eval:moderation`.
 */
export interface Example {
	buckets: Int32Array;
	/** Where the text comes from: weights and the heads it teaches depend on it. */
	source: 'banpl' | 'poleval' | 'corpus';
	/** BAN-PL and PolEval: 1 harmful, 0 not. Corpus: its label. */
	harmful?: 0 | 1;
	label?: CorpusItem['label'];
	text: string;
}

export const BITS = 19;

/** BAN-PL (NASK): 24 000 Wykop.pl texts, half removed by moderators. */
export function loadBanPl(dataDir: string): { text: string; harmful: 0 | 1 }[] {
	const zipFile = path.join(dataDir, 'moderation', 'BAN-PL_1.zip');
	if (!existsSync(zipFile)) return [];
	const zip = new AdmZip(zipFile);
	const entry = zip.getEntries().find((e) => e.entryName.endsWith('.csv'))!;
	const csv = (entry.getData as unknown as (pass: string) => Buffer)('BAN-PL_1').toString('utf8');
	const [header, ...records] = parseCsv(csv).filter((r) => r.length >= 3);
	const [iText, iClass] = [header.indexOf('Text'), header.indexOf('Class')];
	return records
		.map((r) => ({
			text: r[iText].replace(/\{USERNAME\}|\{URL\}|\[surname\]/g, ' '),
			harmful: Number(r[iClass]) as 0 | 1
		}))
		.filter((d) => d.harmful === 0 || d.harmful === 1);
}

/** PolEval 2019 task 6.1 training set: 10 041 tweets, 1 = cyberbullying or hate speech. */
export function loadPolEval(dataDir: string): { text: string; harmful: 0 | 1 }[] {
	const dir = path.join(dataDir, 'moderation', 'poleval2019-task6');
	const textFile = path.join(dir, 'training_set_clean_only_text.txt');
	if (!existsSync(textFile)) return [];
	const texts = readFileSync(textFile, 'utf8').split('\n');
	const tags = readFileSync(path.join(dir, 'training_set_clean_only_tags.txt'), 'utf8').split('\n');
	const out: { text: string; harmful: 0 | 1 }[] = [];
	for (let i = 0; i < tags.length; i++)
		if (tags[i].trim() === '0' || tags[i].trim() === '1')
			out.push({ text: texts[i] ?? '', harmful: Number(tags[i].trim()) as 0 | 1 });
	return out;
}

export function example(text: string, source: Example['source'], extra: Partial<Example>): Example {
	return { buckets: textBuckets(text, BITS), source, text, ...extra };
}

/** Whether an example teaches a head, and what: 1, 0, or undefined (not used for that head). */
export function target(head: Head, e: Example): 0 | 1 | undefined {
	if (head === 'harmful') {
		if (e.source !== 'corpus') return e.harmful;
		if (e.label === 'insult' || e.label === 'hate' || e.label === 'threat') return 1;
		if (e.label === 'ordinary') return 0;
		return undefined;
	}
	if (e.source === 'corpus') return e.label === head ? 1 : 0;
	// Texts of a national forum and of Twitter teach the categories only what they are not: their
	// neutral texts are negatives for every head but national politics (everyday talk there); their
	// harmful ones are of no one category.
	if (e.harmful === 0 && head !== 'national_politics') return 0;
	return undefined;
}

// The corpus is small but written for local groups: each of its texts counts more.
const sourceWeight: Record<Example['source'], number> = { banpl: 0.5, poleval: 1.5, corpus: 10 };

export interface TrainOptions {
	epochs?: number;
	learningRate?: number;
	l2?: number;
	seed?: number;
}

/** Weights (bucket-major, float) and biases of every head. */
export interface Trained {
	weights: Float32Array;
	bias: number[];
}

export function train(examples: Example[], opts: TrainOptions = {}): Trained {
	const { epochs = 10, learningRate = 0.3, l2 = 2e-6, seed = 42 } = opts;
	const k = heads.length;
	const size = 1 << BITS;
	const weights = new Float32Array(size * k);
	const bias: number[] = [];
	for (let h = 0; h < k; h++) {
		const head = heads[h];
		const rows = examples
			.map((e) => ({ e, y: target(head, e) }))
			.filter((r): r is { e: Example; y: 0 | 1 } => r.y !== undefined);
		// Class weights: positives and negatives weigh the same in total, per source.
		const totals = new Map<string, { pos: number; all: number }>();
		for (const r of rows) {
			const t = totals.get(r.e.source) ?? { pos: 0, all: 0 };
			t.pos += r.y;
			t.all += 1;
			totals.set(r.e.source, t);
		}
		const rowWeight = (r: { e: Example; y: 0 | 1 }) => {
			const t = totals.get(r.e.source)!;
			const share = r.y === 1 ? t.pos / t.all : 1 - t.pos / t.all;
			return (sourceWeight[r.e.source] * 0.5) / Math.max(share, 0.02);
		};
		const w = new Float64Array(size);
		const g2 = new Float64Array(size).fill(1e-8);
		let b = 0;
		let bg2 = 1e-8;
		const { shuffle } = seededRandom(seed + h);
		const order = rows.map((_, i) => i);
		for (let epoch = 0; epoch < epochs; epoch++) {
			shuffle(order);
			for (const i of order) {
				const r = rows[i];
				const x = r.e.buckets;
				if (x.length === 0) continue;
				const norm = 1 / Math.sqrt(x.length);
				let z = b;
				for (let j = 0; j < x.length; j++) z += w[x[j]] * norm;
				const p = 1 / (1 + Math.exp(-z));
				const g = (p - r.y) * rowWeight(r);
				for (let j = 0; j < x.length; j++) {
					const f = x[j];
					const grad = g * norm + l2 * w[f];
					g2[f] += grad * grad;
					w[f] -= (learningRate * grad) / Math.sqrt(g2[f]);
				}
				bg2 += g * g;
				b -= (learningRate * g) / Math.sqrt(bg2);
			}
		}
		for (let f = 0; f < size; f++) weights[f * k + h] = w[f];
		bias.push(b);
	}
	return { weights, bias };
}

/** Platt scaling: a and b of p = σ(a·z + b) by Newton-free gradient descent on the log loss. */
export function platt(points: { z: number; y: 0 | 1 }[]): { a: number; b: number } {
	if (points.length === 0 || points.every((p) => p.y === points[0].y)) return { a: 1, b: 0 };
	const pos = points.filter((p) => p.y === 1).length;
	const neg = points.length - pos;
	// Targets smoothed as Platt proposed, so a separable validation set does not blow up a.
	const hi = (pos + 1) / (pos + 2);
	const lo = 1 / (neg + 2);
	let a = 1;
	let b = 0;
	for (let it = 0; it < 3000; it++) {
		let ga = 0;
		let gb = 0;
		for (const p of points) {
			const q = 1 / (1 + Math.exp(-(a * p.z + b)));
			const d = q - (p.y ? hi : lo);
			ga += d * p.z;
			gb += d;
		}
		a -= (0.5 * ga) / points.length;
		b -= (0.5 * gb) / points.length;
	}
	return { a, b };
}

function quantise(t: Trained): { q: Int8Array; scale: number[] } {
	const k = heads.length;
	const scale = heads.map((_, h) => {
		let max = 0;
		for (let f = h; f < t.weights.length; f += k) max = Math.max(max, Math.abs(t.weights[f]));
		return Number((max / 127 || 1).toPrecision(6));
	});
	const q = new Int8Array(t.weights.length);
	for (let i = 0; i < q.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(t.weights[i] / scale[i % k])));
	return { q, scale };
}

/** The weights as they will be after storing (one byte each): thresholds are chosen on these. */
export function quantised(t: Trained): Trained {
	const { q, scale } = quantise(t);
	const k = heads.length;
	const weights = new Float32Array(q.length);
	for (let i = 0; i < q.length; i++) weights[i] = q[i] * scale[i % k];
	return { weights, bias: t.bias.map((b) => round(b)) };
}

/** Quantised to one byte a weight with a scale per head, base64: what is committed. */
export function store(t: Trained, params: Omit<HeadParams, 'bias'>[]): StoredModel {
	const { q, scale } = quantise(t);
	return {
		bits: BITS,
		heads: params.map((p, h) => ({ ...p, bias: round(t.bias[h]) })),
		scale,
		weights: Buffer.from(q.buffer).toString('base64')
	};
}

/** A Model for scoring in memory, before anything is stored (the same numbers as store + load). */
export function asModel(t: Trained, params: Omit<HeadParams, 'bias'>[]): Model {
	const { q, scale } = quantise(t);
	return { bits: BITS, heads: params.map((p, h) => ({ ...p, bias: round(t.bias[h]) })), weights: q, scale };
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
