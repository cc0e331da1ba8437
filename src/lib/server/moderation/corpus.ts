import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's own corpus of Polish local-group texts (`corpus/*.jsonl`), written for it: ordinary
 * posts and comments that must be published and harmful ones by category. Used to train the model,
 * choose its thresholds and measure the engine; never shown to users.
 */
export const harmfulLabels = [
	'vulgarity',
	'insult',
	'hate',
	'threat',
	'spam',
	'misinformation',
	'national_politics'
] as const;
export type HarmfulLabel = (typeof harmfulLabels)[number];
export type CorpusLabel = 'ordinary' | HarmfulLabel;
export type Split = 'train' | 'validation' | 'test';

export interface CorpusItem {
	text: string;
	label: CorpusLabel;
	author: 'resident' | 'unit';
	kind: 'post' | 'comment';
	split: Split;
	file: string;
}

export const corpusDir = path.resolve('src/lib/server/moderation/corpus');

// FNV-1a of the text with a fixed seed: an item keeps its split when the corpus grows.
function splitOf(text: string): Split {
	let h = 0x811c9dc5 ^ 2026;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	const bucket = (h >>> 0) % 100;
	return bucket < 60 ? 'train' : bucket < 80 ? 'validation' : 'test';
}

const labels = new Set<string>(['ordinary', ...harmfulLabels]);

/** Every item of the corpus with its split (60 % train, 20 % validation, 20 % test); duplicates dropped. */
export function loadCorpus(dir = corpusDir): CorpusItem[] {
	if (!existsSync(dir)) return [];
	const seen = new Set<string>();
	const items: CorpusItem[] = [];
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.jsonl'))
		.sort()) {
		const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
		lines.forEach((line, i) => {
			if (!line.trim()) return;
			const o = JSON.parse(line) as Partial<CorpusItem>;
			if (
				typeof o.text !== 'string' ||
				!labels.has(o.label as string) ||
				(o.author !== 'resident' && o.author !== 'unit') ||
				(o.kind !== 'post' && o.kind !== 'comment')
			) {
				throw new Error(`${file}:${i + 1}: expected {text, label, author, kind}`);
			}
			const key = o.text.trim().toLowerCase();
			if (seen.has(key)) return;
			seen.add(key);
			items.push({
				text: o.text,
				label: o.label as CorpusLabel,
				author: o.author,
				kind: o.kind,
				split: splitOf(key),
				file
			});
		});
	}
	return items;
}
