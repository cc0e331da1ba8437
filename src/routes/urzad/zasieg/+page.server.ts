import { regionalReach, setRegionalReach } from '$lib/server/promotions/cross-posting';
import { action, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** The coordinator's "Zasięg regionalny": the groups promoted posts also appear in (Pakiet 3). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams;
	return page(() => regionalReach(event.locals.ctx, actor, q.get('grupa'), q.get('q')));
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const form = await request.formData();
		const group = String(form.get('group') ?? '');
		const mode = form.get('mode') === 'default' ? 'default' : 'list';
		const targets = form.getAll('targets').map(String);
		return action(async () => ({ saved: await setRegionalReach(locals.ctx, locals.actor, group, { mode, targets }) }), {
			mode,
			targets
		});
	}
};
