import type { Db } from '../db/database';
import type { SanctionKind } from '../db/schema';

export interface ActiveSanction {
	kind: Exclude<SanctionKind, 'warn'>;
	endsAt: Date;
	reason: string;
}

const strength: Record<SanctionKind, number> = { ban: 3, suspend: 2, mute: 1, warn: 0 };

/** The strongest mute, suspension or ban in force for a person in a group. */
export async function activeSanction(
	db: Db,
	groupId: string,
	userId: string,
	now: Date
): Promise<ActiveSanction | null> {
	const rows = await db
		.selectFrom('sanctions')
		.select(['kind', 'ends_at', 'reason'])
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.where('kind', '!=', 'warn')
		.where('lifted_at', 'is', null)
		.where('starts_at', '<=', now)
		.where('ends_at', '>', now)
		.execute();
	const strongest = rows.sort(
		(a, b) => strength[b.kind] - strength[a.kind] || b.ends_at.getTime() - a.ends_at.getTime()
	)[0];
	return strongest
		? { kind: strongest.kind as ActiveSanction['kind'], endsAt: strongest.ends_at, reason: strongest.reason }
		: null;
}
