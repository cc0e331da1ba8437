import { z } from 'zod';
import type { Ctx, Actor } from '../core/context';
import type { Db } from '../db/database';
import { AppError } from '../core/errors';
import { enqueueEmail } from '../notify/outbox';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './crypto';
import { alreadyRegisteredEmail, passwordResetEmail, confirmAddressEmail } from './messages';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { emailSchema, parseInput } from '../core/validation';

const HOUR = 3600_000;

export const passwordSchema = z
	.string({ error: 'Podaj hasło.' })
	.min(10, 'Hasło musi mieć co najmniej 10 znaków.')
	.max(200, 'Hasło może mieć najwyżej 200 znaków.');

export const displayNameSchema = z
	.string({ error: 'Podaj imię i nazwisko lub nazwę.' })
	.trim()
	.min(2, 'Imię i nazwisko musi mieć co najmniej 2 znaki.')
	.max(80, 'Imię i nazwisko może mieć najwyżej 80 znaków.');

export const registerSchema = z.object({
	email: emailSchema,
	password: passwordSchema,
	displayName: displayNameSchema,
	accept: z.literal('on', { error: 'Zaakceptuj regulamin grup i politykę prywatności, aby założyć konto.' }),
	/** The group whose page sent them here: after confirming the address they land there. */
	grupa: z.string().max(100).optional()
});

/** The versions a new account accepts: the rules in force and the privacy policy as last changed. */
export async function consentVersions(db: Db): Promise<{ terms: number; privacy: string }> {
	const [terms, privacy] = await Promise.all([
		db
			.selectFrom('terms_versions')
			.select((eb) => eb.fn.max('version').as('version'))
			.executeTakeFirst(),
		db.selectFrom('site_pages').select('updated_at').where('slug', '=', 'polityka-prywatnosci').executeTakeFirst()
	]);
	return {
		terms: terms?.version ?? 1,
		// The operator's text is versioned by its last change; the built-in one by its name.
		privacy: privacy ? privacy.updated_at.toISOString() : 'domyślna'
	};
}

/**
 * An account that acts for the system (a unit's API integration, IMGW-PIB's warnings): it signs
 * in nowhere (no password), its e-mail is never written to.
 */
