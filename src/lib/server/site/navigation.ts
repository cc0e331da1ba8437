import type { Actor, Ctx } from '../core/context';
import { unitWorkspacePath } from '../auth/landing';
import { rolesOf } from '../access/roles';

export interface Navigation {
	unread: number;
	/** Private conversations with unread messages; null: no "Wiadomości" link (in no group, no conversation). */
	unreadConversations: number | null;
	/** Moderates a group (or is the operator): the header links to the queue. */
	moderates: boolean;
	/** The office's panel: coordinators (and the operator) see the municipality, a unit's admin the unit. */
	officeHref: string | null;
	/** Unit staff: their unit's workspace (`/jednostka/{unitId}`; the first unit by name when several). */
	workspaceHref: string | null;
}

/** What the header offers the person: unread notifications, the moderators' queue, the office's panel. */
export async function navigationFor(ctx: Pick<Ctx, 'db'>, actor: Actor | null): Promise<Navigation> {
	if (!actor) return { unread: 0, unreadConversations: null, moderates: false, officeHref: null, workspaceHref: null };
	const roles = await rolesOf(ctx, actor);
	const unitAdmin = roles.units.find((u) => u.role === 'unitAdmin');
	const officeHref =
		roles.coordinator || actor.isOperator ? '/urzad' : unitAdmin ? `/urzad/jednostki/${unitAdmin.id}` : null;
	return {
		unread: roles.unread,
		unreadConversations:
			roles.unreadConversations > 0 || roles.groups.some((g) => g.status === 'approved')
				? roles.unreadConversations
				: null,
		moderates: actor.isOperator || roles.moderator,
		officeHref,
		workspaceHref: roles.units.length ? unitWorkspacePath(roles.units[0]) : null
	};
}
