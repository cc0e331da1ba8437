import { page } from '$lib/server/web/http';
import { findPlace, groupDirectory, topPosts } from '$lib/server/stats/public';
import type { PageServerLoad } from './$types';

const periods = [7, 30, 90];

/** The most engaging posts of the last 7, 30 or 90 days, across municipalities or in one (by slug or name). */
export const load: PageServerLoad = ({ locals, url }) =>
	page(async () => {
		const days = periods.includes(Number(url.searchParams.get('okres'))) ? Number(url.searchParams.get('okres')) : 30;
		const asked = (url.searchParams.get('gmina') ?? '').trim().slice(0, 100);
		const chosen = asked ? findPlace(await groupDirectory(locals.readCtx), asked) : null;
		return {
			days,
			periods,
			chosen: chosen ? { slug: chosen.slug, municipality: chosen.municipality } : null,
			notFound: asked && !chosen ? asked : null,
			posts: asked && !chosen ? [] : await topPosts(locals.readCtx, days, chosen?.id ?? null, 20)
		};
	});
