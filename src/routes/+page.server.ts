import { redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/server/site/home';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** Residents first: their groups (a member of one group reads its feed), or a municipality's group by name. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const home = await page(() => homeFor(locals.ctx, locals.actor, url.searchParams.get('q')));
	if (home.redirectTo) redirect(303, home.redirectTo);
	return home;
};
