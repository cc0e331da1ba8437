import { page } from '$lib/server/web/http';
import { groupTransparencyPage } from '$lib/server/moderation/transparency-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) =>
	page(() => groupTransparencyPage(locals.readCtx, params.slug, url.searchParams));
