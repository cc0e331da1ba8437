import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import * as tar from 'tar';
import { AppError } from '../core/errors';

const run = promisify(execFile);

/** Where the data lives: the embedded database under `dataDir`, or a server; media always under `dataDir`. */
export interface BackupTarget {
	dataDir: string;
	databaseUrl?: string;
}

export interface Manifest {
	format: 'tablica-backup-1';
	database: 'pglite' | 'postgres';
	createdAt: string;
	/** Rows per table of the application's schema and pg-boss's, to verify a restore against. */
	rows: Record<string, number>;
	mediaFiles: number;
}

const DUMP = { pglite: 'pglite-datadir.tar.gz', postgres: 'database.pgdump' } as const;
const pgliteDir = (t: BackupTarget) => path.join(t.dataDir, 'pglite');
const mediaDir = (t: BackupTarget) => path.join(t.dataDir, 'media');

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Exact row counts of every table in the public and pgboss schemas. */
async function countRows(query: Query): Promise<Record<string, number>> {
	const tables = (
		await query(`select schemaname, tablename from pg_tables where schemaname in ('public', 'pgboss') order by 1, 2`)
	).rows;
	const rows: Record<string, number> = {};
	for (const t of tables) {
		const name = `${t.schemaname}.${t.tablename}`;
		const r = await query(`select count(*)::int as n from "${t.schemaname}"."${t.tablename}"`);
		rows[name] = Number(r.rows[0].n);
	}
	return rows;
}

async function withPglite<T>(
	dir: string,
	fn: (db: import('@electric-sql/pglite').PGlite) => Promise<T>,
	loadDataDir?: Blob
): Promise<T> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const db = await PGlite.create(dir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
	try {
		return await fn(db);
	} finally {
		await db.close();
	}
}

async function withServer<T>(url: string, fn: (query: Query) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await fn((text) => client.query(text));
	} finally {
		await client.end();
	}
}

async function countFiles(dir: string): Promise<number> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries.filter((e) => e.isFile()).length;
}

async function tool(command: string, args: string[]): Promise<void> {
	try {
		await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
	} catch (e) {
		const err = e as NodeJS.ErrnoException & { stderr?: string };
		if (err.code === 'ENOENT')
			throw new AppError(
				'validation',
				`Brak programu ${command}: zainstaluj klienta PostgreSQL (pakiet postgresql-client) w wersji serwera lub nowszej.`
			);
		throw new AppError('internal', `${command} zakończył się błędem: ${(err.stderr ?? err.message).trim()}`);
	}
}

/**
 * Writes one file (tar.gz) with the database and the media: for a server `pg_dump`'s custom format,
 * for the embedded database PGlite's own dump of its data directory (run it with the server
 * stopped), plus a manifest with the row count of every table.
 */
