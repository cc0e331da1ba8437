import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../testing/fixtures';
import type { Database, LiveEvent } from './database';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('database', () => {
	it('is migrated and has the trigram extension', async () => {
		const r = await sql<{ sim: number }>`select similarity('wiskitki', 'wiskitk') as sim`.execute(database.db);
		expect(r.rows[0].sim).toBeGreaterThan(0.5);
	});

	it('delivers a notification only after the transaction commits', async () => {
		const got: LiveEvent[] = [];
		const off = database.notifier.subscribe((e) => got.push(e));
		const event: LiveEvent = { type: 'post', groupId: '1', postId: '7' };
		await database.db.transaction().execute(async (tx) => {
			await database.notifier.publish(tx, event);
			await new Promise((r) => setTimeout(r, 50));
			expect(got).toEqual([]);
		});
		await expect.poll(() => got, { timeout: 3000 }).toEqual([event]);
		off();
	});

	it('sends nothing when the transaction rolls back', async () => {
		const got: LiveEvent[] = [];
		const off = database.notifier.subscribe((e) => got.push(e));
		await database.db
			.transaction()
			.execute(async (tx) => {
				await database.notifier.publish(tx, { type: 'post', groupId: '1', postId: '8' });
				throw new Error('rollback');
			})
			.catch(() => {});
		await new Promise((r) => setTimeout(r, 300));
		expect(got).toEqual([]);
		off();
	});
});
