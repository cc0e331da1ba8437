import { json } from '@sveltejs/kit';
import { getGroupForReading } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import { groupUnits } from '$lib/server/units/units';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { group } = await getGroupForReading(locals.ctx.db, params.slug);
		return json({ items: await groupUnits(locals.ctx, group) });
	});
