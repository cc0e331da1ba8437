import { describe, expect, it } from 'vitest';
import { findHarmfulByModel, features } from './classifier';
import { analyze, verdict } from './engine';

describe('the BAN-PL model', () => {
	it('holds an aggressive text for a person, and only holds', () => {
		const [f] = findHarmfulByModel('Zamknij ryj, nikt cię nie pyta');
		expect(f).toMatchObject({ rule: 'insult.model', category: 'insult', severity: 'hold', start: 0, end: 30 });
		expect(f.message).toMatch(/ocena modelu: \d+%/);
		expect(verdict(analyze('Zamknij ryj, nikt cię nie pyta'), 'resident')).toBe('hold');
		expect(verdict(analyze('Zamknij ryj, nikt cię nie pyta'), 'unit')).toBe('publish');
	});

	it('lets calm local texts through', () => {
		expect(findHarmfulByModel('Dziękujemy wszystkim za udział w sprzątaniu parku w Guzowie.')).toEqual([]);
	});

	it('uses matching forms and word pairs as features', () => {
		expect(features('Zamknij ryj!')).toEqual(['zamknij', 'ryj', 'zamknij_ryj']);
	});
});
