// Builds the app when the build is missing or older than the sources, and `npm run build`.
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

/**
 * Lines a build prints on stderr that are known not to be problems. Only these exact lines: every other
 * warning still shows.
 * - adapter-node 5.5.7 bundles the server with Rollup, keeping each file of SvelteKit's server output as
 *   its own chunk. SvelteKit 2.70 builds its environment module (`__sveltekit/env`, used only with
 *   `experimental.explicitEnvironmentVariables`) as `chunks/env.js`; without that flag nothing reads it,
 *   Rollup tree-shakes it to nothing and warns. No app module is involved and neither package has an
 *   option for it (no `onwarn` reaches the adapter's Rollup).
 * - The same bundling keeps `chunks/live.js`, SvelteKit's server copy of `src/lib/live.ts`, which several
 *   pages share: it holds only browser code (live streams, view counting) that those pages call in
 *   `onMount`, which the server render drops, so on the server the chunk is empty.
 */
export const knownNoise = [
	/^Generated an empty chunk: "chunks\/env\.js"\.$/,
	/^Generated an empty chunk: "chunks\/live\.js"\.$/
];

/** @param {string} text @returns {string} */
export function withoutNoise(text) {
	return text
		.split(/(?<=\n)/)
		.filter((line) => !knownNoise.some((re) => re.test(line.replace(/\r?\n$/, ''))))
		.join('');
}

// NODE_ENV decides whether Svelte compiles its development checks in: never for a build that runs.
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const quietArgs = ['build', '--logLevel', 'warn'];
// Its output is piped (to leave out noise): keep the colours a terminal would have shown.
const env = () => ({ ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...process.env, NODE_ENV: 'production' });

/**
 * For tests and benchmarks: builds when needed, synchronously. Warnings and errors (stderr) show;
 * SvelteKit's notes on stdout ("Run npm run preview…", "> Using @sveltejs/adapter-node") only when the
 * build fails.
 */
export function ensureBuild() {
	if (!needsBuild()) return;
	console.log('Budowanie aplikacji (vite build)…');
	const r = spawnSync(process.execPath, [viteBin, ...quietArgs], {
		cwd: root,
		env: env(),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (r.status !== 0) process.stdout.write(r.stdout ?? '');
	process.stderr.write(withoutNoise(r.stderr ?? ''));
	if (r.status !== 0) throw new Error('vite build failed');
}

/**
 * Runs `vite build` without blocking the event loop (`npm start` answers on its port meanwhile).
 * stderr passes through line by line without the known noise; stdout (vite's file list, SvelteKit's
 * notes) passes through when `verbose`, else shows only if the build fails.
 * @param {{ verbose?: boolean }} [options]
 * @returns {Promise<void>}
 */
export function build({ verbose = false } = {}) {
	if (!verbose) console.log('Budowanie aplikacji (vite build)…');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [viteBin, ...(verbose ? ['build'] : quietArgs)], {
			cwd: root,
			env: env(),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		/** @type {Buffer[]} */
		const held = [];
		child.stdout.on('data', (chunk) => (verbose ? process.stdout.write(chunk) : held.push(chunk)));
		let partial = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk) => {
			const lines = (partial + chunk).split(/(?<=\n)/);
			partial = lines.at(-1)?.endsWith('\n') ? '' : (lines.pop() ?? '');
			process.stderr.write(withoutNoise(lines.join('')));
		});
		child.on('error', reject);
		child.on('close', (code) => {
			process.stderr.write(withoutNoise(partial));
			if (code === 0) return resolve();
			if (!verbose) process.stdout.write(Buffer.concat(held));
			reject(new Error('vite build failed'));
		});
	});
}
