// Builds the app when the build is missing or older than the sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** @param {string} dir @returns {number} */
function newest(dir) {
	let t = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

/** The build is missing or older than the sources. */
export function needsBuild() {
	const built = path.join(root, 'build', 'handler.js');
	const sources = () =>
		Math.max(
			newest(path.join(root, 'src')),
			newest(path.join(root, 'static')),
			...['package.json', 'svelte.config.js', 'vite.config.ts'].map((f) => statSync(path.join(root, f)).mtimeMs)
		);
	return !(existsSync(built) && sources() <= statSync(built).mtimeMs);
}

// NODE_ENV decides whether Svelte compiles its development checks in: never for a build that runs.
const viteBuild = [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'];
/** @returns {import('node:child_process').SpawnOptions} */
const buildOptions = () => ({ cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

export function ensureBuild() {
	if (!needsBuild()) return;
	console.log('Budowanie aplikacji (vite build)…');
	const r = spawnSync(process.execPath, viteBuild, buildOptions());
	if (r.status !== 0) throw new Error('vite build failed');
}

/**
 * Builds without blocking the event loop (`npm start` answers on its port meanwhile).
 * @returns {Promise<void>}
 */
export function build() {
	console.log('Budowanie aplikacji (vite build)…');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, viteBuild, buildOptions());
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('vite build failed'))));
	});
}
