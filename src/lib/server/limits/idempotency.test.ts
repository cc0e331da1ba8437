import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/context';
import type { Database } from '../db/database';
import { purgeIdempotencyKeys, requestFingerprint, runOnce } from './idempotency';
import { makeUser, openTestDatabase, testCtx } from '../testing/fixtures';

let database: Database;
let t: ReturnType<typeof testCtx>;
let user: Actor;
let other: Actor;
beforeAll(async () => {
	database = await openTestDatabase();
	t = testCtx(database);
	user = await makeUser(t.ctx, 'klient-api@example.pl');
	other = await makeUser(t.ctx, 'inny-klient@example.pl');
});
afterAll(() => database.close());

/** A write that counts how often it really ran. */
function counter(status = 201) {
	let runs = 0;
	return {
		runs: () => runs,
		run: async () => {
			runs++;
			return Response.json({ id: String(runs) }, { status });
		}
	};
}
const post = (body: string) => requestFingerprint('POST', '/api/v1/groups/wiskitki/posts', body);

describe('Idempotency-Key', () => {
	it('runs a write once and replays its answer to a retry with the same key and body', async () => {
		const w = counter();
		const first = await runOnce(t.ctx, user.id, 'klucz-1', post('{"body":"a"}'), w.run);
		const retry = await runOnce(t.ctx, user.id, 'klucz-1', post('{"body":"a"}'), w.run);
		expect(w.runs()).toBe(1);
		expect(first.status).toBe(201);
		expect(retry.status).toBe(201);
		expect(await retry.json()).toEqual({ id: '1' });
		expect(retry.headers.get('idempotency-replayed')).toBe('true');
		expect(first.headers.get('idempotency-replayed')).toBeNull();
	});

	it('keeps keys per user: the same key of another user is another request', async () => {
		const w = counter();
		await runOnce(t.ctx, other.id, 'klucz-1', post('{"body":"a"}'), w.run);
		expect(w.runs()).toBe(1);
	});

	it('refuses the key reused for another request, and while the first is still running', async () => {
		const w = counter();
		await expect(runOnce(t.ctx, user.id, 'klucz-1', post('{"body":"b"}'), w.run)).rejects.toMatchObject({
			code: 'conflict',
			message: 'Ten klucz Idempotency-Key został już użyty do innego żądania. Użyj nowego klucza.'
		});
		let release!: () => void;
		const slow = runOnce(
			t.ctx,
			user.id,
			'klucz-2',
			post('{"body":"c"}'),
			() => new Promise<Response>((r) => (release = () => r(Response.json({}, { status: 201 }))))
		);
		await expect.poll(() => release, { timeout: 10_000 }).toBeDefined();
		await expect(runOnce(t.ctx, user.id, 'klucz-2', post('{"body":"c"}'), w.run)).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('jest jeszcze obsługiwane')
		});
		release();
		expect((await slow).status).toBe(201);
		expect(w.runs()).toBe(0);
	});

	it('keeps answers below 500 (a refusal is replayed too) and frees the key after a server error', async () => {
		const refused = counter(403);
		await runOnce(t.ctx, user.id, 'klucz-3', post('x'), refused.run);
		expect((await runOnce(t.ctx, user.id, 'klucz-3', post('x'), refused.run)).status).toBe(403);
		expect(refused.runs()).toBe(1);
		const failing = counter(500);
		await runOnce(t.ctx, user.id, 'klucz-4', post('x'), failing.run);
		await runOnce(t.ctx, user.id, 'klucz-4', post('x'), failing.run);
		expect(failing.runs()).toBe(2);
		const throwing = () => Promise.reject(new Error('baza niedostępna'));
		await expect(runOnce(t.ctx, user.id, 'klucz-5', post('x'), throwing)).rejects.toThrow('baza niedostępna');
		const w = counter();
		await runOnce(t.ctx, user.id, 'klucz-5', post('x'), w.run);
		expect(w.runs()).toBe(1);
	});

	it('forgets answers after 24 hours', async () => {
		const w = counter();
		await runOnce(t.ctx, user.id, 'klucz-6', post('x'), w.run);
		t.clock.advance(24 * 3600_000 + 1000);
		await runOnce(t.ctx, user.id, 'klucz-6', post('x'), w.run);
		expect(w.runs()).toBe(2);
		t.clock.advance(24 * 3600_000 + 1000);
		expect(await purgeIdempotencyKeys(t.ctx)).toBeGreaterThan(0);
		expect(
			await database.db.selectFrom('idempotency_keys').select('key').where('user_id', '=', user.id).execute()
		).toEqual([]);
	});

	it('refuses a key that is empty, too long or not plain ASCII', async () => {
		const w = counter();
		for (const key of ['', 'x'.repeat(256), 'klucz z spacją', 'zażółć']) {
			await expect(runOnce(t.ctx, user.id, key, post('x'), w.run)).rejects.toMatchObject({ code: 'validation' });
		}
		expect(w.runs()).toBe(0);
	});
});
