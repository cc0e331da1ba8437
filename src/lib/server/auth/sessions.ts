import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { storedSetting } from '../db/settings';
import { AppError } from '../core/errors';
import { limitReached, purgeRateLimits, rateLimited, withinLimit } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { enqueueEmail } from '../notify/outbox';
import { toActor } from './accounts';
import { assertOperator } from '../access/actor';
import { mayHoldApiTokens } from '../access/office';
import { emailSchema, parseInput, isId } from '../core/validation';
import { failedLoginsEmail } from './messages';
import { hashSecret, newSecret, verifyPassword } from './crypto';
import { formatDateTime } from '../../format';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** Failed log-ins to one account that cost nothing; each further one doubles the wait. */
export const FREE_FAILURES = 5;
export const MAX_BACKOFF_MS = 15 * 60_000;
/** Failures older than this are forgotten: the next one starts a new episode. */
const EPISODE_MS = 24 * 3600_000;

const loginSchema = z.object({
	email: emailSchema,
	password: z.string({ error: 'Podaj hasło.' }).min(1, 'Podaj hasło.').max(200)
});

const userColumns = ['id', 'email', 'display_name', 'is_operator', 'email_verified_at', 'password_hash'] as const;

/** How long an account waits after its n-th failure in a row: nothing, then 2, 4, 8 … seconds, at most 15 minutes. */
export function backoffMs(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(2 ** (failures - FREE_FAILURES + 1) * 1000, MAX_BACKOFF_MS);
}

const deviceSecrets = new WeakMap<Db, Promise<string>>();

/**
 * A browser that has logged in to an account carries this proof (a keyed hash of the account),
 * so a flood of failures from its address (an office behind one NAT, a proxy) does not lock it out.
 */
async function deviceProof(db: Db, userId: string): Promise<string> {
	let secret = deviceSecrets.get(db);
	if (!secret) {
		secret = storedSetting(db, 'device_secret', () => randomBytes(32).toString('base64url'));
		secret.catch(() => deviceSecrets.delete(db));
		deviceSecrets.set(db, secret);
	}
	return createHmac('sha256', await secret)
		.update(`device\n${userId}`)
		.digest('base64url');
}

const sameProof = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks the password and opens a session. Failures slow down the account typed (whether it
 * exists or not): after five, each waits twice as long, up to 15 minutes, and the owner is
 * e-mailed once per episode; a right password after the wait always logs in. Failures from one
 * address are limited too, except for a browser that logged in to this account before (`device`).
 */
