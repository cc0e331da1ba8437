import { error, redirect } from '@sveltejs/kit';
import { getGroup, updateGroup } from '$lib/server/groups/groups';
import { action, formFields, page } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => {
		if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
		if (!locals.actor.isOperator) error(403, { message: 'Tylko operator może zmieniać ustawienia grupy.' });
		const g = await getGroup(locals.ctx.db, params.slug);
		return { group: { slug: g.slug, name: g.name, description: g.description, rules: g.rules, isPublic: g.is_public, membershipQuestion: g.membership_question, memberPostsNeedApproval: g.member_posts_need_approval } };
	});

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			const g = await getGroup(locals.ctx.db, params.slug);
			await updateGroup(locals.ctx, locals.actor, g.id, { ...f, isPublic: f.isPublic === 'on', memberPostsNeedApproval: f.memberPostsNeedApproval === 'on' });
			return { saved: true };
		}, f);
	}
};
