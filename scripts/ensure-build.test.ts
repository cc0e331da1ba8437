import { describe, expect, it } from 'vitest';
import { withoutNoise } from './ensure-build.mjs';

describe('withoutNoise', () => {
	it("drops only the adapter's empty-chunk notes about SvelteKit's env module and the browser-only live module", () => {
		const stderr = [
			'Generated an empty chunk: "chunks/env.js".',
			'Generated an empty chunk: "chunks/live.js".',
			'Generated an empty chunk: "chunks/feed.js".',
			'[plugin vite:resolve] Module "node:fs" has been externalized',
			''
		].join('\n');
		expect(withoutNoise(stderr)).toBe(
			'Generated an empty chunk: "chunks/feed.js".\n[plugin vite:resolve] Module "node:fs" has been externalized\n'
		);
	});

	it('keeps a partial line and Windows line ends intact', () => {
		expect(withoutNoise('Generated an empty chunk: "chunks/env.js".\r\nerror: x')).toBe('error: x');
	});
});
