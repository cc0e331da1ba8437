import type { Finding } from './findings';
import { tokenize, type Token } from './normalize';
import model from './model/ban-pl-model.json';

export interface Model {
	bias: number;
	threshold: number;
	weights: Record<string, number>;
}

/** Features of a text: matching-form words and neighbouring pairs (the same in training and use). */
export function features(text: string, tokens: Token[] = tokenize(text)): string[] {
	const forms = tokens
		.map((t) => t.form.replace(/\*/g, ''))
		.filter((f) => f.length >= 2 && f.length <= 30);
	const out = new Set<string>();
	for (let i = 0; i < forms.length; i++) {
		out.add(forms[i]);
		if (i > 0) out.add(`${forms[i - 1]}_${forms[i]}`);
	}
	return [...out];
}

export function score(m: Model, feats: string[]): number {
	let z = m.bias;
	for (const f of feats) z += m.weights[f] ?? 0;
	return 1 / (1 + Math.exp(-z));
}

const trained = model as Model;

/**
 * The BAN-PL model's opinion: above its threshold the text reads like content that professional
 * moderators removed (attacks, hate, violence). It may only hold a text for a person, never block.
 */
export function findHarmfulByModel(text: string, tokens?: Token[]): Finding[] {
	const p = score(trained, features(text, tokens));
	if (p < trained.threshold) return [];
	return [
		{
			rule: 'insult.model',
			category: 'insult',
			severity: 'hold',
			start: 0,
			end: text.length,
			message: `Ton wpisu przypomina treści usuwane przez moderatorów jako obraźliwe lub agresywne (ocena modelu: ${Math.round(p * 100)}%). Napisz to spokojniej i rzeczowo — moderator sprawdzi wpis.`
		}
	];
}
