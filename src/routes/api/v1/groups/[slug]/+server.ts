import { json } from '@sveltejs/kit';
import { apiGroup } from '$lib/server/api/present';
import { listGroups } from '$lib/server/groups/groups';
import { notFound } from '$lib/server/errors';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const [group] = await listGroups(locals.ctx.db, { slug: params.slug });
		if (!group) throw notFound('Nie ma takiej grupy.');
		return json(apiGroup(group));
	});
