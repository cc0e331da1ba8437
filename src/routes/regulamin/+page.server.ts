import { termsPage } from '$lib/server/moderation/terms-versions';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** The groups' rules in force, or an earlier version (`?wersja=N`). */
export const load: PageServerLoad = ({ locals, url }) =>
	page(() => termsPage(locals.ctx, url.searchParams.get('wersja')));
