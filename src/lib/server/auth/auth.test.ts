import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../context';
import { listOutbox } from '../notify/outbox';
import { makeUser, openTestDatabase, testCtx, TEST_PASSWORD } from '../testing';
import { changePassword, deleteAccount, registerUser, requestPasswordReset, resetPassword, verifyEmail } from './accounts';
import { actorForApiToken, actorForSession, createApiToken, logIn, logOut } from './sessions';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
});
afterAll(async () => database?.close());

const linkToken = (text: string) => /token=([\w-]+)/.exec(text)![1];

describe('accounts', () => {
	it('registers, sends a verification e-mail through the outbox, and verifies once', async () => {
		const actor = await registerUser(ctx, { email: ' Ewa.Zielinska@Example.PL ', password: 'dlugie-haslo-1', displayName: 'Ewa Zielińska' });
		expect(actor).toMatchObject({ email: 'ewa.zielinska@example.pl', emailVerified: false });
		const [mail] = await listOutbox(ctx.db, { recipient: 'ewa.zielinska@example.pl' });
		expect(mail.subject).toBe('Potwierdź adres e-mail w Tablicy');
		expect(mail.body_text).toContain('http://tablica.test/rejestracja/potwierdz?token=');
		await verifyEmail(ctx, linkToken(mail.body_text));
		const { actor: signedIn } = await logIn(ctx, { email: 'EWA.zielinska@example.pl', password: 'dlugie-haslo-1' }, '10.0.0.1');
		expect(signedIn.emailVerified).toBe(true);
		await expect(verifyEmail(ctx, linkToken(mail.body_text))).rejects.toMatchObject({ code: 'validation' });
	});

	it('refuses bad input and a taken address, writing nothing', async () => {
		await expect(registerUser(ctx, { email: 'nie-email', password: 'krotkie', displayName: 'A' })).rejects.toMatchObject({
			code: 'validation',
			fields: { email: expect.stringContaining('poprawny adres'), password: 'Hasło musi mieć co najmniej 10 znaków.', displayName: expect.any(String) }
		});
		await expect(registerUser(ctx, { email: 'ewa.zielinska@example.pl', password: 'inne-haslo-12', displayName: 'Ewa Z' })).rejects.toMatchObject({ code: 'conflict' });
		const users = await ctx.db.selectFrom('users').select('email').execute();
		expect(users.map((u) => u.email)).toEqual(['ewa.zielinska@example.pl']);
	});

	it('limits failed log-ins per address and lets them in again after the window', async () => {
		await makeUser(ctx, 'piotr@example.pl');
		for (let i = 0; i < 5; i++) {
			await expect(logIn(ctx, { email: 'piotr@example.pl', password: 'zle-haslo' }, '10.0.0.2')).rejects.toMatchObject({ code: 'unauthenticated' });
		}
		await expect(logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.3')).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringMatching(/za 15 minut/)
		});
		clock.advance(15 * 60_000 + 1000);
		const { token } = await logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.3');
		expect((await actorForSession(ctx, token))?.email).toBe('piotr@example.pl');
		await logOut(ctx, token);
		expect(await actorForSession(ctx, token)).toBeNull();
	});

	it('resets a password by e-mail link, signing out other sessions', async () => {
		const { token: session } = await logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.4');
		await requestPasswordReset(ctx, 'piotr@example.pl');
		await requestPasswordReset(ctx, 'nikt@example.pl');
		const [mail] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		expect(mail.subject).toBe('Ustaw nowe hasło w Tablicy');
		expect(await listOutbox(ctx.db, { recipient: 'nikt@example.pl' })).toEqual([]);
		await expect(resetPassword(ctx, linkToken(mail.body_text), 'krotkie')).rejects.toMatchObject({ code: 'validation' });
		await resetPassword(ctx, linkToken(mail.body_text), 'nowe-haslo-456');
		expect(await actorForSession(ctx, session)).toBeNull();
		await expect(logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.4')).rejects.toMatchObject({ code: 'unauthenticated' });
		await logIn(ctx, { email: 'piotr@example.pl', password: 'nowe-haslo-456' }, '10.0.0.4');
	});

	it('expires reset links after an hour', async () => {
		await requestPasswordReset(ctx, 'piotr@example.pl');
		const [mail] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		clock.advance(61 * 60_000);
		await expect(resetPassword(ctx, linkToken(mail.body_text), 'jeszcze-inne-1')).rejects.toMatchObject({ code: 'validation' });
	});

	it('changes a password only with the current one', async () => {
		const { token, actor } = await logIn(ctx, { email: 'piotr@example.pl', password: 'nowe-haslo-456' }, '10.0.0.5');
		await expect(changePassword(ctx, actor, { current: 'zle', next: 'kolejne-haslo-7' })).rejects.toMatchObject({ fields: { current: expect.any(String) } });
		await changePassword(ctx, actor, { current: 'nowe-haslo-456', next: 'kolejne-haslo-7' });
		expect(await actorForSession(ctx, token)).toBeNull();
	});

	it('issues API tokens and deletes an account with its personal data', async () => {
		const { actor } = await logIn(ctx, { email: 'piotr@example.pl', password: 'kolejne-haslo-7' }, '10.0.0.6');
		const apiToken = await createApiToken(ctx, actor.id, 'test');
		expect((await actorForApiToken(ctx, apiToken))?.id).toBe(actor.id);
		expect(await actorForApiToken(ctx, apiToken + 'x')).toBeNull();
		await expect(deleteAccount(ctx, actor, 'zle')).rejects.toMatchObject({ code: 'validation' });
		await deleteAccount(ctx, actor, 'kolejne-haslo-7');
		expect(await actorForApiToken(ctx, apiToken)).toBeNull();
		const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ display_name: 'Konto usunięte', password_hash: '' });
		expect(row.email).not.toContain('piotr');
		await expect(logIn(ctx, { email: 'piotr@example.pl', password: 'kolejne-haslo-7' }, '10.0.0.7')).rejects.toMatchObject({ code: 'unauthenticated' });
	});
});
