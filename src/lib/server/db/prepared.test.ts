import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database, Db } from './database';
import { openTestDatabase } from '../testing/fixtures';
import { prepared } from './prepared';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
	await sql`create table prepared_probe (id int primary key, kind text not null, at timestamptz not null)`.execute(
		database.db
	);
	await sql`insert into prepared_probe values (1, 'a', '2026-01-01'), (2, 'a', '2026-06-01'), (3, 'b', '2026-06-01'), (4, 'warn', '2026-06-01')`.execute(
		database.db
	);
});
afterAll(() => database.close());

const probe = (db: Db) => db.withTables<{ prepared_probe: { id: number; kind: string; at: Date } }>();

describe('a query compiled once', () => {
	const byKindSince = prepared((db: Db, kind: string, since: Date) =>
		probe(db)
			.selectFrom('prepared_probe')
			.select('id')
			.where('kind', '=', kind)
			.where('kind', '!=', 'warn')
			.where('at', '>=', since)
			.orderBy('id')
			.limit(5)
	);

	it('binds each call its own values and keeps the values written in the query', async () => {
		const ids = async (kind: string, since: string) =>
			(await byKindSince(database.db, kind, new Date(since))).map((r) => r.id);
		expect(await ids('a', '2025-12-31')).toEqual([1, 2]);
		expect(await ids('a', '2026-03-01')).toEqual([2]);
		expect(await ids('b', '2025-12-31')).toEqual([3]);
		expect(await ids('warn', '2025-12-31')).toEqual([]);
	});

	it('runs inside a transaction too', async () => {
		const rows = await database.db.transaction().execute((tx) => byKindSince(tx, 'b', new Date('2026-01-01')));
		expect(rows).toEqual([{ id: 3 }]);
	});

	it('refuses a query that leaves an argument out', async () => {
		const careless = prepared((db: Db, kind: string, unused: string) => {
			void unused;
			return probe(db).selectFrom('prepared_probe').select('id').where('kind', '=', kind);
		});
		await expect(careless(database.db, 'a', 'x')).rejects.toThrow(/every argument/);
	});
});
