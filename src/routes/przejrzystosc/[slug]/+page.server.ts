import { getGroupForReading } from '$lib/server/groups/groups';
import { page } from '$lib/server/web/http';
import { periodFromQuery, transparencyReport } from '$lib/server/moderation/transparency';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { ctx } = locals;
	const { group } = await page(() => getGroupForReading(ctx.db, params.slug));
	const { period, problem } = periodFromQuery(url.searchParams, ctx.clock.now());
	return {
		report: await transparencyReport(ctx.db, period, group.id),
		group: { slug: group.slug, name: group.name },
		problem
	};
};