export async function insertServiceUser(tx: Db, email: string, displayName: string, now: Date): Promise<string> {
	const user = await tx
		.insertInto('users')
		.values({
			email,
			display_name: displayName,
			password_hash: '!',
			email_verified_at: now,
			is_operator: false,
			created_at: now,
			deleted_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return user.id;
}

export function toActor(u: {
	id: string;
	email: string;
	display_name: string;
	is_operator: boolean;
	email_verified_at: Date | null;
}): Actor {
	return {
		id: u.id,
		email: u.email,
		displayName: u.display_name,
		isOperator: u.is_operator,
		emailVerified: u.email_verified_at !== null
	};
}

async function issueUserToken(
	ctx: Ctx,
	db: Db,
	userId: string,
	purpose: 'verify_email' | 'reset_password',
	ttlMs: number,
	groupId: string | null = null
) {
	const { token, hash } = newSecret();
	const now = ctx.clock.now();
	await db
		.insertInto('user_tokens')
		.values({
			token_hash: hash,
			user_id: userId,
			purpose,
			created_at: now,
			expires_at: new Date(now.getTime() + ttlMs),
			used_at: null,
			group_id: groupId
		})
		.execute();
	return token;
}

async function sendVerification(
	ctx: Ctx,
	db: Db,
	user: { id: string; email: string; display_name: string },
	groupId: string | null = null
): Promise<string> {
	const token = await issueUserToken(ctx, db, user.id, 'verify_email', 48 * HOUR, groupId);
	const confirmPath = `/rejestracja/potwierdz?token=${token}`;
	await enqueueEmail(db, ctx.clock, {
		to: user.email,
		...confirmAddressEmail({ name: user.display_name, confirmUrl: `${ctx.baseUrl}${confirmPath}` })
	});
	return confirmPath;
}

/**
 * Creates an account, recording the rules and privacy policy accepted (version and time), and
 * sends the link to confirm the address. For an address that already has an account nothing is
 * created and its owner is told by e-mail instead: the caller answers the same either way (and the
 * password is hashed either way), so nobody learns who has an account. Returns the confirmation
 * link's path (demo mode shows it; otherwise it only goes by e-mail): for a taken address a link of
 * the same shape that confirms nothing, so even demo mode's page does not tell the two apart.
 */
export async function registerUser(ctx: Ctx, input: unknown, ip: string): Promise<{ confirmPath: string }> {
	const data = parseInput(registerSchema, input);
	const passwordHash = await hashPassword(data.password);
	return ctx.db.transaction().execute(async (tx) => {
		await hitLimits(tx, ctx.clock, [limits.registrationsPerIp(ip), limits.registrationsPerAddress(data.email)]);
		const taken = await tx
			.selectFrom('users')
			.select(['id', 'email', 'display_name'])
			.where((eb) => eb(eb.fn('lower', ['email']), '=', data.email))
			.where('deleted_at', 'is', null)
			.executeTakeFirst();
		if (taken) {
			await enqueueEmail(tx, ctx.clock, {
				to: taken.email,
				...alreadyRegisteredEmail({
					name: taken.display_name,
					loginUrl: `${ctx.baseUrl}/logowanie`,
					resetUrl: `${ctx.baseUrl}/logowanie/reset`
				})
			});
			return { confirmPath: `/rejestracja/potwierdz?token=${newSecret().token}` };
		}
		const now = ctx.clock.now();
		const versions = await consentVersions(tx);
		const joining = data.grupa
			? await tx.selectFrom('groups').select('id').where('slug', '=', data.grupa).executeTakeFirst()
			: undefined;
		const user = await tx
			.insertInto('users')
			.values({
				email: data.email,
				password_hash: passwordHash,
				display_name: data.displayName,
				created_at: now,
				email_verified_at: null,
				deleted_at: null,
				terms_version: versions.terms,
				terms_accepted_at: now,
				privacy_version: versions.privacy,
				privacy_accepted_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		return { confirmPath: await sendVerification(ctx, tx, user, joining?.id ?? null) };
	});
}

async function takeUserToken(db: Db, ctx: Ctx, token: string, purpose: 'verify_email' | 'reset_password') {
	const row = await db
		.selectFrom('user_tokens')
		.selectAll()
		.where('token_hash', '=', hashSecret(token))
		.where('purpose', '=', purpose)
		.forUpdate()
		.executeTakeFirst();
	if (!row || row.used_at || row.expires_at.getTime() < ctx.clock.now().getTime()) {
		throw new AppError('validation', 'Link jest nieprawidłowy albo wygasł. Poproś o nowy.');
	}
	await db
		.updateTable('user_tokens')
		.set({ used_at: ctx.clock.now() })
		.where('token_hash', '=', row.token_hash)
		.execute();
	return row;
}

/**
 * Confirms the address. Returns the group they were joining: a request waiting for a decision,
 * else the group whose page they registered from (null when neither).
 */
export async function verifyEmail(ctx: Ctx, token: string): Promise<{ groupSlug: string | null }> {
	return ctx.db.transaction().execute(async (tx) => {
		const row = await takeUserToken(tx, ctx, token, 'verify_email');
		await tx
			.updateTable('users')
			.set({ email_verified_at: ctx.clock.now() })
			.where('id', '=', row.user_id)
			.where('email_verified_at', 'is', null)
			.execute();
		const pending = await tx
			.selectFrom('memberships')
			.innerJoin('groups', 'groups.id', 'memberships.group_id')
			.select('groups.slug')
			.where('memberships.user_id', '=', row.user_id)
			.where('memberships.status', '=', 'pending')
			.orderBy('memberships.requested_at', 'desc')
			.executeTakeFirst();
		const joining = row.group_id
			? await tx.selectFrom('groups').select('slug').where('id', '=', row.group_id).executeTakeFirst()
			: undefined;
		return { groupSlug: pending?.slug ?? joining?.slug ?? null };
	});
}

export async function resendVerification(ctx: Ctx, actor: Actor): Promise<void> {
	if (actor.emailVerified) return;
	await ctx.db.transaction().execute(async (tx) => {
		await hitLimits(tx, ctx.clock, [limits.confirmationsPerAccount(actor.id)]);
		const user = await tx
			.selectFrom('users')
			.select(['id', 'email', 'display_name'])
			.where('id', '=', actor.id)
			.executeTakeFirstOrThrow();
		await sendVerification(ctx, tx, user);
	});
}

/** Always answers the same way, so nobody can learn which addresses have accounts. */
export async function requestPasswordReset(ctx: Ctx, input: unknown, ip: string): Promise<void> {
	const email = parseInput(emailSchema, input);
	await ctx.db.transaction().execute(async (tx) => {
		await hitLimits(tx, ctx.clock, [limits.resetsPerIp(ip), limits.resetsPerAddress(email)]);
		const user = await tx
			.selectFrom('users')
			.select(['id', 'email', 'display_name'])
			.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
			.where('deleted_at', 'is', null)
			.executeTakeFirst();
		if (!user) return;
		const token = await issueUserToken(ctx, tx, user.id, 'reset_password', 1 * HOUR);
		await enqueueEmail(tx, ctx.clock, {
			to: user.email,
			...passwordResetEmail({ name: user.display_name, resetUrl: `${ctx.baseUrl}/logowanie/nowe-haslo?token=${token}` })
		});
	});
}

export async function resetPassword(ctx: Ctx, token: string, newPassword: unknown): Promise<void> {
	const password = parseInput(passwordSchema, newPassword);
	const passwordHash = await hashPassword(password);
	await ctx.db.transaction().execute(async (tx) => {
		const row = await takeUserToken(tx, ctx, token, 'reset_password');
		// A reset proves the address too; every other session is signed out.
		await tx
			.updateTable('users')
			.set((eb) => ({
				password_hash: passwordHash,
				email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(ctx.clock.now()))
			}))
			.where('id', '=', row.user_id)
			.execute();
		await tx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
		await retireResetLinks(ctx, tx, row.user_id);
	});
}

/** A new password ends every reset link sent before it. */
async function retireResetLinks(ctx: Ctx, db: Db, userId: string): Promise<void> {
	await db
		.updateTable('user_tokens')
		.set({ used_at: ctx.clock.now() })
		.where('user_id', '=', userId)
		.where('purpose', '=', 'reset_password')
		.where('used_at', 'is', null)
		.execute();
}

export async function changePassword(
	ctx: Ctx,
	actor: Actor,
	input: { current: unknown; next: unknown },
	keepSessionHash?: string
): Promise<void> {
	const next = parseInput(passwordSchema, input.next);
	const user = await ctx.db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', actor.id)
		.executeTakeFirstOrThrow();
	if (typeof input.current !== 'string' || !(await verifyPassword(user.password_hash, input.current))) {
		throw new AppError('validation', 'Obecne hasło jest nieprawidłowe.', {
			current: 'Obecne hasło jest nieprawidłowe.'
		});
	}
	const passwordHash = await hashPassword(next);
	await ctx.db.transaction().execute(async (tx) => {
		await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', actor.id).execute();
		await retireResetLinks(ctx, tx, actor.id);
		let del = tx.deleteFrom('sessions').where('user_id', '=', actor.id);
		if (keepSessionHash) del = del.where('token_hash', '!=', keepSessionHash);
		await del.execute();
	});
}