export async function logIn(
	ctx: Ctx,
	input: unknown,
	ip: string,
	device?: string | null
): Promise<{ token: string; actor: Actor; expiresAt: Date; device: string }> {
	const { email, password } = parseInput(loginSchema, input);
	const now = ctx.clock.now();
	const backoff = await ctx.db
		.selectFrom('login_backoff')
		.select(['failures', 'last_failure_at'])
		.where('email', '=', email)
		.where('last_failure_at', '>', new Date(now.getTime() - EPISODE_MS))
		.executeTakeFirst();
	const waitMs = backoff ? backoff.last_failure_at.getTime() + backoffMs(backoff.failures) - now.getTime() : 0;
	if (waitMs > 0) throw rateLimited('Zbyt wiele nieudanych prób logowania na to konto.', waitMs);
	const user = await ctx.db
		.selectFrom('users')
		.select(userColumns)
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	const ipRule = limits.loginFailuresPerIp(ip);
	const busyAddress = await limitReached(ctx.db, ctx.clock, ipRule);
	if (busyAddress && !(user && device && sameProof(device, await deviceProof(ctx.db, user.id))))
		throw rateLimited(ipRule.message, busyAddress.waitMs);
	const ok = await verifyPassword(user?.password_hash, password);
	if (!user || !ok) {
		await ctx.db.transaction().execute(async (tx) => {
			await tx.insertInto('login_attempts').values({ email, ip, succeeded: false, at: now }).execute();
			await withinLimit(tx, ctx.clock, ipRule);
			const episodeStart = new Date(now.getTime() - EPISODE_MS);
			const row = await tx
				.insertInto('login_backoff')
				.values({ email, failures: 1, last_failure_at: now, notified_at: null })
				.onConflict((oc) =>
					oc.column('email').doUpdateSet({
						failures: sql<number>`case when login_backoff.last_failure_at < ${episodeStart} then 1 else login_backoff.failures + 1 end`,
						notified_at: sql<Date | null>`case when login_backoff.last_failure_at < ${episodeStart} then null else login_backoff.notified_at end`,
						last_failure_at: now
					})
				)
				.returning(['failures', 'notified_at'])
				.executeTakeFirstOrThrow();
			if (user && row.failures >= FREE_FAILURES && !row.notified_at) {
				await tx.updateTable('login_backoff').set({ notified_at: now }).where('email', '=', email).execute();
				await enqueueEmail(tx, ctx.clock, {
					to: user.email,
					...failedLoginsEmail({
						name: user.display_name,
						since: formatDateTime(now),
						resetUrl: `${ctx.baseUrl}/logowanie/reset`
					})
				});
			}
		});
		throw new AppError('unauthenticated', 'Nieprawidłowy e-mail lub hasło.');
	}
	const { token, hash } = newSecret();
	const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
	await ctx.db.transaction().execute(async (tx) => {
		await tx.insertInto('login_attempts').values({ email, ip, succeeded: true, at: now }).execute();
		await tx.deleteFrom('login_backoff').where('email', '=', email).execute();
		await tx
			.insertInto('sessions')
			.values({ token_hash: hash, user_id: user.id, created_at: now, expires_at: expiresAt })
			.execute();
	});
	return { token, actor: toActor(user), expiresAt, device: await deviceProof(ctx.db, user.id) };
}

/** The signed-in person for a session cookie, or null when it is unknown or expired. */
const sessionActorQuery = prepared((db: Db, tokenHash: string, now: Date) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.expires_at',
			'users.id',
			'users.email',
			'users.display_name',
			'users.is_operator',
			'users.email_verified_at'
		])
		.where('sessions.token_hash', '=', tokenHash)
		.where('sessions.expires_at', '>', now)
		.where('users.deleted_at', 'is', null)
);

export async function actorForSession(ctx: Ctx, token: string | undefined): Promise<Actor | null> {
	if (!token) return null;
	const hash = hashSecret(token);
	const now = ctx.clock.now();
	const load = async () => {
		const [row] = await sessionActorQuery(ctx.db, hash, now);
		return row ? { actor: toActor(row), until: row.expires_at } : null;
	};
	return ctx.actors ? ctx.actors.get(`session:${hash}`, now, load) : ((await load())?.actor ?? null);
}

export async function logOut(ctx: Ctx, token: string): Promise<void> {
	await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
}

/** A personal access token for the JSON API; only its hash is kept. */
export async function createApiToken(ctx: Ctx, userId: string, name: string): Promise<string> {
	const { token, hash } = newSecret();
	await ctx.db
		.insertInto('api_tokens')
		.values({
			token_hash: hash,
			user_id: userId,
			name: name.slice(0, 100) || 'token',
			created_at: ctx.clock.now(),
			last_used_at: null,
			revoked_at: null
		})
		.execute();
	return `tbl_${token}`;
}

const tokenName = z
	.string({ error: 'Nazwij token (2–100 znaków), np. „strona szkoły”.' })
	.trim()
	.min(2, 'Nazwij token (2–100 znaków), np. „strona szkoły”.')
	.max(100, 'Nazwij token (2–100 znaków), np. „strona szkoły”.');

