import { listGroups } from '$lib/server/groups/groups';
import { searchMunicipalities } from '$lib/server/municipalities/municipalities';
import { foldText } from '$lib/server/text/fold';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const groups = await listGroups(locals.ctx.db);
	if (!q) return { q, groups, municipalities: [] };
	const folded = foldText(q);
	const matching = groups.filter((g) => foldText(g.municipality).includes(folded) || foldText(g.name).includes(folded));
	if (matching.length === 1 && foldText(matching[0].municipality) === folded) redirect(303, `/g/${matching[0].slug}`);
	const municipalities = matching.length ? [] : await searchMunicipalities(locals.ctx.db, q, 10);
	return { q, groups: matching, municipalities };
};
