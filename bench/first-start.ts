// First start (issue 16): a fresh PGlite data dir, the built server with the demo seed and the
// reference data, as `npm start` runs it. Times the first answer (the "starting" page) and the
// first 200 on `/` from the process's spawn, with the stages the server logs; then each of the four
// documents a council gets, cold: every measured request is the first document request of a freshly
// started process on the same data dir (the documents and the fonts are kept per process).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './common';
import { root } from '../scripts/ensure-build.mjs';

export const COUNCIL_PDFS = [
	'/pliki/opis-pakietu/wiskitki.pdf',
	'/pliki/prezentacja/wiskitki.pdf',
	'/pliki/raport-jednostek/wiskitki.pdf',
	'/pliki/umowa-wzor/umowa.pdf'
];

export interface FirstStartResult {
	referenceData: string | null;
	/** From spawn: the port answers (503, the "starting" page). */
	firstAnswerMs: number;
	/** From spawn: `/` answers 200. */
	first200Ms: number;
	/** The stages the server logged in its "ready" line (database open, migrations, lexicon, TERYT, demo, jobs). */
	stages: Record<string, number>;
	/** The demo seed's own progress lines, with the seconds each printed. */
	demoProgress: string[];
	/** A later start on the same data dir: spawn to a healthy answer, per run. */
	restartMs: number[];
	/** Per document: each cold run's time to the last byte, and the median. */
	pdfs: { path: string; runsMs: number[]; medianMs: number; bytes: number }[];
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};

interface Started {
	child: ChildProcess;
	base: string;
	startedAt: number;
	lines: string[];
	exited: () => boolean;
	stop: () => Promise<void>;
}

function startServer(dataDir: string, referenceData: string | null): Promise<Started> {
	return freePort().then((port) => {
		const startedAt = performance.now();
		const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				BASE_URL: '',
				SEED_DEMO: '1',
				...(referenceData ? { REFERENCE_DATA_DIR: referenceData } : {}),
				LOG_LEVEL: 'info',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const lines: string[] = [];
		let partial = '';
		const collect = (chunk: Buffer) => {
			const parts = (partial + chunk.toString('utf8')).split('\n');
			partial = parts.pop() ?? '';
			lines.push(...parts);
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		let exited = false;
		child.once('exit', () => (exited = true));
		return {
			child,
			base: `http://127.0.0.1:${port}`,
			startedAt,
			lines,
			exited: () => exited,
			stop: async () => {
				if (exited) return;
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
		};
	});
}

/** Polls `url` until `done(status)`; returns the time from the server's spawn, in ms. */
async function until(s: Started, url: string, done: (status: number) => boolean, limitMs = 600_000): Promise<number> {
	for (;;) {
		const status = await fetch(url, { redirect: 'manual' })
			.then(async (r) => {
				await r.arrayBuffer();
				return r.status;
			})
			.catch(() => 0);
		if (done(status)) return Math.round(performance.now() - s.startedAt);
		if (s.exited()) throw new Error(`the server exited:\n${s.lines.join('\n')}`);
		if (performance.now() - s.startedAt > limitMs) throw new Error(`no answer from ${url} in ${limitMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

function loggedStages(lines: string[]): Record<string, number> {
	for (const line of lines) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line) as { msg?: string; stages?: Record<string, number> };
			if (entry.msg === 'Baza danych gotowa' && entry.stages) return entry.stages;
		} catch {
			// not a log line
		}
	}
	return {};
}

export async function benchFirstStart(opts: { runs: number; referenceData: string | null }): Promise<FirstStartResult> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'tablica-first-start-'));
	try {
		console.log(
			`\n== first start (fresh PGlite in ${dataDir}; reference data: ${opts.referenceData ?? 'none, demo municipalities'}) ==`
		);
		const first = await startServer(dataDir, opts.referenceData);
		const firstAnswerMs = await until(first, `${first.base}/`, (status) => status > 0);
		const first200Ms = await until(first, `${first.base}/`, (status) => status === 200);
		// The "ready" line follows the handler; give the log a moment to arrive.
		for (let i = 0; i < 100 && !Object.keys(loggedStages(first.lines)).length; i++)
			await new Promise((r) => setTimeout(r, 50));
		const stages = loggedStages(first.lines);
		const demoProgress = first.lines.filter((l) => l.startsWith('Demo:') && /\(\d+ s\)$/.test(l));
		await first.stop();
		console.log(`  first answer ${firstAnswerMs} ms, first 200 on / ${first200Ms} ms`);
		console.log(
			`  stages (server log): ${Object.entries(stages)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`
		);

		const runsMs = new Map<string, number[]>(COUNCIL_PDFS.map((p) => [p, []]));
		const bytes = new Map<string, number>();
		const restartMs: number[] = [];
		for (let run = 1; run <= opts.runs; run++) {
			for (const pdf of COUNCIL_PDFS) {
				const s = await startServer(dataDir, opts.referenceData);
				try {
					restartMs.push(await until(s, `${s.base}/api/v1/health`, (status) => status === 200));
					const t0 = performance.now();
					const res = await fetch(`${s.base}${pdf}`);
					const body = Buffer.from(await res.arrayBuffer());
					const ms = Math.round(performance.now() - t0);
					if (res.status !== 200 || res.headers.get('content-type') !== 'application/pdf')
						throw new Error(`${pdf}: ${res.status} ${res.headers.get('content-type')}`);
					runsMs.get(pdf)!.push(ms);
					bytes.set(pdf, body.length);
				} finally {
					await s.stop();
				}
			}
			console.log(
				`  run ${run}: ${COUNCIL_PDFS.map((p) => `${path.basename(path.dirname(p))} ${runsMs.get(p)!.at(-1)} ms`).join(', ')}`
			);
		}
		const pdfs = COUNCIL_PDFS.map((p) => ({
			path: p,
			runsMs: runsMs.get(p)!,
			medianMs: median(runsMs.get(p)!),
			bytes: bytes.get(p) ?? 0
		}));
		const result: FirstStartResult = {
			referenceData: opts.referenceData,
			firstAnswerMs,
			first200Ms,
			stages,
			demoProgress,
			restartMs,
			pdfs
		};
		printFirstStart(result);
		return result;
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

function printFirstStart(r: FirstStartResult) {
	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	const goal = (ms: number, limit: number) =>
		`${s(ms)}  ${ms <= limit ? 'within' : 'OVER'} the goal of ${limit / 1000} s`;
	const rows: [string, string][] = [
		['first answer (503 "starting" page)', s(r.firstAnswerMs)],
		['first 200 on /', goal(r.first200Ms, 60_000)],
		...Object.entries(r.stages).map(([k, v]): [string, string] => [`  stage ${k.replace(/Ms$/, '')}`, s(v)]),
		['restart on the same data dir (median)', s(median(r.restartMs))],
		...r.pdfs.map((p): [string, string] => [
			`${p.path} cold (median of ${p.runsMs.length})`,
			`${goal(p.medianMs, 1000)}  [${p.runsMs.join(', ')} ms; ${Math.round(p.bytes / 1024)} kB]`
		])
	];
	const width = Math.max(...rows.map(([k]) => k.length));
	console.log('\n' + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n'));
}

/** The reference data a real start would use: REFERENCE_DATA_DIR, else `../shared/data` beside the project. */
export function referenceDataDir(): string | null {
	const dir = process.env.REFERENCE_DATA_DIR ?? path.resolve(root, '../shared/data');
	return existsSync(dir) ? dir : null;
}
