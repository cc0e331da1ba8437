import { z } from 'zod';
import { verdict } from './engine';
import { findingsFor, type WordList } from './word-lists';

const input = z.object({
	id: z.union([z.string(), z.number()]),
	text: z.string(),
	kind: z.enum(['post', 'comment']).default('post'),
	author: z.enum(['resident', 'new_member', 'unit']).default('resident')
});

/** UTF-16 offset → Unicode code point offset, so that text[start:end] works in any language. */
function codePointOffset(text: string, utf16: number): number {
	return [...text.slice(0, utf16)].length;
}

/**
 * One JSON line in, one JSON line out: the content verdict for that kind of author, with the
 * findings (spans in code points). Blanket policies that ignore the content are not applied.
 */
export function moderateLine(line: string, lexicon?: Set<string>, words: WordList = []): string {
	let parsed: z.infer<typeof input>;
	try {
		const r = input.safeParse(JSON.parse(line));
		if (!r.success)
			return JSON.stringify({
				id: null,
				error: {
					code: 'validation',
					message: `Błędne dane: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
				}
			});
		parsed = r.data;
	} catch {
		return JSON.stringify({ id: null, error: { code: 'validation', message: 'Wiersz nie jest poprawnym JSON-em.' } });
	}
	const findings = findingsFor(parsed.text, { lexicon, words });
	return JSON.stringify({
		id: parsed.id,
		decision: verdict(findings, parsed.author),
		categories: [...new Set(findings.map((f) => f.category))],
		findings: findings.map((f) => ({
			rule: f.rule,
			category: f.category,
			severity: f.severity,
			start: codePointOffset(parsed.text, f.start),
			end: codePointOffset(parsed.text, f.end),
			message: f.message
		}))
	});
}
