import { parseParams, reply } from '$lib/server/api/contract';
import { getGroup as operation } from '$lib/server/api/groups';
import { apiGroup } from '$lib/server/api/present';
import { listGroups } from '$lib/server/groups/groups';
import { notFound } from '$lib/server/core/errors';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { slug } = parseParams(operation, params);
		const [group] = await listGroups(locals.ctx.db, { slug });
		if (!group) throw notFound('Nie ma takiej grupy.');
		return reply(operation, 200, apiGroup(group));
	});
