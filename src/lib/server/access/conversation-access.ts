import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { notFound } from '../core/errors';
import { isId } from '../core/validation';
import { activeSanctionQuery } from './active-sanction';
import { assertSignedIn } from './actor';
import { groupAccess } from './group-access';
import { assertCan } from './policy';

const NO_CONVERSATION = 'Nie ma takiej rozmowy.';

/**
 * A private conversation opens to its two people and no one else: anyone else, the operator
 * included, is told it does not exist. Returns it with the other person's id.
 */
export async function authorizeConversation(ctx: Pick<Ctx, 'db'>, actor: Actor | null, conversationId: string) {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć swoje wiadomości.');
	if (!isId(conversationId)) throw notFound(NO_CONVERSATION);
	const conversation = await ctx.db
		.selectFrom('conversations')
		.selectAll()
		.where('id', '=', conversationId)
		.where((eb) => eb.or([eb('user_low', '=', actor.id), eb('user_high', '=', actor.id)]))
		.executeTakeFirst();
	if (!conversation) throw notFound(NO_CONVERSATION);
	const otherId = conversation.user_low === actor.id ? conversation.user_high : conversation.user_low;
	return { conversation, actor, otherId };
}

/**
 * How a person stands in a group for private messages, whoever asks: `member` (approved, no
 * sanction: writes and receives), `muted` (receives only), or null (not a member, suspended or banned).
 */
export async function messagingStanding(
	db: Db,
	groupId: string,
	userId: string,
	now: Date
): Promise<'member' | 'muted' | null> {
	const row = await db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select((eb) =>
			eb
				.selectFrom(activeSanctionQuery(db, groupId, userId, now).as('s'))
				.select('s.kind')
				.as('sanction')
		)
		.where('memberships.group_id', '=', groupId)
		.where('memberships.user_id', '=', userId)
		.where('memberships.status', '=', 'approved')
		.where('users.deleted_at', 'is', null)
		.executeTakeFirst();
	if (!row) return null;
	if (row.sanction === 'ban' || row.sanction === 'suspend') return null;
	return row.sanction === 'mute' ? 'muted' : 'member';
}

/**
 * A report of a private message opens that one conversation to the moderators of the group it was
 * written in (and the operator, who moderates every group); nobody reads messages without one.
 */
export async function authorizeMessageReport(ctx: Pick<Ctx, 'db' | 'clock'>, actor: Actor | null, reportId: string) {
	assertSignedIn(actor, 'Zaloguj się, aby rozpatrywać zgłoszenia.');
	const missing = 'Nie ma takiego zgłoszenia wiadomości.';
	if (!isId(reportId)) throw notFound(missing);
	const report = await ctx.db.selectFrom('message_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
	if (!report) throw notFound(missing);
	const group: Group = await ctx.db
		.selectFrom('groups')
		.selectAll()
		.where('id', '=', report.group_id)
		.executeTakeFirstOrThrow();
	assertCan((await groupAccess(ctx, actor, group)).role, 'moderate', group, actor);
	return { report, group, actor };
}
