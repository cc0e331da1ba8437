import { pageWithDocuments } from '$lib/server/site/offer';
import { page } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
	page(() => pageWithDocuments(locals.ctx, 'pliki', url.searchParams.get('gmina')));
