import { describe, expect, it } from 'vitest';
import { categoryLabel, detectedBy } from './findings';

describe('what the queue says found a problem', () => {
	it('names every category in Polish', () => {
		for (const c of [
			'vulgarity',
			'insult',
			'hate',
			'threat',
			'national_politics',
			'spam',
			'link',
			'commercial',
			'personal_data',
			'misinformation',
			'shouting',
			'word_list'
		]) {
			expect(categoryLabel(c)).toMatch(/^[A-ZŁŚŻ][a-ząćęłńóśźż ]+$/);
		}
		expect(categoryLabel('national_politics')).toBe('Polityka krajowa');
	});

	it('tells a rule, the group’s list and the model apart, with the model’s certainty', () => {
		expect(detectedBy({ rule: 'threat.violence' })).toBe('reguła');
		expect(detectedBy({ rule: 'word_list.block' })).toBe('lista słów grupy');
		expect(detectedBy({ rule: 'model.insult', score: 0.874 })).toBe('model językowy, pewność 87 %');
		expect(detectedBy({ rule: 'model.insult' })).toBe('model językowy');
	});
});
