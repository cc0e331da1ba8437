import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { listOutbox } from '../notify/outbox';
import { makeUser, openTestDatabase, testCtx, TEST_PASSWORD } from '../testing/fixtures';
import {
	changePassword,
	registerUser,
	requestPasswordReset,
	resendVerification,
	resetPassword,
	verifyEmail
} from './accounts';
import { deleteAccount } from '../privacy/delete-account';
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
		await registerUser(
			ctx,
			{ email: ' Ewa.Zielinska@Example.PL ', password: 'dlugie-haslo-1', displayName: 'Ewa Zielińska', accept: 'on' },
			'10.0.0.1'
		);
		expect(await ctx.db.selectFrom('users').select(['email', 'email_verified_at']).execute()).toEqual([
			{ email: 'ewa.zielinska@example.pl', email_verified_at: null }
		]);
		const [mail] = await listOutbox(ctx.db, { recipient: 'ewa.zielinska@example.pl' });
		expect(mail.subject).toBe('Potwierdź adres e-mail w Tablicy');
		expect(mail.body_text).toContain('http://tablica.test/rejestracja/potwierdz?token=');
		await verifyEmail(ctx, linkToken(mail.body_text));
		const { actor: signedIn, token } = await logIn(
			ctx,
			{ email: 'EWA.zielinska@example.pl', password: 'dlugie-haslo-1' },
			'10.0.0.1'
		);
		expect(signedIn.emailVerified).toBe(true);
		expect((await actorForSession(ctx, token))?.email).toBe('ewa.zielinska@example.pl');
		await logOut(ctx, token);
		expect(await actorForSession(ctx, token)).toBeNull();
		await expect(verifyEmail(ctx, linkToken(mail.body_text))).rejects.toMatchObject({ code: 'validation' });
	});

	it('refuses bad input, writing nothing', async () => {
		await expect(
			registerUser(ctx, { email: 'nie-email', password: 'krotkie', displayName: 'A', accept: 'on' }, '10.0.0.1')
		).rejects.toMatchObject({
			code: 'validation',
			fields: {
				email: expect.stringContaining('poprawny adres'),
				password: 'Hasło musi mieć co najmniej 10 znaków.',
				displayName: expect.any(String)
			}
		});
		const users = await ctx.db.selectFrom('users').select('email').execute();
		expect(users.map((u) => u.email)).toEqual(['ewa.zielinska@example.pl']);
	});

	it('answers a taken address as it answers a new one; the owner is told by e-mail and nothing changes', async () => {
		const before = await ctx.db.selectFrom('users').selectAll().execute();
		const { confirmPath } = await registerUser(
			ctx,
			{ email: 'EWA.zielinska@example.pl', password: 'inne-haslo-12', displayName: 'Ewa Z', accept: 'on' },
			'10.0.0.9'
		);
		// A link of the same shape as a new account's (demo mode shows it), which confirms nothing.
		expect(confirmPath).toMatch(/^\/rejestracja\/potwierdz\?token=[\w-]+$/);
		await expect(verifyEmail(ctx, confirmPath.split('token=')[1])).rejects.toThrow();
		expect(await ctx.db.selectFrom('users').selectAll().execute()).toEqual(before);
		const [mail] = await listOutbox(ctx.db, { recipient: 'ewa.zielinska@example.pl' });
		expect(mail.subject).toBe('Próba założenia konta w Tablicy na Twój adres');
		expect(mail.body_text).toContain('http://tablica.test/logowanie/reset');
		// The old password still works; the one typed at the registration does not.
		await logIn(ctx, { email: 'ewa.zielinska@example.pl', password: 'dlugie-haslo-1' }, '10.0.0.9');
		await expect(
			logIn(ctx, { email: 'ewa.zielinska@example.pl', password: 'inne-haslo-12' }, '10.0.0.9')
		).rejects.toMatchObject({ code: 'unauthenticated' });
	});

	it('resets a password by e-mail link, signing out other sessions', async () => {
		await makeUser(ctx, 'piotr@example.pl');
		const { token: session } = await logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.4');
		await requestPasswordReset(ctx, 'piotr@example.pl', '10.0.0.4');
		await requestPasswordReset(ctx, 'nikt@example.pl', '10.0.0.4');
		const [mail] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		expect(mail.subject).toBe('Ustaw nowe hasło w Tablicy');
		expect(await listOutbox(ctx.db, { recipient: 'nikt@example.pl' })).toEqual([]);
		await expect(resetPassword(ctx, linkToken(mail.body_text), 'krotkie')).rejects.toMatchObject({
			code: 'validation'
		});
		await resetPassword(ctx, linkToken(mail.body_text), 'nowe-haslo-456');
		expect(await actorForSession(ctx, session)).toBeNull();
		await expect(logIn(ctx, { email: 'piotr@example.pl', password: TEST_PASSWORD }, '10.0.0.4')).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await logIn(ctx, { email: 'piotr@example.pl', password: 'nowe-haslo-456' }, '10.0.0.4');
	});

	it('expires reset links after an hour', async () => {
		await requestPasswordReset(ctx, 'piotr@example.pl', '10.0.0.4');
		const [mail] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		clock.advance(61 * 60_000);
		await expect(resetPassword(ctx, linkToken(mail.body_text), 'jeszcze-inne-1')).rejects.toMatchObject({
			code: 'validation'
		});
	});

	it('an older reset link dies when the password is reset with a newer one', async () => {
		clock.advance(2 * 3600_000);
		await requestPasswordReset(ctx, 'piotr@example.pl', '10.0.0.4');
		await requestPasswordReset(ctx, 'piotr@example.pl', '10.0.0.4');
		const [newer, older] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		await resetPassword(ctx, linkToken(newer.body_text), 'haslo-z-nowego-linku');
		await expect(resetPassword(ctx, linkToken(older.body_text), 'haslo-ze-starego-linku')).rejects.toMatchObject({
			code: 'validation'
		});
		await logIn(ctx, { email: 'piotr@example.pl', password: 'haslo-z-nowego-linku' }, '10.0.0.4');
	});

	it('changes a password only with the current one; a reset link sent before dies with the old password', async () => {
		clock.advance(2 * 3600_000);
		await requestPasswordReset(ctx, 'piotr@example.pl', '10.0.0.5');
		const [link] = await listOutbox(ctx.db, { recipient: 'piotr@example.pl' });
		const { token, actor } = await logIn(
			ctx,
			{ email: 'piotr@example.pl', password: 'haslo-z-nowego-linku' },
			'10.0.0.5'
		);
		await expect(changePassword(ctx, actor, { current: 'zle', next: 'kolejne-haslo-7' })).rejects.toMatchObject({
			fields: { current: expect.any(String) }
		});
		await changePassword(ctx, actor, { current: 'haslo-z-nowego-linku', next: 'kolejne-haslo-7' });
		expect(await actorForSession(ctx, token)).toBeNull();
		await expect(resetPassword(ctx, linkToken(link.body_text), 'haslo-napastnika-1')).rejects.toMatchObject({
			code: 'validation'
		});
		await logIn(ctx, { email: 'piotr@example.pl', password: 'kolejne-haslo-7' }, '10.0.0.5');
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
		await expect(
			logIn(ctx, { email: 'piotr@example.pl', password: 'kolejne-haslo-7' }, '10.0.0.7')
		).rejects.toMatchObject({ code: 'unauthenticated' });
	});
});

