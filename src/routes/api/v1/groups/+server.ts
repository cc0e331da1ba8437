import { reply } from '$lib/server/api/contract';
import { listGroups as operation } from '$lib/server/api/groups';
import { apiGroup } from '$lib/server/api/present';
import { listGroups } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	api(async () => reply(operation, 200, { items: (await listGroups(locals.ctx.db)).map(apiGroup) }));
