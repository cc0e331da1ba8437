import { describe, expect, it } from 'vitest';
import { moderateLine } from './moderate-lines';
import { compileWordList } from './word-lists';
import { demoWordList } from '../demo/content';

describe('cli moderate: one JSON line per input', () => {
	it('gives the verdict for the author kind, with spans in code points', () => {
		const out = JSON.parse(
			moderateLine(JSON.stringify({ id: 7, text: '👏 Zajebisty festyn', kind: 'comment', author: 'resident' }))
		);
		expect(out).toMatchObject({ id: 7, decision: 'hold', categories: ['vulgarity'] });
		expect(out.findings[0]).toMatchObject({
			rule: 'vulgarity.word',
			category: 'vulgarity',
			severity: 'hold',
			start: 2,
			end: 11
		});
		expect([...'👏 Zajebisty festyn'].slice(out.findings[0].start, out.findings[0].end).join('')).toBe('Zajebisty');
		expect(
			JSON.parse(moderateLine(JSON.stringify({ id: 'u', text: 'Zajebisty festyn', kind: 'post', author: 'unit' })))
				.decision
		).toBe('publish');
		expect(
			JSON.parse(
				moderateLine(JSON.stringify({ id: 'n', text: 'Festyn w sobotę o 15:00', kind: 'post', author: 'new_member' }))
			)
		).toEqual({ id: 'n', decision: 'publish', categories: [], findings: [] });
	});

	it('answers a broken line with an error line, keeping the order', () => {
		expect(JSON.parse(moderateLine('{nie json'))).toEqual({
			id: null,
			error: { code: 'validation', message: 'Wiersz nie jest poprawnym JSON-em.' }
		});
		expect(JSON.parse(moderateLine('{"text":"x"}')).error.code).toBe('validation');
	});
});

describe('cli moderate with the demo group word list', () => {
	const words = compileWordList(demoWordList.map((w, i) => ({ id: String(i), ...w })));
	const run = (text: string, author = 'resident') =>
		JSON.parse(moderateLine(JSON.stringify({ id: 1, text, kind: 'post', author }), undefined, words));

	it('holds its words, blocks the BLIK scam even for units, and allows polling-station notices', () => {
		expect(run('Ale z niego DZBAN')).toMatchObject({
			decision: 'hold',
			categories: expect.arrayContaining(['word_list'])
		});
		expect(run('Ale z niego DZBAN').findings.find((f: { rule: string }) => f.rule === 'word_list.hold')).toMatchObject({
			start: 4,
			end: 17
		});
		expect(run('Cześć, wyślij mi kod BLIK, oddam jutro', 'unit')).toMatchObject({ decision: 'hold' });
		expect(run('Wybory do Sejmu: lokale wyborcze w gminie otwarte od 7:00.')).toMatchObject({
			decision: 'publish',
			categories: []
		});
		expect(run('Wybory do Sejmu to farsa')).toMatchObject({ decision: 'hold', categories: ['national_politics'] });
		expect(run('Nielegalne wysypisko przy lesie')).toMatchObject({
			decision: 'publish',
			findings: [{ rule: 'word_list.flag', severity: 'info' }]
		});
	});
});
