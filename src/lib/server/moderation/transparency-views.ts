import type { Ctx } from '../core/context';
import { getGroupForReading } from '../groups/groups';
import { periodFromQuery, transparencyReport } from './transparency';

/** The public transparency report (`/przejrzystosc`) for the period asked, with the public groups to choose from. */
export async function transparencyPage(ctx: Pick<Ctx, 'db' | 'clock'>, query: URLSearchParams) {
	const { period, problem } = periodFromQuery(query, ctx.clock.now());
	const groups = await ctx.db
		.selectFrom('groups')
		.select(['slug', 'name'])
		.where('is_public', '=', true)
		.orderBy('name')
		.execute();
	return { report: await transparencyReport(ctx.db, period), groups, problem };
}

/** One group's transparency report (`/przejrzystosc/{slug}`) for the period asked. */
export async function groupTransparencyPage(ctx: Pick<Ctx, 'db' | 'clock'>, slug: string, query: URLSearchParams) {
	const { group } = await getGroupForReading(ctx.db, slug);
	const { period, problem } = periodFromQuery(query, ctx.clock.now());
	return {
		report: await transparencyReport(ctx.db, period, group.id),
		group: { slug: group.slug, name: group.name },
		problem
	};
}
