import { periodFromQuery, transparencyReport } from '$lib/server/moderation/transparency';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	const { period, problem } = periodFromQuery(url.searchParams, ctx.clock.now());
	const groups = await ctx.db
		.selectFrom('groups')
		.select(['slug', 'name'])
		.where('is_public', '=', true)
		.orderBy('name')
		.execute();
	return { report: await transparencyReport(ctx.db, period), groups, problem };
};
