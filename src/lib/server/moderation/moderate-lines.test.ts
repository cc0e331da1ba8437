import { describe, expect, it } from 'vitest';
import { moderateLine } from './moderate-lines';

describe('cli moderate: one JSON line per input', () => {
	it('gives the verdict for the author kind, with spans in code points', () => {
		const out = JSON.parse(moderateLine(JSON.stringify({ id: 7, text: '👏 Zajebisty festyn', kind: 'comment', author: 'resident' })));
		expect(out).toMatchObject({ id: 7, decision: 'hold', categories: ['vulgarity'] });
		expect(out.findings[0]).toMatchObject({ rule: 'vulgarity.word', category: 'vulgarity', severity: 'hold', start: 2, end: 11 });
		expect([...'👏 Zajebisty festyn'].slice(out.findings[0].start, out.findings[0].end).join('')).toBe('Zajebisty');
		expect(JSON.parse(moderateLine(JSON.stringify({ id: 'u', text: 'Zajebisty festyn', kind: 'post', author: 'unit' }))).decision).toBe('publish');
		expect(JSON.parse(moderateLine(JSON.stringify({ id: 'n', text: 'Festyn w sobotę o 15:00', kind: 'post', author: 'new_member' })))).toEqual({ id: 'n', decision: 'publish', categories: [], findings: [] });
	});

	it('answers a broken line with an error line, keeping the order', () => {
		expect(JSON.parse(moderateLine('{nie json'))).toEqual({ id: null, error: { code: 'validation', message: 'Wiersz nie jest poprawnym JSON-em.' } });
		expect(JSON.parse(moderateLine('{"text":"x"}')).error.code).toBe('validation');
	});
});
