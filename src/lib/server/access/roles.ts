import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Actor, Ctx } from '../core/context';
import type { UnitMemberTable } from '../db/schema';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/** The roles a signed-in person holds outside any one group: what their header offers and where they land. */
export interface PersonRoles {
	operator: boolean;
	/** Coordinates at least one municipality. */
	coordinator: boolean;
	/** Moderates at least one group (an approved membership with the moderator's role). */
	moderator: boolean;
	/** Their units by name (rarely more than one): the first is their workspace. */
	units: { id: string; role: UnitMemberTable['role'] }[];
	/** Groups they belong to or wait to join, approved first; at most two (one or several is all that matters). */
	groups: { slug: string; status: 'approved' | 'pending' }[];
	/** Unread notifications: the header shows them next to the roles' links, so the same query reads them. */
	unread: number;
	/** Conversations with a message the person has not read (the header's "Wiadomości"). */
	unreadConversations: number;
}

const rolesQuery = prepared((db: Db, userId: string) =>
	db.selectNoFrom((eb) => [
		eb
			.selectFrom('notifications')
			.select(sql<string>`count(*)`.as('n'))
			.where('user_id', '=', userId)
			.where('read_at', 'is', null)
			.as('unread'),
		eb
			.selectFrom('conversation_members as cm')
			.innerJoin('conversations as c', 'c.id', 'cm.conversation_id')
			.select(sql<string>`count(*)`.as('n'))
			.where('cm.user_id', '=', userId)
			.where('c.last_sender_id', '!=', userId)
			.whereRef('c.last_message_id', '>', 'cm.last_read_id')
			.as('unread_conversations'),
		eb.exists(eb.selectFrom('coordinators').select('user_id').where('user_id', '=', userId)).as('coordinator'),
		eb
			.exists(
				eb
					.selectFrom('memberships')
					.select('group_id')
					.where('user_id', '=', userId)
					.where('role', '=', 'moderator')
					.where('status', '=', 'approved')
			)
			.as('moderator'),
		jsonArrayFrom(
			eb
				.selectFrom('unit_members as m')
				.innerJoin('units as u', 'u.id', 'm.unit_id')
				// JSON would turn the bigint into a number; ids are digit strings everywhere else.
				.select([sql<string>`m.unit_id::text`.as('id'), 'm.role'])
				.where('m.user_id', '=', userId)
				.orderBy('u.name')
				.orderBy('u.id')
		).as('units'),
		jsonArrayFrom(
			eb
				.selectFrom('memberships as ms')
				.innerJoin('groups as g', 'g.id', 'ms.group_id')
				.select(['g.slug', 'ms.status'])
				.where('ms.user_id', '=', userId)
				.where('ms.status', 'in', ['approved', 'pending'])
				.orderBy('ms.status')
				.limit(2)
		).as('groups')
	])
);

/** What roles does this person have: one query. For choosing what to show and where to go, never for refusing. */
export async function rolesOf(ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<PersonRoles> {
	const [row] = await rolesQuery(ctx.db, actor.id);
	return {
		operator: actor.isOperator,
		coordinator: !!row.coordinator,
		moderator: !!row.moderator,
		units: row.units,
		groups: row.groups as PersonRoles['groups'],
		unread: Number(row.unread),
		unreadConversations: Number(row.unread_conversations)
	};
}
