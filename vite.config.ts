import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: {
			// `npm start` builds on a first run: no timing report and no note about the empty chunk
			// SvelteKit's env module leaves, which are not problems and only bury the progress lines.
			checks: { bundlerTimings: false },
			onwarn(warning, warn) {
				if (warning.code === 'EMPTY_BUNDLE') return;
				warn(warning);
			}
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
