import { pageWithDocuments } from '$lib/server/documents/offer';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** The offer of Pakiet 1 (the operator's text) with live numbers and the chosen municipality's documents. */
export const load: PageServerLoad = ({ locals, url }) =>
	page(() => pageWithDocuments(locals.ctx, 'oferta', url.searchParams.get('gmina')));
