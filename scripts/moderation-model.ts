// Shared by train-moderation.ts and eval-moderation.ts: the data, the 5-fold cross-validation on
// PolEval and the choice of calibration and thresholds.
import path from 'node:path';
import { heads, scoreText, type HeadParams, type Model } from '../src/lib/server/moderation/classifier';
import { loadCorpus, type CorpusItem } from '../src/lib/server/moderation/corpus';
import { analyze } from '../src/lib/server/moderation/engine';
import {
	asModel,
	example,
	quantised,
	loadBanPl,
	loadPolEval,
	platt,
	target,
	train,
	type Example,
	type Trained
} from '../src/lib/server/moderation/training';
import { innocentTexts } from '../src/lib/server/moderation/fixtures/innocent';
import { commentTexts, replyTexts, residentPosts, wiskitkiUnits } from '../src/lib/server/demo/content';
import { seededRandom } from '../src/lib/server/core/random';

export const dataDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');

export interface Data {
	banpl: Example[];
	poleval: Example[];
	corpus: CorpusItem[];
	corpusTrain: Example[];
	/** Ordinary texts written for the tests and the demo: none may be held. */
	fixtures: string[];
}

export function loadData(): Data {
	const banpl = loadBanPl(dataDir).map((d) => example(d.text, 'banpl', { harmful: d.harmful }));
	const poleval = loadPolEval(dataDir).map((d) => example(d.text, 'poleval', { harmful: d.harmful }));
	const corpus = loadCorpus();
	const corpusTrain = corpus
		.filter((c) => c.split === 'train')
		.map((c) => example(c.text, 'corpus', { label: c.label }));
	const fill = (t: string) =>
		t.replaceAll('{village}', 'Guzów').replaceAll('{date}', '12 grudnia 2026').replaceAll('{month}', 'grudzień');
	const fixtures = [
		...innocentTexts,
		...commentTexts,
		...replyTexts,
		...residentPosts.map((p) => fill(p.body)),
		...wiskitkiUnits.flatMap((u) => u.posts.map((p) => fill(p.body)))
	];
	return { banpl, poleval, corpus, corpusTrain, fixtures };
}

const identity = (): Omit<HeadParams, 'bias'>[] =>
	heads.map((name) => ({ name, a: 1, b: 0, threshold: 1, sentenceThreshold: 1 }));
const logit = (p: number) => Math.log(Math.max(p, 1e-12) / Math.max(1 - p, 1e-12));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Raw scores of a text per head: judged whole, and its highest sentence (-∞ for one sentence). */
export interface Raw {
	whole: number[];
	sentence: number[];
}

export function rawScores(model: Model, text: string): Raw {
	const scores = scoreText(model, text);
	return {
		whole: scores.map((s) => logit(s.p)),
		sentence: scores.map((s) => (s.sentence ? logit(s.sentenceP) : -Infinity))
	};
}

/** PolEval's texts in five folds, the same on every run. */
export function folds(n: number): number[] {
	const { shuffle } = seededRandom(7);
	const order = shuffle(Array.from({ length: n }, (_, i) => i));
	const fold = new Array<number>(n);
	order.forEach((idx, i) => (fold[idx] = i % 5));
	return fold;
}

export interface Point {
	whole: number;
	sentence: number;
	y: 0 | 1;
}

// Raw scores above the highest an ordinary text reached, by a margin: the highest of a few hundred
// is only a noisy estimate of where unseen ordinary texts end. The margin is estimated from the
// data: how far the highest of one half of the validation split's ordinary texts lies above the
// other half's (at least 0.5 on the logit scale).
export interface ThresholdPolicy {
	/** Which ordinary score the threshold sits above: 1 the highest, 2 the second highest… */
	rank: number;
	/** The least margin on the logit scale. */
	margin: number;
	/** The heads that `rank` applies to (the others sit above the highest); all when absent. */
	heads?: string[];
}
// The harmful head learns from 34 000 public texts besides the corpus: one odd ordinary text among
// hundreds ("będziesz je tłukł do śmierci", of rats) should not set its threshold. Cross-fitted on the
// two halves of the validation split, this holds as many ordinary texts and 3 points more harm.
export const defaultPolicy: ThresholdPolicy = { rank: 2, margin: 0.5, heads: ['harmful'] };
const highest = (xs: number[], rank = 1) =>
	Math.max(0, [...xs.filter(Number.isFinite)].sort((a, b) => b - a)[rank - 1] ?? 0);
function crossFitMargin(xs: number[], policy: ThresholdPolicy): number {
	const even = highest(
		xs.filter((_, i) => i % 2 === 0),
		policy.rank
	);
	const odd = highest(
		xs.filter((_, i) => i % 2 === 1),
		policy.rank
	);
	return Math.max(policy.margin, Math.abs(even - odd) + 0.05);
}
const above = (xs: number[], policy: ThresholdPolicy, margin = policy.margin) => highest(xs, policy.rank) + margin;

/**
 * Calibration and thresholds for a trained model: Platt scaling per head on the validation split
 * (the harmful head also on PolEval texts held out in cross-validation, `heldOut`); each head holds
 * a text judged whole, or by one sentence, only above every ordinary validation text and fixture by
 * the cross-fitted margin; above that, the harmful head's pair is the one with the best F1 on
 * `heldOut`. `keep` carries over the harmful head's calibration when there is no `heldOut`.
 */
