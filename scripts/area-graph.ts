// npm run graph [-- --check | --write]: the dependency graph between the server's areas
// (`src/lib/server/<area>/`), from the imports of every non-test module. `--check` fails on a cycle;
// `--write` puts the graph (Mermaid) into docs/architecture.md between its markers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'src/lib/server');
const shared = path.join(root, 'src/lib');

function modules(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
		.map((e) => path.join(e.parentPath, e.name));
}

/** `core`, `feed`, …; modules of `src/lib` outside `server/` are the shared `lib`. */
function areaOf(file: string): string | null {
	if (file.startsWith(server + path.sep)) {
		const rel = path.relative(server, file).split(path.sep);
		return rel.length > 1 ? rel[0] : `(${rel[0]})`;
	}
	if (file.startsWith(shared + path.sep)) return 'lib';
	return null;
}

function resolve(spec: string, from: string): string | null {
	if (spec.startsWith('$lib/')) return path.join(shared, spec.slice(5));
	if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec);
	return null;
}

// `import type` is left out: types are erased, so they couple no behaviour and load nothing.
const importRe = /(?:import|export)\s+(?!type\s)[^'";]*?\s+from\s+'([^']+)'|import\('([^']+)'\)/g;

/** Which module imports which, per pair of areas: "feed->moderation" → ["feed/posts.ts → moderation/screen.ts"]. */
export const because = new Map<string, string[]>();

export function areaGraph(): Map<string, Set<string>> {
	const edges = new Map<string, Set<string>>();
	for (const file of modules(server)) {
		const from = areaOf(file);
		if (!from || from === 'testing') continue;
		if (!edges.has(from)) edges.set(from, new Set());
		for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
			const target = resolve(m[1] ?? m[2], file);
			const to = target && areaOf(target);
			if (to && to !== from && to !== 'lib') {
				edges.get(from)!.add(to);
				const key = `${from}->${to}`;
				because.set(key, [
					...(because.get(key) ?? []),
					`${path.relative(server, file)} → ${path.relative(server, target)}`
				]);
			}
		}
	}
	return edges;
}

/** Strongly connected components with more than one area (Tarjan). */
export function cycles(edges: Map<string, Set<string>>): string[][] {
	let index = 0;
	const stack: string[] = [];
	const info = new Map<string, { index: number; low: number; onStack: boolean }>();
	const found: string[][] = [];
	const visit = (v: string) => {
		info.set(v, { index, low: index, onStack: true });
		index++;
		stack.push(v);
		for (const w of edges.get(v) ?? []) {
			if (!info.has(w)) {
				visit(w);
				info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
			} else if (info.get(w)!.onStack) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
		}
		if (info.get(v)!.low === info.get(v)!.index) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				info.get(w)!.onStack = false;
				component.push(w);
			} while (w !== v);
			if (component.length > 1) found.push(component.sort());
		}
	};
	for (const v of [...edges.keys()].sort()) if (!info.has(v)) visit(v);
	return found;
}

/** Each area's dependencies, without the ones implied through another (transitive reduction). */
function mermaid(edges: Map<string, Set<string>>): string {
	const reach = (from: string, skip: string): boolean => {
		const seen = new Set<string>();
		const walk = (v: string): boolean => {
			for (const w of edges.get(v) ?? []) {
				if (v === from && w === skip) continue;
				if (w === skip) return true;
				if (!seen.has(w)) {
					seen.add(w);
					if (walk(w)) return true;
				}
			}
			return false;
		};
		return walk(from);
	};
	const lines = ['```mermaid', 'graph TD'];
	for (const [from, tos] of [...edges].sort(([a], [b]) => a.localeCompare(b)))
		for (const to of [...tos].sort()) if (!reach(from, to)) lines.push(`  ${from} --> ${to}`);
	lines.push('```');
	return lines.join('\n');
}

const edges = areaGraph();
const found = cycles(edges);
const args = process.argv.slice(2);
const docFile = path.join(root, 'docs/architecture.md');
const doc = readFileSync(docFile, 'utf8');
const start = '<!-- area-graph:start -->';
const end = '<!-- area-graph:end -->';
const i = doc.indexOf(start);
const j = doc.indexOf(end);
if (i < 0 || j < 0) throw new Error(`docs/architecture.md has no ${start} … ${end} markers`);
const drawn = `${doc.slice(0, i + start.length)}\n${mermaid(edges)}\n${doc.slice(j)}`;
if (args.includes('--write')) writeFileSync(docFile, drawn);
else if (args.includes('--check') && drawn !== doc) {
	console.error('docs/architecture.md shows an older graph of the areas: run `npm run graph`.');
	process.exitCode = 1;
} else if (!args.includes('--check')) console.log(mermaid(edges));
if (found.length) {
	console.error('Cycles between areas (each area of a group reaches every other):');
	for (const c of found) {
		console.error(`  ${c.join(', ')}`);
		for (const [key, why] of because) {
			const [a, b] = key.split('->');
			if (c.includes(a) && c.includes(b)) console.error(`    ${key}: ${why.join('; ')}`);
		}
	}
	if (args.includes('--check')) process.exit(1);
} else if (args.includes('--check') && !process.exitCode) console.log(`No cycles between ${edges.size} areas.`);
