import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Svelte 5 drops the whitespace at the start of a block's content, so `{label}{#if end}⏎ do {end}`
// renders "wyciszeniedo 9 grudnia". Text glued to what precedes a block needs an explicit {' '}.
const glued = /[^\s>](\{(?:#if|:else if|:else|#each)[^}]*\})\n\s+[^\s<{]/g;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(path.join(dir, e.name)) : e.name.endsWith('.svelte') ? [path.join(dir, e.name)] : []
	);
}

describe('Svelte templates', () => {
	it('never glue a word to the text before a block (the block trims its leading space)', () => {
		const root = path.resolve(import.meta.dirname, '..');
		const found = svelteFiles(root).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(glued)].map((m) => `${path.relative(root, file)}: ${m[0].trim()}`)
		);
		expect(found).toEqual([]);
	});
});
