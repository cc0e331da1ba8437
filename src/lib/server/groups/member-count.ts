import type { Db } from '../db/database';

/**
 * Someone became (+1) or stopped being (−1) a member: the group's counter follows and the event
 * is kept for the statistics (membership rows alone forget who left and when). The one place
 * every join, leave, ban and account deletion goes through.
 */
export async function membershipChanged(
	tx: Db,
	groupId: string,
	userId: string,
	delta: 1 | -1,
	at: Date
): Promise<void> {
	await tx
		.updateTable('groups')
		.set((eb) => ({ member_count: eb('member_count', '+', delta) }))
		.where('id', '=', groupId)
		.execute();
	await tx.insertInto('membership_events').values({ group_id: groupId, user_id: userId, delta, at }).execute();
}
