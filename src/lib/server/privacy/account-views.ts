import type { Actor, Ctx } from '../core/context';
import { unauthenticated } from '../core/errors';
import { listApiTokens } from '../auth/sessions';
import { mayHoldApiTokens } from '../access/office';
import { memberPlaceIds, placePicker, placeTree } from '../places/places';
import { listDataExports } from './export';
import { pushQuietHours } from '../notify/member-settings';

/**
 * The account page (`/konto`): the person's groups with their role and the places they follow there
 * (with the group's picker), API tokens (for unit staff, coordinators, the operator), data exports and
 * the quiet hours of web push.
 */
export async function accountPage(ctx: Ctx, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	const groups = await ctx.db
		.selectFrom('memberships')
		.innerJoin('groups', 'groups.id', 'memberships.group_id')
		.select(['groups.id', 'groups.slug', 'groups.name', 'memberships.status', 'memberships.role'])
		.where('memberships.user_id', '=', actor.id)
		.orderBy('groups.name')
		.execute();
	const withPlaces = await Promise.all(
		groups.map(async ({ id, ...g }) => {
			if (g.status === 'declined') return { ...g, places: null };
			const [tree, chosen] = await Promise.all([placeTree(ctx.db, id), memberPlaceIds(ctx.db, id, actor.id)]);
			return { ...g, places: tree.byId.size ? { picker: placePicker(tree), chosen } : null };
		})
	);
	const tokens = (await listApiTokens(ctx, actor)).map((t) => ({
		id: t.id,
		name: t.name,
		createdAt: t.created_at.toISOString(),
		lastUsedAt: t.last_used_at?.toISOString() ?? null
	}));
	const exports = await listDataExports(ctx, actor);
	const quietHours = await pushQuietHours(ctx, actor);
	// Tokens serve units' and the office's systems; anyone else sees the section only to revoke old ones.
	const canCreateTokens = await mayHoldApiTokens(ctx, actor);
	return { groups: withPlaces, tokens, canCreateTokens, exports, quietHours };
}
