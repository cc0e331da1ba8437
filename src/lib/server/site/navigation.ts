import type { Actor, Ctx } from '../core/context';
import { countUnread } from '../notify/notifications';
import { unitWorkspacePath } from '../auth/landing';

export interface Navigation {
	unread: number;
	/** Moderates a group (or is the operator): the header links to the queue. */
	moderates: boolean;
	/** The office's panel: coordinators (and the operator) see the municipality, a unit's admin the unit. */
	officeHref: string | null;
	/** Unit staff: their unit's workspace (`/jednostka/{unitId}`; the first unit by name when several). */
	workspaceHref: string | null;
}

/** What the header offers the person: unread notifications, the moderators' queue, the office's panel. */
export async function navigationFor(ctx: Pick<Ctx, 'db'>, actor: Actor | null): Promise<Navigation> {
	if (!actor) return { unread: 0, moderates: false, officeHref: null, workspaceHref: null };
	const { db } = ctx;
	const [unread, moderated, coordinator, units] = await Promise.all([
		countUnread(db, actor.id),
		db
			.selectFrom('memberships')
			.select('group_id')
			.where('user_id', '=', actor.id)
			.where('role', '=', 'moderator')
			.where('status', '=', 'approved')
			.limit(1)
			.executeTakeFirst(),
		db.selectFrom('coordinators').select('user_id').where('user_id', '=', actor.id).limit(1).executeTakeFirst(),
		// The person's units (rarely more than one), by name: the first is their workspace.
		db
			.selectFrom('unit_members as m')
			.innerJoin('units as u', 'u.id', 'm.unit_id')
			.select(['m.unit_id', 'm.role'])
			.where('m.user_id', '=', actor.id)
			.orderBy('u.name')
			.execute()
	]);
	const unitAdmin = units.find((u) => u.role === 'unitAdmin');
	const officeHref =
		coordinator || actor.isOperator ? '/urzad' : unitAdmin ? `/urzad/jednostki/${unitAdmin.unit_id}` : null;
	return {
		unread,
		moderates: actor.isOperator || !!moderated,
		officeHref,
		workspaceHref: units.length ? unitWorkspacePath({ id: units[0].unit_id }) : null
	};
}
