import { json } from '@sveltejs/kit';
import { apiGroup } from '$lib/server/api/present';
import { listGroups } from '$lib/server/groups/groups';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	api(async () => json({ items: (await listGroups(locals.ctx.db)).map(apiGroup) }));
