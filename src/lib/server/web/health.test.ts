import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { checkHealth } from './health';
import { openTestDatabase } from '../testing/fixtures';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(() => database.close());

describe('checkHealth', () => {
	it('is ok when the database answers and the jobs get through (or this process runs none)', async () => {
		expect(await checkHealth(database.db, { healthy: () => true })).toEqual({
			status: 'ok',
			database: 'ok',
			jobs: 'ok'
		});
		expect(await checkHealth(database.db, null)).toEqual({ status: 'ok', database: 'ok', jobs: 'off' });
	});

	it('is degraded while the jobs cannot reach the database', async () => {
		expect(await checkHealth(database.db, { healthy: () => false })).toEqual({
			status: 'degraded',
			database: 'ok',
			jobs: 'recovering'
		});
	});

	it('is degraded when the database fails or does not answer in time', async () => {
		const closed = await openTestDatabase();
		await closed.close();
		expect(await checkHealth(closed.db, null)).toMatchObject({ status: 'degraded', database: 'unavailable' });
		// A server that takes the connection and never answers.
		const silent = new Kysely<DB>({
			dialect: new PostgresDialect({ pool: { connect: () => new Promise(() => {}), end: async () => {} } as never })
		});
		expect(await checkHealth(silent, null, 50)).toMatchObject({ status: 'degraded', database: 'unavailable' });
	});
});
