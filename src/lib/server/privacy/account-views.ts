import type { Actor, Ctx } from '../core/context';
import { unauthenticated } from '../core/errors';
import { listApiTokens } from '../auth/sessions';
import { listDataExports } from './export';

/** The account page (`/konto`): the person's groups with their role, API tokens and data exports. */
export async function accountPage(ctx: Ctx, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	const groups = await ctx.db
		.selectFrom('memberships')
		.innerJoin('groups', 'groups.id', 'memberships.group_id')
		.select(['groups.slug', 'groups.name', 'memberships.status', 'memberships.role'])
		.where('memberships.user_id', '=', actor.id)
		.orderBy('groups.name')
		.execute();
	const tokens = (await listApiTokens(ctx, actor)).map((t) => ({
		id: t.id,
		name: t.name,
		createdAt: t.created_at.toISOString(),
		lastUsedAt: t.last_used_at?.toISOString() ?? null
	}));
	const exports = await listDataExports(ctx, actor);
	return { groups, tokens, exports };
}
