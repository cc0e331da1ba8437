import { redirect } from '@sveltejs/kit';
import { decideMembership, getGroup, listMembers } from '$lib/server/groups/groups';
import { groupAccess } from '$lib/server/access/group-access';
import { can } from '$lib/server/access/policy';
import { action, formFields, page } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => {
		if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
		const group = await getGroup(locals.ctx.db, params.slug);
		const access = await groupAccess(locals.ctx, locals.actor, group);
		const moderates = can(access.role, 'decideMembership', group);
		const [members, pending] = await Promise.all([
			listMembers(locals.ctx, locals.actor, group, { limit: 200 }),
			moderates ? listMembers(locals.ctx, locals.actor, group, { status: 'pending' }) : []
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
	decide: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await decideMembership(
				locals.ctx,
				locals.actor,
				await getGroup(locals.ctx.db, params.slug),
				f.userId,
				f.decision === 'approve'
			);
			return { decided: f.decision };
		});
	}
};
