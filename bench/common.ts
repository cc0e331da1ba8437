import { createServer } from 'node:net';
import pg from 'pg';

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
