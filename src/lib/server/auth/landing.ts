import type { Actor, Ctx } from '../core/context';
import { rolesOf } from '../access/roles';

/** Where a unit's staff work: the unit's workspace (by id — slugs are unique only per municipality). */
export const unitWorkspacePath = (unit: { id: string }): string => `/jednostka/${unit.id}`;

/**
 * Where a person lands after signing in (when no `?dalej=` says otherwise), by the work their role
 * brings: the operator on the admin overview, a coordinator on the office's panel, a moderator on
 * the queue, unit staff on their unit's workspace, a member (or someone waiting to be let in) on
 * their group's feed; someone in several groups, or in none, on the home page, which lists their
 * groups and finds a municipality's group.
 */
export async function landingFor(ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<string> {
	if (actor.isOperator) return '/admin';
	const roles = await rolesOf(ctx, actor);
	if (roles.coordinator) return '/urzad';
	if (roles.moderator) return '/moderacja';
	if (roles.units.length) return unitWorkspacePath(roles.units[0]); // the unit the header's workspace link opens
	if (roles.groups.length === 1) return `/g/${roles.groups[0].slug}`;
	return '/';
}

/** The group whose feed a signed-in member of exactly one group reads first, or null. */
export async function onlyGroupOf(ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<string | null> {
	const rows = await ctx.db
		.selectFrom('memberships')
		.innerJoin('groups', 'groups.id', 'memberships.group_id')
		.select('groups.slug')
		.where('memberships.user_id', '=', actor.id)
		.where('memberships.status', '=', 'approved')
		.limit(2)
		.execute();
	return rows.length === 1 ? rows[0].slug : null;
}
