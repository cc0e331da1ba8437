import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import type { Db } from '../db/database';
import { storedSetting } from '../db/settings';

/**
 * One-click unsubscribe from the weekly digest without signing in (RFC 8058): the link carries
 * the member and the group, signed with a key kept in `app_settings` (made on first use, like
 * the device proofs), so it cannot be changed to unsubscribe someone else or from another group.
 * It does not expire: an old e-mail's link still works.
 */
const secrets = new WeakMap<Db, Promise<string>>();

function unsubscribeSecret(db: Db): Promise<string> {
	let secret = secrets.get(db);
	if (!secret) {
		secret = storedSetting(db, 'unsubscribe_secret', () => randomBytes(32).toString('base64url'));
		secret.catch(() => secrets.delete(db));
		secrets.set(db, secret);
	}
	return secret;
}

const sign = (secret: string, userId: string, groupId: string) =>
	createHmac('sha256', secret).update(`digest-unsubscribe\n${userId}\n${groupId}`).digest('base64url');

/** A signer for many members of a group (the key read once): `{userId}.{groupId}.{signature}`. */
export async function unsubscribeSigner(db: Db): Promise<(userId: string, groupId: string) => string> {
	const secret = await unsubscribeSecret(db);
	return (userId, groupId) => `${userId}.${groupId}.${sign(secret, userId, groupId)}`;
}

const INVALID = 'Ten link do wypisania się jest nieprawidłowy. Zmień ustawienia w grupie po zalogowaniu.';

/** The member and group a token names, or `not_found` for a token not made here (or changed). */
export async function readUnsubscribeToken(db: Db, token: string): Promise<{ userId: string; groupId: string }> {
	const m = /^(\d{1,18})\.(\d{1,18})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!m) throw new AppError('not_found', INVALID);
	const [, userId, groupId, signature] = m;
	const expected = Buffer.from(sign(await unsubscribeSecret(db), userId, groupId));
	if (!timingSafeEqual(expected, Buffer.from(signature))) throw new AppError('not_found', INVALID);
	return { userId, groupId };
}

export interface UnsubscribeView {
	groupName: string;
	groupSlug: string;
	/** Whether the digest is still on for this member. */
	subscribed: boolean;
}

async function membership(ctx: Ctx, token: string) {
	const { userId, groupId } = await readUnsubscribeToken(ctx.db, token);
	const row = await ctx.db
		.selectFrom('memberships')
		.innerJoin('groups', 'groups.id', 'memberships.group_id')
		.select(['groups.name', 'groups.slug', 'memberships.weekly_digest'])
		.where('memberships.group_id', '=', groupId)
		.where('memberships.user_id', '=', userId)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'Nie należysz już do tej grupy — nie wyślemy Ci tego e-maila.');
	return { userId, groupId, view: { groupName: row.name, groupSlug: row.slug, subscribed: row.weekly_digest } };
}

/** What the confirm page shows (GET of the link: nothing changes, a mail scanner may follow it). */
export async function unsubscribeView(ctx: Ctx, token: string): Promise<UnsubscribeView> {
	return (await membership(ctx, token)).view;
}

/** Turns the weekly digest off for the member and group the token names, and only that. */
export async function unsubscribeFromDigest(ctx: Ctx, token: string): Promise<UnsubscribeView> {
	const { userId, groupId, view } = await membership(ctx, token);
	await ctx.db
		.updateTable('memberships')
		.set({ weekly_digest: false })
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.execute();
	return { ...view, subscribed: false };
}
