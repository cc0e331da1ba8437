import { openMessageReports } from '$lib/server/conversations/reports';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { group } = await parent();
	return {
		reports: await page(() => openMessageReports(locals.ctx, locals.actor, group.slug)),
		now: locals.ctx.clock.now().toISOString()
	};
};
