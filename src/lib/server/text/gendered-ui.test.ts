import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { genderedForms } from './gendered';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? files(p, ext) : ext.test(e.name) && !e.name.includes('.test.') ? [p] : [];
	});
}

describe('gender-neutral interface texts', () => {
	it('no page, component or notification speaks to the reader in a gendered form ("zakładałeś", "Zostałeś", "Pan")', () => {
		const sources = [
			...files(path.join(root, 'routes'), /\.(svelte|ts)$/),
			...files(path.join(root, 'lib/components'), /\.svelte$/),
			path.join(root, 'lib/server/notify/notifications.ts'),
			path.join(root, 'lib/server/access/policy.ts'),
			path.join(root, 'lib/server/moderation/reports.ts'),
			path.join(root, 'lib/server/moderation/screen.ts')
		];
		const found = Object.fromEntries(
			sources
				.map((f) => [path.relative(root, f), genderedForms(readFileSync(f, 'utf8'))] as const)
				.filter(([, forms]) => forms.length)
		);
		expect(found).toEqual({});
	});
});
