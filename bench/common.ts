import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { root } from '../scripts/ensure-build.mjs';

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** A new, empty database `name` on the PostgreSQL server (dropped first if it is there); its URL. */
export async function freshPgDatabase(pgServer: string, name: string): Promise<string> {
	const admin = new pg.Client({ connectionString: pgServer });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(pgServer);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Waits until the server at `base` answers its health check (or gives up after two minutes). */
export async function waitForHealth(base: string): Promise<void> {
	for (let i = 0; ; i++) {
		if (
			await fetch(`${base}/api/v1/health`)
				.then((r) => r.ok)
				.catch(() => false)
		)
			return;
		if (i > 600) throw new Error('server did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * The built server on database `url` (no demo seed), media in `data-bench/{media}`, on a free port,
 * answering its health check; `stop` ends it. `env` adds or overrides variables (e.g. `JOBS: '0'`).
 */
export async function startBuiltServer(url: string, media: string, env: Record<string, string> = {}) {
	const port = await freePort();
	const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: url,
			DATA_DIR: path.join(root, 'data-bench', media),
			PORT: String(port),
			HOST: '127.0.0.1',
			SEED_DEMO: '0',
			BASE_URL: '',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			...env
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (server.exitCode !== null) return;
		server.kill('SIGTERM');
		await new Promise((res) => server.once('exit', res));
	};
	try {
		await waitForHealth(base);
	} catch (e) {
		await stop();
		throw e;
	}
	return { base, stop };
}
