import { action, page, formAction, requireActor } from '$lib/server/web/http';
import { resetSitePage, saveSitePage } from '$lib/server/site/pages';
import { sitePageForEditing } from '$lib/server/site/admin-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return page(() => sitePageForEditing(event.locals.ctx, actor, event.params.slug));
};

export const actions: Actions = {
	save: formAction(
		async (f, { locals, params }) => {
			await saveSitePage(locals.ctx, locals.actor, params.slug, f);
			return { saved: 'Zapisano stronę. Zmiana jest już widoczna.' };
		},
		(f) => f
	),
	reset: async ({ locals, params }) =>
		action(async () => {
			await resetSitePage(locals.ctx, locals.actor, params.slug);
			return { saved: 'Przywrócono tekst początkowy.' };
		})
};
