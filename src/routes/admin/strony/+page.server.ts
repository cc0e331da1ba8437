import { error, redirect } from '@sveltejs/kit';
import { listSitePages } from '$lib/server/site/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Strony serwisu zmienia operator.' });
	const pages = await listSitePages(locals.ctx.db);
	return { pages: pages.map((p) => ({ slug: p.slug, title: p.title, updatedAt: p.updatedAt?.toISOString() ?? null })) };
};
