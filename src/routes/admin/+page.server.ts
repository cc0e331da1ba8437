import { error, redirect } from '@sveltejs/kit';
import { createGroup, listGroups } from '$lib/server/groups/groups';
import { action, formFields } from '$lib/server/web/http';
import { searchMunicipalities } from '$lib/server/municipalities/municipalities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Tylko operator ma dostęp do administracji.' });
	const q = url.searchParams.get('gmina') ?? '';
	return {
		groups: await listGroups(locals.ctx.db),
		q,
		municipalities: q ? await searchMunicipalities(locals.ctx.db, q, 15) : [],
		demo: locals.rt.config.demo
	};
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
	}
};
