import { json } from '@sveltejs/kit';
import { getGroup } from '$lib/server/groups/groups';
import { suggestMembers } from '$lib/server/groups/member-directory';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The "@" autocomplete of the composer and the comment form: `?q=An` → `{"names": ["Anna Nowak", …]}`. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const group = await getGroup(locals.ctx.db, params.slug);
		const names = await suggestMembers(locals.ctx, locals.actor, group, url.searchParams.get('q') ?? '');
		return json({ names }, { headers: { 'cache-control': 'private, no-store' } });
	} catch (e) {
		return apiError(e);
	}
};
