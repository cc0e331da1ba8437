import { page, requireActor } from '$lib/server/web/http';
import { ticketsForStaff } from '$lib/server/support/admin-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const all = event.url.searchParams.get('wszystkie') === '1';
	return { all, tickets: await page(() => ticketsForStaff(event.locals.ctx, actor, all)) };
};
