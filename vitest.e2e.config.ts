import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 240_000,
		fileParallelism: false,
		// Pages answer slower on a loaded 2-core machine: wait for a condition, never a second.
		expect: { poll: { timeout: 20_000, interval: 100 } },
		globalSetup: ['tests/e2e/global-setup.ts']
	}
});
