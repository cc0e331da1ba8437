import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { commentsByTopic, questionsByTopic, residentPosts, villages, wiskitkiUnits, type Topic } from './content';
import { commentFor, monthOf, planPosts, questionFor } from './post-plan';

const now = new Date('2026-12-02T10:00:00Z');
// As the seed plans them: Wiskitki with its units, the two neighbours without.
const groups = [
	{ count: 400, units: wiskitkiUnits },
	{ count: 60, units: [] },
	{ count: 45, units: [] }
];

describe('the demo’s posts', () => {
	for (const seed of [20261126, 1, 42]) {
		const plans = groups.map((g) => planPosts(seededRandom(seed), now, g.count, g.units));

		it(`no post repeated in a group, and most of those asked for made (seed ${seed})`, () => {
			for (const [i, plan] of plans.entries()) {
				expect(new Set(plan.map((p) => p.body)).size).toBe(plan.length);
				expect(plan.length).toBeGreaterThanOrEqual(Math.floor(groups[i].count * 0.6));
			}
		});

		it(`every post fits its month: no snow in July, no summer camp in January (seed ${seed})`, () => {
			for (const p of plans.flat()) {
				const month = monthOf(p.at);
				if (/odśnież|pług|Zima w pełni|Ferie zimowe|czujnik|sezon grzewczy/i.test(p.body))
					expect([10, 11, 12, 1, 2, 3], p.body).toContain(month);
				if (/półkolonie|Upały|truskawki|Festyn|Wakacje|kąpielisk/i.test(p.body))
					expect([5, 6, 7, 8], p.body).toContain(month);
				if (/Bociany|wypalajcie traw/.test(p.body)) expect([3, 4], p.body).toContain(month);
				if (/Świąt Bożego Narodzenia|Jasełka|jarmark bożonarodzeniowy/.test(p.body))
					expect([10, 11, 12], p.body).toContain(month);
			}
		});

		it(`texts are filled and in correct Polish cases (seed ${seed})`, () => {
			for (const p of plans.flat()) {
				expect(p.body, p.body).not.toMatch(/[{}]/);
				// "w Guzów", "w Miedniewice": a village's name after "w" must be in the locative.
				for (const v of villages) expect(p.body, p.body).not.toContain(`w ${v} `);
				expect(p.body).not.toMatch(new RegExp(`\\bw (${villages.join('|')})[ .,!?–]`));
			}
			expect(plans[0].some((p) => p.unit !== null)).toBe(true);
			expect(plans[1].every((p) => p.unit === null)).toBe(true);
		});
	}

	it('comments under a post answer its subject: each topic has its own, and every post’s topic has comments', () => {
		const topics = new Set<Topic>([
			...wiskitkiUnits.flatMap((u) => u.posts.map((p) => p.topic)),
			...residentPosts.map((p) => p.topic)
		]);
		for (const t of topics) expect(commentsByTopic[t].length, t).toBeGreaterThan(0);
		const r = seededRandom(7);
		// Congratulations go under successes, never under a water cut or a lost dog.
		for (let i = 0; i < 200; i++) {
			expect(commentFor(r, 'water')).not.toMatch(/Gratul|Brawo/);
			expect(commentFor(r, 'lost')).not.toMatch(/Gratul|Będziemy/);
			expect(commentFor(r, 'success')).not.toMatch(/\?/);
		}
		// A unit's answer belongs to its question.
		for (const qs of Object.values(questionsByTopic))
			for (const [q, a] of qs!) expect(q.endsWith('?') && a.length > 0).toBe(true);
		expect(questionFor(r, 'nature')).toBeNull();
	});
});
