import { parseParams, reply } from '$lib/server/api/contract';
import { listGroupUnits as operation } from '$lib/server/api/groups';
import { getGroupForReading } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import { groupUnits } from '$lib/server/units/units';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { slug } = parseParams(operation, params);
		const { group } = await getGroupForReading(locals.ctx.db, slug);
		return reply(operation, 200, { items: await groupUnits(locals.ctx, group) });
	});
