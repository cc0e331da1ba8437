import { page, requireActor } from '$lib/server/web/http';
import { sitePagesForOperator } from '$lib/server/site/admin-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { pages: await page(() => sitePagesForOperator(event.locals.ctx, actor)) };
};
