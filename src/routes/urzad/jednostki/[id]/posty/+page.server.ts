import { redirect } from '@sveltejs/kit';
import { page } from '$lib/server/web/http';
import { unitPostStats } from '$lib/server/units/unit-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	return page(() => unitPostStats(locals.ctx, locals.actor, params.id));
};
