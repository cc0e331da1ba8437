import { AppError } from '$lib/server/errors';
import { parsePeriod, transparencyReport } from '$lib/server/moderation/transparency';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { ctx } = locals;
	let period;
	let problem: string | null = null;
	try {
		period = parsePeriod({ od: url.searchParams.get('od') ?? '', do: url.searchParams.get('do') ?? '' }, ctx.clock.now());
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		problem = e.message;
		period = parsePeriod({}, ctx.clock.now());
	}
	const groups = await ctx.db.selectFrom('groups').select(['slug', 'name']).where('is_public', '=', true).orderBy('name').execute();
	return { report: await transparencyReport(ctx.db, period), groups, problem };
};
