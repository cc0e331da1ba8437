import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { listOutbox } from '../notify/outbox';
import { makeUser, openTestDatabase, testCtx, TEST_PASSWORD } from '../testing/fixtures';
import { backoffMs, FREE_FAILURES, logIn, MAX_BACKOFF_MS } from './sessions';

// Every password check goes through argon2's verify; counted to show an unknown account costs the same.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (...args: Parameters<typeof real.verify>) => {
			argon2.verifications++;
			return real.verify(...args);
		}
	};
});

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
});
afterAll(async () => database?.close());

const SECOND = 1000;
const MINUTE = 60 * SECOND;
let calls = 0;
// Each from its own address unless told, so only the per-account backoff is at play.
const nextIp = () => `10.1.${++calls >> 8}.${calls & 255}`;
const wrong = (email: string, ip = nextIp()) =>
	expect(logIn(ctx, { email, password: 'zle-haslo' }, ip)).rejects.toMatchObject({ code: 'unauthenticated' });
const noticesTo = async (email: string) =>
	(await listOutbox(ctx.db, { recipient: email })).filter(
		(m) => m.subject === 'Ktoś próbuje zalogować się na Twoje konto w Tablicy'
	);

describe('the cost of a log-in', () => {
	it('checks a password hash whether the account exists or not', async () => {
		await makeUser(ctx, 'jest@example.pl');
		argon2.verifications = 0;
		await wrong('nie-ma-takiego@example.pl');
		expect(argon2.verifications).toBe(1);
		await wrong('jest@example.pl');
		expect(argon2.verifications).toBe(2);
	});
});

describe('per-account backoff', () => {
	it('grows 2, 4, 8 … seconds after five failures, up to 15 minutes', () => {
		expect([1, 2, 3, 4].map(backoffMs)).toEqual([0, 0, 0, 0]);
		expect([5, 6, 7, 8].map(backoffMs)).toEqual([2 * SECOND, 4 * SECOND, 8 * SECOND, 16 * SECOND]);
		expect(backoffMs(13)).toBe(512 * SECOND);
		expect(backoffMs(14)).toBe(MAX_BACKOFF_MS);
		expect(backoffMs(100)).toBe(15 * MINUTE);
	});

	it('refuses even the right password during the wait, and always lets it in after the wait', async () => {
		await makeUser(ctx, 'anna@example.pl');
		for (let i = 0; i < FREE_FAILURES; i++) await wrong('anna@example.pl');
		await expect(logIn(ctx, { email: 'anna@example.pl', password: TEST_PASSWORD }, '10.2.1.1')).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Zbyt wiele nieudanych prób logowania na to konto. Spróbuj ponownie za 2 sekundy.'
		});
		clock.advance(2 * SECOND);
		await logIn(ctx, { email: 'anna@example.pl', password: TEST_PASSWORD }, '10.2.1.1');
		// A success ends the episode: the next failures start from nothing again.
		await wrong('anna@example.pl');
		await logIn(ctx, { email: 'anna@example.pl', password: TEST_PASSWORD }, '10.2.1.1');
	});

	it('caps the wait at 15 minutes however long the attack goes on; attempts during the wait do not lengthen it', async () => {
		await makeUser(ctx, 'operator@example.pl', { operator: true });
		for (let i = 1; i <= 20; i++) {
			await wrong('operator@example.pl');
			// Knocking during the wait is refused without counting.
			if (i >= FREE_FAILURES)
				await expect(
					logIn(ctx, { email: 'operator@example.pl', password: 'inne-zle' }, '10.3.1.1')
				).rejects.toMatchObject({ code: 'rate_limited' });
			clock.advance(backoffMs(i));
		}
		await wrong('operator@example.pl');
		await expect(
			logIn(ctx, { email: 'operator@example.pl', password: TEST_PASSWORD }, '10.3.1.1')
		).rejects.toMatchObject({ message: expect.stringContaining('za 15 minut') });
		clock.advance(15 * MINUTE - SECOND);
		await expect(
			logIn(ctx, { email: 'operator@example.pl', password: TEST_PASSWORD }, '10.3.1.1')
		).rejects.toMatchObject({ message: expect.stringContaining('za 1 sekundę') });
		clock.advance(SECOND);
		const { actor } = await logIn(ctx, { email: 'operator@example.pl', password: TEST_PASSWORD }, '10.3.1.1');
		expect(actor.isOperator).toBe(true);
	});

	it('tells the owner by e-mail once per episode, not per failure', async () => {
		await makeUser(ctx, 'ewa@example.pl', { name: 'Ewa' });
		for (let i = 0; i < FREE_FAILURES - 1; i++) await wrong('ewa@example.pl');
		expect(await noticesTo('ewa@example.pl')).toHaveLength(0);
		for (let i = 0; i < 6; i++) {
			await wrong('ewa@example.pl');
			clock.advance(backoffMs(FREE_FAILURES + i));
		}
		const [notice, ...more] = await noticesTo('ewa@example.pl');
		expect(more).toHaveLength(0);
		expect(notice.body_text).toContain('Dzień dobry, Ewa!');
		expect(notice.body_text).toContain('http://tablica.test/logowanie/reset');
		// The owner logs in; a later attack is a new episode with a new notice.
		await logIn(ctx, { email: 'ewa@example.pl', password: TEST_PASSWORD }, '10.4.0.1');
		for (let i = 0; i < FREE_FAILURES; i++) await wrong('ewa@example.pl');
		expect(await noticesTo('ewa@example.pl')).toHaveLength(2);
	});

	it('slows an address without an account the same way (so it tells nothing), mailing nobody', async () => {
		for (let i = 0; i < FREE_FAILURES; i++) await wrong('duch@example.pl');
		await expect(logIn(ctx, { email: 'duch@example.pl', password: 'cokolwiek' }, '10.5.0.1')).rejects.toMatchObject({
			code: 'rate_limited'
		});
		expect(await listOutbox(ctx.db, { recipient: 'duch@example.pl' })).toEqual([]);
	});

	it('forgets failures after a quiet day', async () => {
		await makeUser(ctx, 'jan@example.pl');
		for (let i = 0; i < FREE_FAILURES; i++) await wrong('jan@example.pl');
		clock.advance(24 * 3600_000 + SECOND);
		await wrong('jan@example.pl');
		// One failure of a new episode: no wait.
		await logIn(ctx, { email: 'jan@example.pl', password: TEST_PASSWORD }, '10.6.0.1');
	});
});

