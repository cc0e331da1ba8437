import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { crossPostInto } from '../promotions/cross-posting';
import { makeUser } from './fixtures';

/** Neighbouring groups for the tests of Pakiet 3's cross-posting: groups, their members, a promoted post. */
export function neighbours(ctx: Ctx, operator: Actor) {
	let n = 0;
	return {
		async group(slug: string, code: string, isPublic = true): Promise<Group> {
			await createGroup(ctx, operator, {
				slug,
				municipalityCode: code,
				name: `Grupa ${slug}`,
				membershipQuestion: 'Skąd jesteś?',
				isPublic
			});
			return getGroup(ctx.db, slug);
		},

		async memberOf(g: Group, role: 'member' | 'moderator' = 'member'): Promise<Actor> {
			const actor = await makeUser(ctx, `osoba${++n}@t.pl`);
			await requestMembership(ctx, actor, g, 'Mieszkam tu');
			await decideMembership(ctx, operator, g, actor.id, true);
			if (role === 'moderator')
				await ctx.db
					.updateTable('memberships')
					.set({ role: 'moderator' })
					.where('user_id', '=', actor.id)
					.where('group_id', '=', g.id)
					.execute();
			return actor;
		},

		/** A published post of the group, promoted for three days and cross-posted to the group's targets. */
		async promotedPost(g: Group, body = 'Dożynki gminne w sobotę', category = 'official'): Promise<string> {
			const { id } = await createPost(ctx, operator, g, { body, category });
			const promotion = await ctx.db
				.insertInto('promotions')
				.values({
					post_id: id,
					group_id: g.id,
					sponsor_name: 'Urząd Gminy',
					starts_at: ctx.clock.now(),
					ends_at: new Date(ctx.clock.now().getTime() + 3 * 86_400_000),
					created_at: ctx.clock.now()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await ctx.db
				.transaction()
				.execute((tx) => crossPostInto(tx, ctx.clock, { promotionId: promotion.id, postId: id, sourceGroupId: g.id }));
			return id;
		}
	};
}
