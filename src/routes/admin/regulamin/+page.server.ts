import { formAction, page, requireActor } from '$lib/server/web/http';
import { publishTerms, termsForEditing } from '$lib/server/moderation/terms-versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return page(() => termsForEditing(event.locals.ctx, actor));
};

export const actions: Actions = {
	publish: formAction(
		async (f, { locals }) => {
			const version = await publishTerms(locals.ctx, locals.actor, f);
			return { published: version };
		},
		(f) => f
	)
};
