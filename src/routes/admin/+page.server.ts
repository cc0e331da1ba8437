import { redirect } from '@sveltejs/kit';
import { createGroup } from '$lib/server/groups/groups';
import { issueApiTokenFor } from '$lib/server/auth/sessions';
import { action, formFields, page, requireActor } from '$lib/server/web/http';
import { adminOverview } from '$lib/server/municipalities/admin-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams.get('gmina') ?? '';
	return { ...(await page(() => adminOverview(event.locals.ctx, actor, q))), q, demo: event.locals.rt.config.demo };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		const result = await action(
			() =>
				createGroup(locals.ctx, locals.actor, {
					...f,
					isPublic: f.isPublic === 'on',
					memberPostsNeedApproval: f.memberPostsNeedApproval === 'on'
				}),
			f
		);
		if (result && 'status' in result) return result;
		redirect(303, `/g/${result.slug}`);
	},
	token: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => ({
				issuedToken: await issueApiTokenFor(locals.ctx, locals.actor, f.email, f.tokenName),
				issuedFor: f.email
			}),
			f
		);
	}
};
