import type { Finding } from './findings';

/** Mostly capitals, or runs of "!!!": a hint only, never a reason to hold. */
export function findShouting(text: string): Finding[] {
	const found: Finding[] = [];
	const letters = [...text].filter((c) => /\p{L}/u.test(c));
	const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
	if (letters.length >= 20 && upper / letters.length >= 0.7) {
		found.push({
			rule: 'shouting.capitals',
			category: 'shouting',
			severity: 'info',
			start: 0,
			end: text.length,
			message:
				'Tekst pisany wielkimi literami czyta się jak krzyk. Napisz go zwykłymi literami — zostanie lepiej odebrany.'
		});
	}
	for (const m of text.matchAll(/[!?]{3,}/g)) {
		found.push({
			rule: 'shouting.exclamations',
			category: 'shouting',
			severity: 'info',
			start: m.index,
			end: m.index + m[0].length,
			message: 'Jeden wykrzyknik wystarczy — seria wykrzykników brzmi jak krzyk.'
		});
	}
	return found;
}
