import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { newDataDir, startServer } from './harness';

/**
 * Builds the app, then seeds the demo once into a PGlite data dir that each test server starts
 * from a copy of (a server seeding its own takes 15–30 s; starting from a copy, 2–5 s).
 */
export default async function setup(project: TestProject) {
	ensureBuild();
	const dir = newDataDir();
	const server = await startServer({ dataDir: dir });
	await server.stop({ keepData: true });
	project.provide('demoDataDir', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