export async function backup(target: BackupTarget, out: string, now = new Date()): Promise<Manifest> {
	const work = await mkdtemp(path.join(tmpdir(), 'tablica-backup-'));
	try {
		let manifest: Manifest;
		if (target.databaseUrl) {
			const url = target.databaseUrl;
			// The counts and the dump see one snapshot, so a running server's writes cannot set them apart.
			const rows = await withServer(url, async (q) => {
				await q('begin isolation level repeatable read read only');
				const snapshot = String((await q('select pg_export_snapshot() as s')).rows[0].s);
				const counted = await countRows(q);
				await tool('pg_dump', [
					'--format=custom',
					'--no-owner',
					'--no-acl',
					`--snapshot=${snapshot}`,
					`--file=${path.join(work, DUMP.postgres)}`,
					`--dbname=${url}`
				]);
				await q('commit');
				return counted;
			});
			manifest = {
				format: 'tablica-backup-1',
				database: 'postgres',
				createdAt: now.toISOString(),
				rows,
				mediaFiles: 0
			};
		} else {
			if (!(await stat(pgliteDir(target)).catch(() => null)))
				throw new AppError('not_found', `Nie ma bazy danych w ${pgliteDir(target)}.`);
			manifest = await withPglite(pgliteDir(target), async (db) => {
				const rows = await countRows((text) => db.query(text));
				const dump = await db.dumpDataDir('gzip');
				await writeFile(path.join(work, DUMP.pglite), Buffer.from(await dump.arrayBuffer()));
				return {
					format: 'tablica-backup-1',
					database: 'pglite',
					createdAt: now.toISOString(),
					rows,
					mediaFiles: 0
				} as Manifest;
			});
		}
		const media = mediaDir(target);
		const entries = ['manifest.json', DUMP[manifest.database]];
		if (await stat(media).catch(() => null)) {
			manifest.mediaFiles = await countFiles(media);
			await symlink(media, path.join(work, 'media'));
			entries.push('media');
		}
		await writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
		await mkdir(path.dirname(path.resolve(out)), { recursive: true });
		await tar.create({ gzip: true, file: path.resolve(out), cwd: work, follow: true, portable: true }, entries);
		return manifest;
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

export interface RestoreResult {
	manifest: Manifest;
	rows: Record<string, number>;
	/** Where the data that was there before went (with `force`, embedded database only). */
	movedAside?: string;
}

/**
 * Restores a backup into the configured database (of the same kind) and media folder, then checks
 * every table's row count against the manifest. An existing database is kept unless `force`: the
 * embedded one is then moved aside, a server's tables are replaced.
 */
export async function restore(
	target: BackupTarget,
	file: string,
	opts: { force?: boolean; now?: Date } = {}
): Promise<RestoreResult> {
	if (!(await stat(file).catch(() => null))) throw new AppError('not_found', `Nie ma pliku ${file}.`);
	const work = await mkdtemp(path.join(tmpdir(), 'tablica-restore-'));
	try {
		await tar.extract({ file, cwd: work }).catch(() => {
			throw new AppError('validation', `${file} nie jest kopią zapasową Tablicy (nie da się go rozpakować).`);
		});
		const manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8').catch(() => '{}')) as Manifest;
		if (manifest.format !== 'tablica-backup-1')
			throw new AppError('validation', `${file} nie jest kopią zapasową Tablicy (brak manifestu).`);
		const kind = target.databaseUrl ? 'postgres' : 'pglite';
		if (manifest.database !== kind)
			throw new AppError(
				'validation',
				`Kopia pochodzi z ${manifest.database === 'pglite' ? 'wbudowanej bazy PGlite' : 'serwera PostgreSQL'}, a skonfigurowana jest ${kind === 'pglite' ? 'wbudowana baza PGlite' : 'baza na serwerze PostgreSQL'}.`
			);
		let rows: Record<string, number>;
		let movedAside: string | undefined;
		if (target.databaseUrl) {
			const tables = await withServer(target.databaseUrl, async (q) =>
				Number((await q(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0].n)
			);
			if (tables > 0 && !opts.force)
				throw new AppError(
					'conflict',
					'Baza danych nie jest pusta. Odtwórz do pustej bazy albo dodaj --force, by zastąpić jej tabele.'
				);
			await tool('pg_restore', [
				'--no-owner',
				'--no-acl',
				'--exit-on-error',
				...(tables > 0 ? ['--clean', '--if-exists'] : []),
				`--dbname=${target.databaseUrl}`,
				path.join(work, DUMP.postgres)
			]);
			rows = await withServer(target.databaseUrl, countRows);
		} else {
			const dir = pgliteDir(target);
			const existing = await readdir(dir).catch(() => []);
			if (existing.length > 0) {
				if (!opts.force)
					throw new AppError(
						'conflict',
						`W ${dir} jest już baza danych. Zatrzymaj serwer i dodaj --force: obecna baza zostanie przeniesiona obok, nie usunięta.`
					);
				movedAside = `${dir}.przed-odtworzeniem-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
				await rename(dir, movedAside);
			}
			const dump = new Blob([await readFile(path.join(work, DUMP.pglite))]);
			rows = await withPglite(dir, (db) => countRows((text) => db.query(text)), dump);
		}
		if (await stat(path.join(work, 'media')).catch(() => null))
			await cp(path.join(work, 'media'), mediaDir(target), { recursive: true, force: true });
		const differing = Object.keys({ ...manifest.rows, ...rows }).filter((t) => manifest.rows[t] !== rows[t]);
		if (differing.length)
			throw new AppError(
				'internal',
				`Odtworzona baza różni się od kopii w tabelach: ${differing.map((t) => `${t} (kopia ${manifest.rows[t] ?? 0}, baza ${rows[t] ?? 0})`).join(', ')}.`
			);
		const mediaFiles = await countFiles(mediaDir(target));
		if (mediaFiles < manifest.mediaFiles)
			throw new AppError('internal', `Odtworzono ${mediaFiles} plików mediów z ${manifest.mediaFiles}.`);
		return { manifest, rows, movedAside };
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}