/** A token the person makes for themselves on `/konto`: unit staff, coordinators and the operator. */
export async function createOwnApiToken(ctx: Ctx, actor: Actor | null, name: unknown): Promise<string> {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się.');
	if (!(await mayHoldApiTokens(ctx, actor)))
		throw new AppError(
			'forbidden',
			'Tokeny API mają zespoły jednostek, koordynatorzy gmin i operator — do stron i systemów, które publikują w grupie.'
		);
	return createApiToken(ctx, actor.id, parseInput(z.object({ tokenName }), { tokenName: name }).tokenName);
}

/** The operator issues a token for a person (a moderator's tool, a partner's integration). */
export async function issueApiTokenFor(ctx: Ctx, actor: Actor | null, email: unknown, name: unknown): Promise<string> {
	assertOperator(actor);
	const { email: address, tokenName: label } = parseInput(z.object({ email: emailSchema, tokenName }), {
		email,
		tokenName: name
	});
	const user = await ctx.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', address)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!user) throw new AppError('not_found', `Nie ma konta z adresem ${address}.`);
	return createApiToken(ctx, user.id, label);
}

/** How stale a token's "last used" may get: a read does not write more often than this. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/**
 * The person behind an API token. Reading does not write: `last_used_at` moves at most once a
 * minute per token, so a website polling with one token neither flushes WAL per request nor queues
 * its requests on the token's row lock.
 */
const tokenActorQuery = prepared((db: Db, tokenHash: string) =>
	db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.select([
			'api_tokens.id as token_id',
			'api_tokens.last_used_at',
			'users.id',
			'users.email',
			'users.display_name',
			'users.is_operator',
			'users.email_verified_at'
		])
		.where('api_tokens.token_hash', '=', tokenHash)
		.where('api_tokens.revoked_at', 'is', null)
		.where('users.deleted_at', 'is', null)
);

export async function actorForApiToken(ctx: Ctx, bearer: string | undefined): Promise<Actor | null> {
	if (!bearer?.startsWith('tbl_')) return null;
	const hash = hashSecret(bearer.slice(4));
	const now = ctx.clock.now();
	const load = async () => {
		const [row] = await tokenActorQuery(ctx.db, hash);
		if (!row) return null;
		const staleBefore = new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS);
		if (!row.last_used_at || row.last_used_at < staleBefore)
			await ctx.db
				.updateTable('api_tokens')
				.set({ last_used_at: now })
				.where('id', '=', row.token_id)
				.where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
				.execute();
		return { actor: toActor(row), until: null };
	};
	return ctx.actors ? ctx.actors.get(`token:${hash}`, now, load) : ((await load())?.actor ?? null);
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
	const r = await ctx.db
		.updateTable('api_tokens')
		.set({ revoked_at: ctx.clock.now() })
		.where('id', '=', tokenId)
		.where('user_id', '=', actor.id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (!r.numUpdatedRows) throw new AppError('not_found', 'Nie ma takiego tokenu.');
}

/** Removes what has served its purpose: expired sessions, old one-time links, old log-in attempts and backoffs, past rate-limit windows. */
export async function cleanUpAuthRecords(
	ctx: Ctx
): Promise<{ sessions: number; tokens: number; attempts: number; limits: number }> {
	const now = ctx.clock.now();
	const dayAgo = new Date(now.getTime() - 24 * 3600_000);
	return ctx.db.transaction().execute(async (tx) => {
		const sessions = await tx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
		const tokens = await tx.deleteFrom('user_tokens').where('expires_at', '<', dayAgo).executeTakeFirst();
		const attempts = await tx.deleteFrom('login_attempts').where('at', '<', dayAgo).executeTakeFirst();
		await tx
			.deleteFrom('login_backoff')
			.where('last_failure_at', '<', new Date(now.getTime() - EPISODE_MS))
			.execute();
		const limits = await purgeRateLimits(tx, ctx.clock);
		return {
			sessions: Number(sessions.numDeletedRows),
			tokens: Number(tokens.numDeletedRows),
			attempts: Number(attempts.numDeletedRows),
			limits
		};
	});
}
