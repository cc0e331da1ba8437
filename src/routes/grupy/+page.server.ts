import { redirect } from '@sveltejs/kit';
import { searchMunicipalities, voivodeships } from '$lib/server/municipalities/municipalities';
import { filterDirectory, groupDirectory } from '$lib/server/stats/public';
import { foldText } from '$lib/server/text/fold';
import type { PageServerLoad } from './$types';

const PER_PAGE = 50;

/** Every group with last month's activity; search ignores Polish letters; one match opens its page. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const woj = url.searchParams.get('woj') ?? '';
	const voivodeship = voivodeships.includes(woj) ? woj : '';
	const all = await groupDirectory(locals.readCtx);
	const groups = filterDirectory(all, q, voivodeship);
	if (q) {
		const exact = groups.filter((g) => foldText(g.municipality) === foldText(q));
		if (groups.length === 1 || exact.length === 1) redirect(303, `/grupy/${(exact[0] ?? groups[0]).slug}`);
	}
	const municipalities = q && groups.length === 0 ? await searchMunicipalities(locals.readCtx.db, q, 10) : [];
	// 50 a page, largest first, so a phone gets a short page and a long list stays fast.
	const pages = Math.max(1, Math.ceil(groups.length / PER_PAGE));
	const pageNo = Math.min(pages, Math.max(1, Number(url.searchParams.get('strona')) || 1));
	const shown = groups.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE).map((g) => ({
		slug: g.slug,
		name: g.name,
		municipality: g.municipality,
		county: g.county,
		voivodeship: g.voivodeship,
		members: g.members,
		last30: g.last30
	}));
	return {
		q,
		voivodeship,
		voivodeships,
		groups: shown,
		found: groups.length,
		firstIndex: (pageNo - 1) * PER_PAGE,
		pageNo,
		pages,
		total: all.length,
		municipalities
	};
};