export function tune(
	t: Trained,
	data: Data,
	heldOut: Point[],
	keep?: HeadParams[],
	policy = defaultPolicy,
	validation = data.corpus.filter((c) => c.split === 'validation')
): HeadParams[] {
	const raw = asModel(t, identity());
	const vz = validation.map((c) => ({ c, r: rawScores(raw, c.text) }));
	const ordinary = vz.filter(({ c }) => c.label === 'ordinary').map(({ r }) => r);
	const fixtures = data.fixtures.map((text) => rawScores(raw, text));
	return heads.map((name, h) => {
		const points = vz
			.map(({ c, r }) => ({ z: r.whole[h], y: target(name, { source: 'corpus', label: c.label } as Example) }))
			.filter((p): p is { z: number; y: 0 | 1 } => p.y !== undefined);
		const kept = keep?.find((k) => k.name === name);
		const { a, b } =
			name === 'harmful' && !heldOut.length && kept
				? kept
				: platt(name === 'harmful' ? [...points, ...heldOut.map((p) => ({ z: p.whole, y: p.y }))] : points);
		const whole = ordinary.map((r) => r.whole[h]);
		const sentence = ordinary.map((r) => r.sentence[h]);
		// Fixtures (the tests' and the demo's ordinary texts) are never held: above the highest of them.
		const strict = { rank: 1, margin: policy.margin };
		const own = policy.heads && !policy.heads.includes(name) ? strict : policy;
		let tw = Math.max(
			above(whole, own, crossFitMargin(whole, own)),
			above(
				fixtures.map((r) => r.whole[h]),
				strict
			)
		);
		let ts = Math.max(
			tw,
			above(sentence, own, crossFitMargin(sentence, own)),
			above(
				fixtures.map((r) => r.sentence[h]),
				strict
			)
		);
		if (name === 'harmful' && heldOut.length) ({ tw, ts } = bestPair(heldOut, { whole: tw, sentence: ts }));
		const p = (z: number) => Math.min(sigmoid(a * z + b), 0.999);
		return { name, bias: t.bias[h], a, b, threshold: p(tw), sentenceThreshold: p(ts) };
	});
}

/** The thresholds at or above the given lowest ones with the best F1 on held-out points. */
function bestPair(points: Point[], minimum: { whole: number; sentence: number }): { tw: number; ts: number } {
	const grid = (min: number, xs: number[]) => {
		const sorted = [...new Set(xs.filter((x) => x >= min && Number.isFinite(x)))].sort((x, y) => x - y);
		return [min, ...sorted.filter((_, i) => i % Math.max(1, Math.floor(sorted.length / 80)) === 0)];
	};
	const positives = points.filter((p) => p.y).length;
	let best = { f1: -1, tw: minimum.whole, ts: minimum.sentence };
	for (const tw of grid(
		minimum.whole,
		points.map((p) => p.whole)
	)) {
		for (const ts of grid(
			Math.max(minimum.sentence, tw),
			points.map((p) => p.sentence)
		)) {
			let tp = 0,
				fp = 0;
			for (const p of points) {
				if (p.whole < tw && p.sentence < ts) continue;
				if (p.y) tp++;
				else fp++;
			}
			const f1 = (2 * tp) / (tp + fp + positives);
			if (f1 > best.f1) best = { f1, tw, ts };
		}
	}
	return best;
}

const first = (r: Raw) => ({ whole: r.whole[0], sentence: r.sentence[0] });

export interface FoldResult {
	/** Out-of-fold raw harmful scores, for the threshold. */
	heldOut: Point[];
	/** Per fold, the engine's verdict on each held-out tweet: insult, hate or threat found. */
	predictions: { y: 0 | 1; predicted: boolean }[];
}

const harmfulCategories = new Set(['insult', 'hate', 'threat']);

/**
 * 5-fold cross-validation on PolEval: each fold's model is trained on everything else (BAN-PL,
 * the corpus' training split, the other four folds) and tuned like the final one; the fold's
 * tweets then go through the whole engine (rules and that model), as `cli moderate` would.
 */
export function crossValidate(data: Data, lexicon: Set<string>, log = (s: string) => console.error(s)): FoldResult {
	const fold = folds(data.poleval.length);
	const heldOut: (Point & { fold: number })[] = [];
	const predictions: FoldResult['predictions'] = [];
	const models: Trained[] = [];
	for (let f = 0; f < 5; f++) {
		const t0 = Date.now();
		const t = quantised(train([...data.banpl, ...data.poleval.filter((_, i) => fold[i] !== f), ...data.corpusTrain]));
		models.push(t);
		const raw = asModel(t, identity());
		data.poleval.forEach((e, i) => {
			if (fold[i] === f) heldOut.push({ ...first(rawScores(raw, e.text)), y: e.harmful!, fold: f });
		});
		log(`  fold ${f + 1}/5 trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
	for (let f = 0; f < 5; f++) {
		// Each fold's thresholds come from the other folds' held-out scores only.
		const others = heldOut.filter((p) => p.fold !== f);
		const model = asModel(models[f], tune(models[f], data, others));
		data.poleval.forEach((e, i) => {
			if (fold[i] !== f) return;
			const findings = analyze(e.text, { lexicon, model });
			predictions.push({
				y: e.harmful!,
				predicted: findings.some((x) => x.severity !== 'info' && harmfulCategories.has(x.category))
			});
		});
	}
	return { heldOut, predictions };
}

export function scoresF1(predictions: { y: 0 | 1; predicted: boolean }[]) {
	let tp = 0,
		fp = 0,
		fn = 0;
	for (const p of predictions) {
		if (p.predicted && p.y) tp++;
		else if (p.predicted) fp++;
		else if (p.y) fn++;
	}
	const precision = tp / (tp + fp || 1);
	const recall = tp / (tp + fn || 1);
	return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), tp, fp, fn };
}
