import { documentsFor } from '$lib/server/documents/documents';
import { page } from '$lib/server/web/http';
import { municipalityPage } from '$lib/server/stats/public';
import type { PageServerLoad } from './$types';

/** A municipality's page: its group's reach, month by month, its most popular posts and its units. */
export const load: PageServerLoad = ({ locals, params }) =>
	page(async () => {
		const stats = await municipalityPage(locals.readCtx, params.slug);
		return { ...stats, documents: documentsFor({ slug: stats.group.slug, municipality: stats.municipality.name }) };
	});
