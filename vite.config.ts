import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * SvelteKit's server hashes every rendered page twice in JavaScript: SHA-256 of the inline script
 * for the CSP (a pure-JS implementation, as it also runs in other runtimes) and djb2 over the
 * whole HTML for the ETag. On Node the same SHA-256 (same base64) and a page hash come from the
 * native `node:crypto`, several times faster on a 77 kB page. Server build only; the browser's
 * code and the hash of fetched data (which the browser recomputes) are left as they are.
 */
function nativePageHashes(): Plugin {
	return {
		name: 'tablica:native-page-hashes',
		enforce: 'pre',
		transform(code, id, options) {
			if (!options?.ssr) return null;
			if (id.endsWith('/@sveltejs/kit/src/runtime/server/page/crypto.js'))
				return `import { createHash } from 'node:crypto';
export const sha256 = (data) => createHash('sha256').update(data, 'utf8').digest('base64');`;
			if (id.endsWith('/@sveltejs/kit/src/runtime/server/page/render.js')) {
				const etag = 'headers.set(\'etag\', `"${hash(transformed)}"`);';
				if (!code.includes(etag)) throw new Error('SvelteKit render.js changed: revisit tablica:native-page-hashes');
				return `import { createHash as __tablicaHash } from 'node:crypto';\n${code.replace(
					etag,
					"headers.set('etag', `\"${__tablicaHash('sha1').update(transformed).digest('base64url').slice(0, 16)}\"`);"
				)}`;
			}
			return null;
		}
	};
}

export default defineConfig({
	plugins: [nativePageHashes(), sveltekit()],
	build: {
		rolldownOptions: {
			// `npm start` builds on a first run: no report of slow plugins (a loaded machine's timing,
			// not a problem) to bury the progress lines.
			checks: { bundlerTimings: false }
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: true,
		maxWorkers: 2
	}
});
