import { AppError } from '$lib/server/errors';
import { getGroupForReading } from '$lib/server/groups/groups';
import { page } from '$lib/server/http';
import { parsePeriod, transparencyReport } from '$lib/server/moderation/transparency';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { ctx } = locals;
	const { group } = await page(() => getGroupForReading(ctx.db, params.slug));
	let period;
	let problem: string | null = null;
	try {
		period = parsePeriod({ od: url.searchParams.get('od') ?? '', do: url.searchParams.get('do') ?? '' }, ctx.clock.now());
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		problem = e.message;
		period = parsePeriod({}, ctx.clock.now());
	}
	return { report: await transparencyReport(ctx.db, period, group.id), group: { slug: group.slug, name: group.name }, problem };
};