describe('limits on what sends e-mail', () => {
	const count = async (table: 'users' | 'outbox') =>
		Number(
			(
				await ctx.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('registrations: ten an hour from one address (IP), then refused with the wait, creating nothing', async () => {
		clock.set('2026-12-01T08:30:00Z');
		for (let i = 0; i < 10; i++)
			await registerUser(
				ctx,
				{ email: `hurt${i}@example.pl`, password: 'dlugie-haslo-1', displayName: `Hurt ${i}`, accept: 'on' },
				'198.51.100.1'
			);
		const [users, mails] = [await count('users'), await count('outbox')];
		await expect(
			registerUser(
				ctx,
				{ email: 'hurt10@example.pl', password: 'dlugie-haslo-1', displayName: 'Hurt 10', accept: 'on' },
				'198.51.100.1'
			)
		).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Zbyt wiele rejestracji z tego adresu IP. Spróbuj ponownie za 30 minut.'
		});
		expect([await count('users'), await count('outbox')]).toEqual([users, mails]);
		await registerUser(
			ctx,
			{ email: 'hurt10@example.pl', password: 'dlugie-haslo-1', displayName: 'Hurt 10', accept: 'on' },
			'198.51.100.2'
		);
	});

	it('registrations: three a day to one e-mail address, also when it has an account (its owner is not flooded)', async () => {
		clock.set('2026-12-01T12:00:00Z');
		for (let i = 0; i < 2; i++)
			await registerUser(
				ctx,
				{ email: 'hurt0@example.pl', password: 'dlugie-haslo-1', displayName: 'Ktoś', accept: 'on' },
				`198.51.100.${10 + i}`
			);
		await expect(
			registerUser(
				ctx,
				{ email: 'Hurt0@example.pl', password: 'dlugie-haslo-1', displayName: 'Ktoś', accept: 'on' },
				'198.51.100.20'
			)
		).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringContaining('na ten adres e-mail') });
		const toOwner = (await listOutbox(ctx.db, { recipient: 'hurt0@example.pl' })).filter((m) =>
			m.subject.startsWith('Próba założenia konta')
		);
		expect(toOwner).toHaveLength(2);
	});

	it('password resets: three an hour to one address, ten an hour from one client address', async () => {
		clock.set('2026-12-01T14:00:00Z');
		await makeUser(ctx, 'cel@example.pl');
		for (let i = 0; i < 3; i++) await requestPasswordReset(ctx, 'cel@example.pl', `203.0.113.${i}`);
		await expect(requestPasswordReset(ctx, 'cel@example.pl', '203.0.113.50')).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Zbyt wiele próśb o zmianę hasła dla tego adresu e-mail. Spróbuj ponownie za 1 godzinę.'
		});
		expect(await listOutbox(ctx.db, { recipient: 'cel@example.pl' })).toHaveLength(3);
		for (let i = 0; i < 10; i++) await requestPasswordReset(ctx, `ktos${i}@example.pl`, '203.0.113.99');
		await expect(requestPasswordReset(ctx, 'ktos10@example.pl', '203.0.113.99')).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('z tego adresu IP')
		});
		clock.advance(3600_000);
		await requestPasswordReset(ctx, 'cel@example.pl', '203.0.113.50');
		expect(await listOutbox(ctx.db, { recipient: 'cel@example.pl' })).toHaveLength(4);
	});

	it('e-mail confirmations: three an hour per account', async () => {
		clock.set('2026-12-01T16:00:00Z');
		const unconfirmed = await makeUser(ctx, 'niepotwierdzony@example.pl', { verified: false });
		for (let i = 0; i < 3; i++) await resendVerification(ctx, unconfirmed);
		await expect(resendVerification(ctx, unconfirmed)).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Wysłaliśmy już kilka linków potwierdzających. Spróbuj ponownie za 1 godzinę.'
		});
		expect(await listOutbox(ctx.db, { recipient: 'niepotwierdzony@example.pl' })).toHaveLength(3);
	});
});
