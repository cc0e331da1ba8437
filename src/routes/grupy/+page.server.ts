import { redirect } from '@sveltejs/kit';
import { searchMunicipalities, voivodeships } from '$lib/server/municipalities/municipalities';
import { filterDirectory, groupDirectory } from '$lib/server/stats/public';
import { foldText } from '$lib/server/text/fold';
import type { PageServerLoad } from './$types';

/** Every group with last month's activity; search ignores Polish letters; one match opens its page. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const woj = url.searchParams.get('woj') ?? '';
	const voivodeship = voivodeships.includes(woj) ? woj : '';
	const all = await groupDirectory(locals.ctx);
	const groups = filterDirectory(all, q, voivodeship);
	if (q) {
		const exact = groups.filter((g) => foldText(g.municipality) === foldText(q));
		if (groups.length === 1 || exact.length === 1) redirect(303, `/grupy/${(exact[0] ?? groups[0]).slug}`);
	}
	const municipalities = q && groups.length === 0 ? await searchMunicipalities(locals.ctx.db, q, 10) : [];
	return { q, voivodeship, voivodeships, groups, total: all.length, municipalities };
};
