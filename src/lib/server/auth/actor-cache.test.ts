import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SignInChanges } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { makeUser, openTestDatabase, testCtx, TEST_PASSWORD } from '../testing/fixtures';
import { ActorCache } from './actor-cache';
import { actorForApiToken, actorForSession, createApiToken, logIn, logOut, revokeApiToken } from './sessions';

function fakeChanges() {
	const listeners: ((userId: string | null) => void)[] = [];
	const changes: SignInChanges = { subscribe: (l) => (listeners.push(l), () => {}) };
	return { changes, announce: (userId: string | null) => listeners.forEach((l) => l(userId)) };
}

const anna: Actor = { id: '1', email: 'a@t.pl', displayName: 'Anna', isOperator: false, emailVerified: true };
const now = new Date('2026-12-01T10:00:00Z');

describe('the cache of who signed in', () => {
	it('reads a sign-in once, until the person changes or the session ends', async () => {
		const { changes, announce } = fakeChanges();
		const cache = new ActorCache(changes, 60_000);
		let reads = 0;
		const load = async () => (reads++, { actor: anna, until: new Date('2026-12-02T00:00:00Z') });
		expect(await cache.get('session:x', now, load)).toEqual(anna);
		expect(await cache.get('session:x', now, load)).toEqual(anna);
		expect(reads).toBe(1);
		announce('2');
		await cache.get('session:x', now, load);
		expect(reads).toBe(1);
		announce('1');
		await cache.get('session:x', now, load);
		expect(reads).toBe(2);
		// Past the session's end it is read again (and found gone).
		expect(await cache.get('session:x', new Date('2026-12-02T00:00:01Z'), async () => null)).toBeNull();
		announce(null);
		await cache.get('session:x', now, load);
		expect(reads).toBe(3);
	});

	it('keeps no failed lookup, and nothing read while a change came', async () => {
		const { changes, announce } = fakeChanges();
		const cache = new ActorCache(changes, 60_000);
		let reads = 0;
		expect(await cache.get('token:bad', now, async () => (reads++, null))).toBeNull();
		expect(await cache.get('token:bad', now, async () => (reads++, null))).toBeNull();
		expect(reads).toBe(2);
		const slow = cache.get('token:t', now, async () => {
			announce(anna.id);
			return { actor: anna, until: null };
		});
		expect(await slow).toEqual(anna);
		await cache.get('token:t', now, async () => (reads++, { actor: anna, until: null }));
		expect(reads).toBe(3);
	});
});

describe('sign-ins kept per process, against the database', () => {
	let database: Database;
	let ctx: Ctx;
	let clock: ReturnType<typeof testCtx>['clock'];
	let resident: Actor;
	beforeAll(async () => {
		database = await openTestDatabase();
		({ ctx, clock } = testCtx(database));
		ctx = { ...ctx, actors: new ActorCache(database.signInChanges, 60_000) };
		resident = await makeUser(ctx, 'anna@t.pl', { name: 'Anna' });
	});
	afterAll(() => database.close());

	it('forgets a session as soon as it is signed out, in every process', async () => {
		const { token } = await logIn(ctx, { email: 'anna@t.pl', password: TEST_PASSWORD }, '10.0.0.1');
		// A second process on the same database: it hears the change through the triggers only.
		const other: Ctx = { ...ctx, actors: new ActorCache(database.signInChanges, 60_000) };
		expect((await actorForSession(ctx, token))?.id).toBe(resident.id);
		expect((await actorForSession(other, token))?.id).toBe(resident.id);
		await logOut(ctx, token);
		await expect.poll(() => actorForSession(other, token), { timeout: 20_000 }).toBeNull();
		expect(await actorForSession(ctx, token)).toBeNull();
	});

	it('shows a new name and forgets an erased account or a revoked token', async () => {
		const { token } = await logIn(ctx, { email: 'anna@t.pl', password: TEST_PASSWORD }, '10.0.0.1');
		const bearer = await createApiToken(ctx, resident.id, 'strona');
		expect((await actorForSession(ctx, token))?.displayName).toBe('Anna');
		expect((await actorForApiToken(ctx, bearer))?.displayName).toBe('Anna');
		await ctx.db.updateTable('users').set({ display_name: 'Anna K.' }).where('id', '=', resident.id).execute();
		await expect
			.poll(async () => (await actorForSession(ctx, token))?.displayName, { timeout: 20_000 })
			.toBe('Anna K.');
		expect((await actorForApiToken(ctx, bearer))?.displayName).toBe('Anna K.');
		const [{ id: tokenId }] = await ctx.db.selectFrom('api_tokens').select('id').execute();
		await revokeApiToken(ctx, resident, tokenId);
		await expect.poll(() => actorForApiToken(ctx, bearer), { timeout: 20_000 }).toBeNull();
		expect((await actorForSession(ctx, token))?.id).toBe(resident.id);
		await ctx.db.updateTable('users').set({ deleted_at: clock.now() }).where('id', '=', resident.id).execute();
		await expect.poll(() => actorForSession(ctx, token), { timeout: 20_000 }).toBeNull();
	});

	it('does not use a session past its end', async () => {
		await ctx.db.updateTable('users').set({ deleted_at: null }).where('id', '=', resident.id).execute();
		const { token, expiresAt } = await logIn(ctx, { email: 'anna@t.pl', password: TEST_PASSWORD }, '10.0.0.2');
		expect((await actorForSession(ctx, token))?.id).toBe(resident.id);
		clock.set(new Date(expiresAt.getTime() + 1000));
		expect(await actorForSession(ctx, token)).toBeNull();
	});
});
