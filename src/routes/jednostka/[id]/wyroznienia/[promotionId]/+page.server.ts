import { page, requireActor } from '$lib/server/web/http';
import { promotionReport } from '$lib/server/promotions/reach';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(() => promotionReport(locals.ctx, actor, params.id, params.promotionId));
};
