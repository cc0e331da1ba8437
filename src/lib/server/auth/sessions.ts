import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../context';
import { AppError } from '../errors';
import { plural } from '../../format';
import { toActor, emailSchema, parseInput } from './accounts';
import { hashSecret, newSecret, verifyPassword } from './crypto';
import { isId } from '../input';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

const loginSchema = z.object({ email: emailSchema, password: z.string({ error: 'Podaj hasło.' }).min(1, 'Podaj hasło.').max(200) });

const userColumns = ['id', 'email', 'display_name', 'is_operator', 'email_verified_at', 'password_hash'] as const;

/**
 * Checks the password and opens a session. After too many failures for one address or from
 * one IP in 15 minutes, refuses even a right password until the window passes.
 */
export async function logIn(ctx: Ctx, input: unknown, ip: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
	const { email, password } = parseInput(loginSchema, input);
	const now = ctx.clock.now();
	const since = new Date(now.getTime() - WINDOW_MS);
	const failures = await ctx.db
		.selectFrom('login_attempts')
		.select([
			sql<string>`count(*) filter (where lower(email) = ${email})`.as('by_email'),
			sql<string>`count(*) filter (where ip = ${ip})`.as('by_ip'),
			sql<Date | null>`min(at) filter (where lower(email) = ${email} or ip = ${ip})`.as('oldest')
		])
		.where('succeeded', '=', false)
		.where('at', '>', since)
		.where((eb) => eb.or([eb(eb.fn('lower', ['email']), '=', email), eb('ip', '=', ip)]))
		.executeTakeFirstOrThrow();
	if (Number(failures.by_email) >= MAX_FAILURES_PER_EMAIL || Number(failures.by_ip) >= MAX_FAILURES_PER_IP) {
		const oldest = failures.oldest ? new Date(failures.oldest).getTime() : now.getTime();
		const minutes = Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000));
		throw new AppError('rate_limited', `Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za ${minutes} ${plural(minutes, 'minutę', 'minuty', 'minut')} albo zresetuj hasło.`);
	}
	const user = await ctx.db
		.selectFrom('users')
		.select(userColumns)
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	const ok = user ? await verifyPassword(user.password_hash, password) : false;
	if (!user || !ok) {
		await ctx.db.insertInto('login_attempts').values({ email, ip, succeeded: false, at: now }).execute();
		throw new AppError('unauthenticated', 'Nieprawidłowy e-mail lub hasło.');
	}
	const { token, hash } = newSecret();
	const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
	await ctx.db.transaction().execute(async (tx) => {
		await tx.insertInto('login_attempts').values({ email, ip, succeeded: true, at: now }).execute();
		await tx.insertInto('sessions').values({ token_hash: hash, user_id: user.id, created_at: now, expires_at: expiresAt }).execute();
	});
	return { token, actor: toActor(user), expiresAt };
}

/** The signed-in person for a session cookie, or null when it is unknown or expired. */
export async function actorForSession(ctx: Ctx, token: string | undefined): Promise<Actor | null> {
	if (!token) return null;
	const row = await ctx.db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select(['users.id', 'users.email', 'users.display_name', 'users.is_operator', 'users.email_verified_at'])
		.where('sessions.token_hash', '=', hashSecret(token))
		.where('sessions.expires_at', '>', ctx.clock.now())
		.where('users.deleted_at', 'is', null)
		.executeTakeFirst();
	return row ? toActor(row) : null;
}

export async function logOut(ctx: Ctx, token: string): Promise<void> {
	await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
}

/** A personal access token for the JSON API; only its hash is kept. */
export async function createApiToken(ctx: Ctx, userId: string, name: string): Promise<string> {
	const { token, hash } = newSecret();
	await ctx.db
		.insertInto('api_tokens')
		.values({ token_hash: hash, user_id: userId, name: name.slice(0, 100) || 'token', created_at: ctx.clock.now(), last_used_at: null, revoked_at: null })
		.execute();
	return `tbl_${token}`;
}

export async function actorForApiToken(ctx: Ctx, bearer: string | undefined): Promise<Actor | null> {
	if (!bearer?.startsWith('tbl_')) return null;
	const row = await ctx.db
		.updateTable('api_tokens')
		.set({ last_used_at: ctx.clock.now() })
		.from('users')
		.whereRef('users.id', '=', 'api_tokens.user_id')
		.where('api_tokens.token_hash', '=', hashSecret(bearer.slice(4)))
		.where('api_tokens.revoked_at', 'is', null)
		.where('users.deleted_at', 'is', null)
		.returning(['users.id', 'users.email', 'users.display_name', 'users.is_operator', 'users.email_verified_at'])
		.executeTakeFirst();
	return row ? toActor(row) : null;
}

export async function listApiTokens(ctx: Ctx, actor: Actor) {
	return ctx.db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', actor.id)
		.where('revoked_at', 'is', null)
		.orderBy('id', 'desc')
		.execute();
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, tokenId: string): Promise<void> {
	if (!isId(tokenId)) throw new AppError('not_found', 'Nie ma takiego tokenu.');
	const r = await ctx.db.updateTable('api_tokens').set({ revoked_at: ctx.clock.now() }).where('id', '=', tokenId).where('user_id', '=', actor.id).where('revoked_at', 'is', null).executeTakeFirst();
	if (!r.numUpdatedRows) throw new AppError('not_found', 'Nie ma takiego tokenu.');
}

/** Removes what has served its purpose: expired sessions, old one-time links and old log-in attempts. */
export async function cleanUpAuthRecords(ctx: Ctx): Promise<{ sessions: number; tokens: number; attempts: number }> {
	const now = ctx.clock.now();
	const dayAgo = new Date(now.getTime() - 24 * 3600_000);
	return ctx.db.transaction().execute(async (tx) => {
		const sessions = await tx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
		const tokens = await tx.deleteFrom('user_tokens').where('expires_at', '<', dayAgo).executeTakeFirst();
		const attempts = await tx.deleteFrom('login_attempts').where('at', '<', dayAgo).executeTakeFirst();
		return { sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
	});
}
