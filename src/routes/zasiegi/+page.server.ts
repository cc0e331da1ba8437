import { page } from '$lib/server/http';
import { groupDirectory, topPosts } from '$lib/server/stats/public';
import type { PageServerLoad } from './$types';

const periods = [7, 30, 90];

/** The most engaging posts of the last 7, 30 or 90 days, across municipalities or in one. */
export const load: PageServerLoad = ({ locals, url }) =>
	page(async () => {
		const days = periods.includes(Number(url.searchParams.get('okres'))) ? Number(url.searchParams.get('okres')) : 30;
		const groups = await groupDirectory(locals.ctx);
		const chosen = groups.find((g) => g.slug === url.searchParams.get('gmina')) ?? null;
		const groupId = chosen ? (await locals.ctx.db.selectFrom('groups').select('id').where('slug', '=', chosen.slug).executeTakeFirstOrThrow()).id : null;
		return {
			days,
			periods,
			groups: groups.map((g) => ({ slug: g.slug, municipality: g.municipality })),
			chosen: chosen ? { slug: chosen.slug, municipality: chosen.municipality } : null,
			posts: await topPosts(locals.ctx, days, groupId, 20)
		};
	});
