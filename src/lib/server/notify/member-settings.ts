import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import type { Group } from '../db/schema';
import { assertSignedIn } from '../access/actor';
import { groupAccess } from '../access/group-access';

/**
 * A member's choices about what the municipality sends them in one group (issue 17), both on by
 * default and kept on the membership: "ogłoszenia gminy" (posts the units promote, as in-app
 * notifications and web push) and "Tydzień w gminie" (the weekly digest e-mail).
 */
export interface MemberNotificationSettings {
	announcements: boolean;
	weeklyDigest: boolean;
	/** The digest goes to the account's e-mail; false when the account has none verified. */
	hasEmail: boolean;
}

async function assertMember(ctx: Ctx, actor: Actor | null, group: Group): Promise<Actor> {
	assertSignedIn(actor, 'Zaloguj się, aby ustawić powiadomienia.');
	const access = await groupAccess(ctx, actor, group);
	if (access.membershipStatus !== 'approved')
		throw new AppError('forbidden', 'Ogłoszenia gminy dostają członkowie grupy — najpierw dołącz do grupy.');
	return actor;
}

export async function getMemberNotificationSettings(
	ctx: Ctx,
	actor: Actor | null,
	group: Group
): Promise<MemberNotificationSettings> {
	const me = await assertMember(ctx, actor, group);
	const row = await ctx.db
		.selectFrom('memberships')
		.select(['announcements', 'weekly_digest'])
		.where('group_id', '=', group.id)
		.where('user_id', '=', me.id)
		.executeTakeFirstOrThrow();
	return { announcements: row.announcements, weeklyDigest: row.weekly_digest, hasEmail: me.emailVerified };
}

const settingsSchema = z.object({
	announcements: z.boolean().optional(),
	weeklyDigest: z.boolean().optional()
});

/** Changes one or both choices; a choice left out stays as it is (one click turns one off). */
export async function setMemberNotificationSettings(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<MemberNotificationSettings> {
	const me = await assertMember(ctx, actor, group);
	const data = parseInput(settingsSchema, input);
	const set: { announcements?: boolean; weekly_digest?: boolean } = {};
	if (data.announcements !== undefined) set.announcements = data.announcements;
	if (data.weeklyDigest !== undefined) set.weekly_digest = data.weeklyDigest;
	if (Object.keys(set).length)
		await ctx.db
			.updateTable('memberships')
			.set(set)
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.execute();
	return getMemberNotificationSettings(ctx, me, group);
}

/** A person's quiet hours for web push (Warsaw time), or null when they want pushes at any hour. */
export interface QuietHours {
	start: number;
	end: number;
}

const hour = (label: string) =>
	z.coerce
		.number({ error: `Wybierz godzinę ${label}.` })
		.int(`Wybierz godzinę ${label}.`)
		.min(0, `Wybierz godzinę ${label}.`)
		.max(23, `Wybierz godzinę ${label}.`);

const quietSchema = z.discriminatedUnion('quiet', [
	z.object({ quiet: z.literal(false) }),
	z.object({ quiet: z.literal(true), start: hour('początku'), end: hour('końca') }).refine((q) => q.start !== q.end, {
		message: 'Cisza nocna musi się zaczynać i kończyć o innej godzinie.',
		path: ['end']
	})
]);

export async function pushQuietHours(ctx: Ctx, actor: Actor | null): Promise<QuietHours | null> {
	assertSignedIn(actor, 'Zaloguj się, aby ustawić powiadomienia.');
	const row = await ctx.db
		.selectFrom('users')
		.select(['quiet_hours_start', 'quiet_hours_end'])
		.where('id', '=', actor.id)
		.executeTakeFirstOrThrow();
	return row.quiet_hours_start === null || row.quiet_hours_end === null
		? null
		: { start: row.quiet_hours_start, end: row.quiet_hours_end };
}

/**
 * Quiet hours for web push: `{quiet: true, start, end}` (hours 0–23, Warsaw time; may run past
 * midnight) or `{quiet: false}`. Urgent alerts come at any hour either way.
 */
export async function setPushQuietHours(ctx: Ctx, actor: Actor | null, input: unknown): Promise<QuietHours | null> {
	assertSignedIn(actor, 'Zaloguj się, aby ustawić powiadomienia.');
	const data = parseInput(quietSchema, input);
	await ctx.db
		.updateTable('users')
		.set(
			data.quiet
				? { quiet_hours_start: data.start, quiet_hours_end: data.end }
				: { quiet_hours_start: null, quiet_hours_end: null }
		)
		.where('id', '=', actor.id)
		.execute();
	return data.quiet ? { start: data.start, end: data.end } : null;
}
