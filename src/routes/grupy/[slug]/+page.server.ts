import { getGroupForReading } from '$lib/server/groups/groups';
import { page } from '$lib/server/http';
import { monthlyStats } from '$lib/server/stats/monthly';
import type { PageServerLoad } from './$types';

/** A municipality's page: its group's reach month by month. */
export const load: PageServerLoad = async ({ locals, params }) =>
	page(async () => {
		const { group, municipality } = await getGroupForReading(locals.ctx.db, params.slug);
		return {
			group: { slug: group.slug, name: group.name, members: group.member_count },
			municipality: { name: municipality.name, county: municipality.county, voivodeship: municipality.voivodeship },
			months: await monthlyStats(locals.ctx.db, group.id, locals.ctx.clock.now(), 12)
		};
	});
