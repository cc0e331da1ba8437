import { getGroup } from '$lib/server/groups/groups';
import {
	allowCrossPostSource,
	crossPostSources,
	previewRefusal,
	refuseCrossPostSource
} from '$lib/server/promotions/cross-posting';
import { formAction, page } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** "Posty z innych gmin": the groups whose promoted posts come into this one, each refused or allowed. */
export const load: PageServerLoad = async ({ locals, parent }) => {
	const { group: chosen } = await parent();
	const group = await getGroup(locals.ctx.db, chosen.slug);
	return { sources: await page(() => crossPostSources(locals.ctx, locals.actor, group)) };
};

export const actions: Actions = {
	// "Nie przyjmuj" asks first (what leaves the feed); the confirmation posts to `refuse`.
	refusePreview: formAction(
		async (f, { locals }) => ({
			refusePreview: await previewRefusal(locals.ctx, locals.actor, await getGroup(locals.ctx.db, f.group), f.source)
		}),
		(f) => ({ source: f.source })
	),
	refuse: formAction(
		async (f, { locals }) => ({
			refused: await refuseCrossPostSource(locals.ctx, locals.actor, await getGroup(locals.ctx.db, f.group), f.source)
		}),
		(f) => ({ source: f.source })
	),
	allow: formAction(
		async (f, { locals }) => ({
			allowed: (await allowCrossPostSource(locals.ctx, locals.actor, await getGroup(locals.ctx.db, f.group), f.source))
				.source
		}),
		(f) => ({ source: f.source })
	)
};
