import { pageWithDocuments } from '$lib/server/documents/offer';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
	page(() => pageWithDocuments(locals.ctx, 'pliki', url.searchParams.get('gmina')));