describe('per-address (IP) limit on failures', () => {
	it('counts failures only; past 50 in 15 minutes the address waits, except a browser that logged in to the account before', async () => {
		clock.set('2026-12-01T10:00:00Z');
		const office = '192.0.2.10';
		await makeUser(ctx, 'sekretariat@example.pl');
		const known = await logIn(ctx, { email: 'sekretariat@example.pl', password: TEST_PASSWORD }, office);
		// Successes from the busy address are not counted.
		for (let i = 0; i < 3; i++) await logIn(ctx, { email: 'sekretariat@example.pl', password: TEST_PASSWORD }, office);
		for (let i = 0; i < 49; i++) await wrong(`zgadywany${i}@example.pl`, office);
		await makeUser(ctx, 'nowa@example.pl');
		await logIn(ctx, { email: 'nowa@example.pl', password: TEST_PASSWORD }, office);
		await wrong('zgadywany-ostatni@example.pl', office);
		await expect(logIn(ctx, { email: 'kolejny@example.pl', password: 'zle-haslo' }, office)).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Zbyt wiele nieudanych prób logowania z tego adresu IP. Spróbuj ponownie za 15 minut.'
		});
		await expect(logIn(ctx, { email: 'nowa@example.pl', password: TEST_PASSWORD }, office)).rejects.toMatchObject({
			code: 'rate_limited'
		});
		// The browser that signed in before carries its proof; a proof of another account does not help.
		await logIn(ctx, { email: 'sekretariat@example.pl', password: TEST_PASSWORD }, office, known.device);
		await expect(
			logIn(ctx, { email: 'nowa@example.pl', password: TEST_PASSWORD }, office, known.device)
		).rejects.toMatchObject({ code: 'rate_limited' });
		// Other addresses are not affected, and the window passes.
		await logIn(ctx, { email: 'nowa@example.pl', password: TEST_PASSWORD }, '192.0.2.11');
		clock.advance(15 * MINUTE);
		await logIn(ctx, { email: 'nowa@example.pl', password: TEST_PASSWORD }, office);
	});
});
