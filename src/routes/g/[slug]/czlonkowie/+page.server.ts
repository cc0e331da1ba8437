import { decideMembership, getGroup, listMembers } from '$lib/server/groups/groups';
import { searchMembers } from '$lib/server/groups/member-directory';
import { groupAccess } from '$lib/server/access/group-access';
import { can } from '$lib/server/access/policy';
import { page, formAction, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => {
		const actor = requireActor({ locals, url });
		const group = await getGroup(locals.ctx.db, params.slug);
		const access = await groupAccess(locals.ctx, actor, group);
		const moderates = can(access.role, 'decideMembership', group);
		const [members, pending] = await Promise.all([
			searchMembers(locals.ctx, actor, group, {
				q: url.searchParams.get('q') ?? undefined,
				page: url.searchParams.get('strona') ?? undefined
			}),
			moderates ? listMembers(locals.ctx, actor, group, { status: 'pending' }) : []
		]);
		return {
			group: {
				slug: group.slug,
				name: group.name,
				memberCount: group.member_count,
				question: group.membership_question
			},
			members,
			pending,
			moderates
		};
	});

export const actions: Actions = {
	decide: formAction(async (f, { locals, params }) => {
		await decideMembership(
			locals.ctx,
			locals.actor,
			await getGroup(locals.ctx.db, params.slug),
			f.userId,
			f.decision === 'approve'
		);
		return { decided: f.decision };
	})
};
