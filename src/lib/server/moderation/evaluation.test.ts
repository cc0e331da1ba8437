import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { harmfulLabels, loadCorpus } from './corpus';
import { loadLexicon } from './engine';
import { evaluate } from './evaluation';
import recorded from './model/evaluation.json';

const lexicon = loadLexicon(path.resolve(process.env.REFERENCE_DATA_DIR ?? '../shared/data'));
const corpus = loadCorpus();

describe('the corpus', () => {
	it('has at least 1 000 ordinary and 800 harmful texts, every category, split 60/20/20', () => {
		expect(corpus.filter((c) => c.label === 'ordinary').length).toBeGreaterThanOrEqual(1000);
		expect(corpus.filter((c) => c.label !== 'ordinary').length).toBeGreaterThanOrEqual(800);
		for (const label of harmfulLabels)
			expect(corpus.filter((c) => c.label === label).length, label).toBeGreaterThanOrEqual(50);
		const share = (s: string) => corpus.filter((c) => c.split === s).length / corpus.length;
		expect(share('train')).toBeCloseTo(0.6, 1);
		expect(share('test')).toBeCloseTo(0.2, 1);
	});
});

// `npm run eval:moderation` records the figures with the committed model; a change to the rules
// or the model may not hold more ordinary texts of the test split, nor lose more than two points
// of recall in any category.
describe('the engine on the test split, against the recorded figures', () => {
	const figures = evaluate(
		corpus.filter((c) => c.split === 'test'),
		{ lexicon }
	);

	it('holds no more ordinary texts than recorded', () => {
		const held = figures.judged.filter((j) => j.item.label === 'ordinary' && j.held).map((j) => j.item.text);
		expect(held.length, held.join('\n')).toBeLessThanOrEqual(recorded.ordinary.held);
		expect(figures.ordinary.total).toBe(recorded.ordinary.total);
	});

	it('keeps each category’s recall within two points', () => {
		for (const c of figures.categories) {
			const before = recorded.categories[c.label];
			expect(c.total, c.label).toBe(before.total);
			expect(c.recall, c.label).toBeGreaterThanOrEqual(before.recall - 0.02);
		}
	});
});
