import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openPGlite, openPostgres, type Database } from './db/database';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		const database = await openPGlite();
		await migrate(database.db);
		return database;
	}
	const name = `tablica_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openPostgres(url.toString(), { poolSize: 4 });
	await migrate(database.db);
	return {
		...database,
		async close() {
			await database.close();
			const a = new pg.Client({ connectionString: serverUrl });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}
