import { embedWidget } from '$lib/server/feed/embed';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** Served without any script: the page is shown in an <iframe> on the municipality's website. */
export const csr = false;

/** The group widget for the municipality's website and BIP: `?kolor=`, `?tlo=` (hex), `?limit=` (1–10). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const q = url.searchParams;
	return page(() =>
		embedWidget(locals.ctx, params.slug, { kolor: q.get('kolor'), tlo: q.get('tlo'), limit: q.get('limit') })
	);
};
