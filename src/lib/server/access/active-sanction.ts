import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { SanctionKind } from '../db/schema';

export interface ActiveSanction {
	kind: Exclude<SanctionKind, 'warn'>;
	endsAt: Date;
	reason: string;
}

/** The strongest mute, suspension or ban in force for a person in a group (of equals, the longest): a query to embed. */
export function activeSanctionQuery(db: Db, groupId: string, userId: string, now: Date) {
	return db
		.selectFrom('sanctions')
		.select(['kind', 'ends_at', 'reason'])
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.where('kind', '!=', 'warn')
		.where('lifted_at', 'is', null)
		.where('starts_at', '<=', now)
		.where('ends_at', '>', now)
		.orderBy(sql`CASE kind WHEN 'ban' THEN 3 WHEN 'suspend' THEN 2 ELSE 1 END`, 'desc')
		.orderBy('ends_at', 'desc')
		.limit(1);
}
