import { describe, expect, it } from 'vitest';
import { findHarmfulByModel, heads, loadModel, scoreText, shippedModel, type HeadParams } from './classifier';
import { sentenceFeatures, textBuckets } from './features';
import { analyze, verdict } from './engine';
import { asModel, BITS, example, store, train } from './training';

describe('features', () => {
	it('are the same for the same word however it is written', () => {
		expect([...textBuckets('ZŁODZIEJ!', BITS)]).toEqual([...textBuckets('zlodziej', BITS)]);
		expect([...textBuckets('Złodzieeej', BITS)]).toEqual([...textBuckets('złodziej', BITS)]);
		expect([...textBuckets('złodziej', BITS)]).not.toEqual([...textBuckets('złodzieje', BITS)]);
	});

	it('are character 2–5-grams of each padded word, the word, and word pairs', () => {
		// " ab " has 3 + 2 + 1 = 6 n-grams of 2–4 characters (5-grams need 5), plus the word itself.
		expect(textBuckets('ab', BITS)).toHaveLength(7);
		// Two such words and their pair.
		expect(textBuckets('ab cd', BITS)).toHaveLength(15);
		expect(textBuckets('', BITS)).toHaveLength(0);
	});

	it('cut a text into sentences with their spans', () => {
		const text = 'Droga do Guzowa jest dziurawa. Ty złodzieju!\nCo z tym zrobicie?';
		const spans = sentenceFeatures(text, BITS).map((s) => text.slice(s.start, s.end).trim());
		expect(spans).toEqual(['Droga do Guzowa jest dziurawa.', 'Ty złodzieju!', 'Co z tym zrobicie?']);
	});
});

describe('training', () => {
	const texts = [
		...['ty złodzieju jeden', 'jesteś zwykłym złodziejem', 'złodziej i kłamca z ciebie', 'ty kłamco i złodzieju'].map(
			(t) => example(t, 'corpus', { label: 'insult' })
		),
		...[
			'zebranie wiejskie w piątek',
			'dziękuję za informację',
			'droga do szkoły jest zamknięta',
			'festyn w sobotę o 15'
		].map((t) => example(t, 'corpus', { label: 'ordinary' }))
	];
	const params = heads.map((name) => ({ name, a: 1, b: 0, threshold: 0.5, sentenceThreshold: 0.5 })) as Omit<
		HeadParams,
		'bias'
	>[];

	it('is deterministic and learns the examples', () => {
		const one = train(texts, { epochs: 3 });
		const two = train(texts, { epochs: 3 });
		expect(Buffer.compare(Buffer.from(one.weights.buffer), Buffer.from(two.weights.buffer))).toBe(0);
		expect(one.weights.some((w) => w !== 0)).toBe(true);
		const model = asModel(one, params);
		const insult = heads.indexOf('insult');
		expect(scoreText(model, 'ty złodzieju')[insult].p).toBeGreaterThan(0.5);
		expect(scoreText(model, 'zebranie w piątek')[insult].p).toBeLessThan(0.5);
	});

	it('stores one byte a weight and scores the same after loading', () => {
		const trained = train(texts, { epochs: 3 });
		const loaded = loadModel(store(trained, params));
		const memory = asModel(trained, params);
		for (const text of ['ty złodzieju', 'zebranie wiejskie', 'kłamca']) {
			const a = scoreText(loaded, text).map((s) => s.p);
			const b = scoreText(memory, text).map((s) => s.p);
			a.forEach((p, i) => expect(p).toBeCloseTo(b[i], 2));
		}
	});
});

describe('the committed model', () => {
	const model = shippedModel();

	it('has every head, calibrated, with a threshold', () => {
		expect(model.heads.map((h) => h.name)).toEqual([...heads]);
		for (const h of model.heads) {
			expect(h.a).toBeGreaterThan(0);
			expect(h.threshold).toBeGreaterThan(0.3);
			expect(h.threshold).toBeLessThan(1);
		}
		expect(model.weights.length).toBe((1 << model.bits) * heads.length);
	});

	it('holds an insult hidden in a long, calm post, pointing at its sentence and words, without a score for the author', () => {
		const calm =
			'W sobotę było zebranie wiejskie w świetlicy. Rozmawialiśmy o drodze do Guzowa i o nowych lampach. Sołtys obiecał, że napisze do gminy.';
		const text = `${calm} A ten nasz wójt to zwykły złodziej i pijak, nierób jeden. Zebranie skończyło się o 20.`;
		const found = findHarmfulByModel(text);
		const insult = found.find((f) => f.category === 'insult' || f.category === 'hate');
		expect(insult).toBeDefined();
		expect(text.slice(insult!.start, insult!.end)).toBe('A ten nasz wójt to zwykły złodziej i pijak, nierób jeden.');
		expect(insult!.message).toMatch(/zwłaszcza: „/);
		expect(insult!.message).not.toMatch(/%|model/);
		expect(insult!.score).toBeGreaterThan(0.3);
		expect(findHarmfulByModel(calm)).toEqual([]);
	});

	it('lets calm local texts through and only ever holds', () => {
		for (const text of [
			'Dziękujemy wszystkim za udział w sprzątaniu parku w Guzowie.',
			'Sprzedam drewno kominkowe, tel. 600 123 456.',
			'Czy ktoś wie, do której czynna jest apteka w sobotę?'
		]) {
			expect(findHarmfulByModel(text)).toEqual([]);
		}
		const text = 'Ty kłamco i złodzieju, wszyscy wiedzą, że kradniesz nasze pieniądze!';
		expect(findHarmfulByModel(text).every((f) => f.severity === 'hold')).toBe(true);
		expect(verdict(analyze(text), 'resident')).toBe('hold');
	});
});
