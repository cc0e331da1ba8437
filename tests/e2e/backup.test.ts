import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { newDataDir, postgresReachable, runCli, startServer } from './harness';

// `cli backup` and `cli restore`: the restored database has every table's rows (counted, and a
// sample compared row by row) and the media files, and the app runs on it.
const dirs: string[] = [];
const dataDir = () => {
	const d = newDataDir();
	dirs.push(d);
	return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Every table's row count, and a sample of rows of the tables people care about. */
async function snapshot(query: Query) {
	const tables = (
		await query(
			`select schemaname || '.' || tablename as t from pg_tables where schemaname in ('public', 'pgboss') order by 1`
		)
	).rows.map((r) => String(r.t));
	const counts: Record<string, number> = {};
	for (const t of tables) counts[t] = Number((await query(`select count(*)::int as n from ${t}`)).rows[0].n);
	const sample: Record<string, unknown[]> = {};
	for (const t of ['users', 'posts', 'comments', 'memberships', 'group_daily_stats', 'moderation_log']) {
		sample[t] = (await query(`select * from ${t} order by md5(row(${t}.*)::text) limit 25`)).rows;
	}
	return { counts, sample };
}

async function pgliteSnapshot(dir: string) {
	const db = await PGlite.create(path.join(dir, 'pglite'), { extensions: { pg_trgm } });
	try {
		return await snapshot((t) => db.query(t));
	} finally {
		await db.close();
	}
}

async function addMedia(dir: string) {
	mkdirSync(path.join(dir, 'media', 'tickets'), { recursive: true });
	const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
		.webp()
		.toBuffer();
	writeFileSync(path.join(dir, 'media', `${randomBytes(16).toString('hex')}.webp`), photo);
	writeFileSync(path.join(dir, 'media', 'tickets', `${randomBytes(16).toString('hex')}.pdf`), '%PDF-1.4\n%%EOF\n');
	return photo;
}

describe('backup and restore with the embedded database', () => {
	let file = '';
	let restoredDir = '';

	it('restores every row and media file into a new data dir', async () => {
		const source = dataDir();
		expect((await runCli(['seed-demo'], source)).code).toBe(0);
		const photo = await addMedia(source);
		file = path.join(dataDir(), 'kopia.tar.gz');
		const saved = await runCli(['backup', '--out', file], source);
		expect(saved.stderr).toBe('');
		expect(saved.stdout).toMatch(
			/^Zapisano kopię .*kopia\.tar\.gz: PGlite, \d+ tabe(l|le), [\d ]+ wiersz(e|y), 2 pliki mediów\.\n$/
		);

		const target = (restoredDir = dataDir());
		const restored = await runCli(['restore', file], target);
		expect(restored.stderr).toBe('');
		expect(restored.stdout).toContain('zgodnie z kopią');
		const [before, after] = [await pgliteSnapshot(source), await pgliteSnapshot(target)];
		expect(Object.keys(after.counts).length).toBeGreaterThan(40);
		expect(after.counts['public.posts']).toBeGreaterThan(100);
		expect(after.counts).toEqual(before.counts);
		expect(after.sample).toEqual(before.sample);
		const media = readdirSync(path.join(target, 'media')).filter((f) => f.endsWith('.webp'));
		expect(media).toHaveLength(1);
		expect(readFileSync(path.join(target, 'media', media[0]))).toEqual(photo);
		expect(readdirSync(path.join(target, 'media', 'tickets'))).toHaveLength(1);
	}, 600_000);

	it('refuses what is not a backup, and an existing database without --force; with it moves that aside, and the app runs on the restored data', async () => {
		const target = dataDir();
		const junk = path.join(target, 'nie-kopia.tar.gz');
		writeFileSync(junk, 'to nie jest archiwum');
		const r = await runCli(['restore', junk], target);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('nie jest kopią zapasową Tablicy');
		expect(readdirSync(target)).toEqual(['nie-kopia.tar.gz']);

		// Over the data dir restored above (never the working directory, should that test have failed).
		expect(restoredDir).not.toBe('');
		const refused = await runCli(['restore', file], restoredDir);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('jest już baza danych');
		expect(readdirSync(restoredDir).sort()).toEqual(['media', 'pglite']);
		const forced = await runCli(['restore', file, '--force'], restoredDir);
		expect(forced.code).toBe(0);
		expect(forced.stdout).toContain('Poprzednia baza:');
		expect(readdirSync(restoredDir).some((f) => f.startsWith('pglite.przed-odtworzeniem-'))).toBe(true);

		// The app runs on what was restored.
		const server = await startServer({ dataDir: restoredDir });
		try {
			const feed = await (await fetch(`${server.url}/api/v1/groups/wiskitki/posts?limit=5`)).json();
			expect(feed.items.length).toBeGreaterThanOrEqual(5);
		} finally {
			await server.stop();
		}
	}, 600_000);
});

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the PostgreSQL backup test');

describe.skipIf(!reachable)('backup and restore with a PostgreSQL server', () => {
	const names = [`tablica_bk_${randomBytes(4).toString('hex')}`, `tablica_rs_${randomBytes(4).toString('hex')}`];
	const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
	async function admin(sql: string) {
		const c = new pg.Client({ connectionString: serverUrl });
		await c.connect();
		await c.query(sql);
		await c.end();
	}
	async function serverSnapshot(url: string) {
		const c = new pg.Client({ connectionString: url });
		await c.connect();
		try {
			return await snapshot((t) => c.query(t));
		} finally {
			await c.end();
		}
	}
	afterAll(async () => {
		for (const n of names) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
	});

	it('dumps with pg_dump and restores into an empty database, rows and media alike', async () => {
		for (const n of names) await admin(`CREATE DATABASE ${n}`);
		const [source, target] = [dataDir(), dataDir()];
		expect((await runCli(['seed-demo'], source, { DATABASE_URL: urlOf(names[0]) })).code).toBe(0);
		await addMedia(source);
		const file = path.join(dataDir(), 'kopia.tar.gz');
		const saved = await runCli(['backup', '--out', file], source, { DATABASE_URL: urlOf(names[0]) });
		expect(saved.stdout).toContain('PostgreSQL');
		const restored = await runCli(['restore', file], target, { DATABASE_URL: urlOf(names[1]) });
		expect(restored.stderr).toBe('');
		const [before, after] = [await serverSnapshot(urlOf(names[0])), await serverSnapshot(urlOf(names[1]))];
		expect(after.counts['public.posts']).toBeGreaterThan(100);
		expect(after.counts).toEqual(before.counts);
		expect(after.sample).toEqual(before.sample);
		expect(readdirSync(path.join(target, 'media'))).toHaveLength(2);
		const again = await runCli(['restore', file], target, { DATABASE_URL: urlOf(names[1]) });
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('Baza danych nie jest pusta');
	}, 600_000);
});
