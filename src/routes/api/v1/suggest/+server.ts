import { json } from '@sveltejs/kit';
import { api } from '$lib/server/web/http';
import { suggestGroups } from '$lib/server/stats/public';
import type { RequestHandler } from './$types';

/** The header's search box: municipalities with a group whose name contains the text, diacritics ignored. */
export const GET: RequestHandler = ({ locals, url }) =>
	api(async () => {
		const q = (url.searchParams.get('q') ?? '').slice(0, 100);
		return json({ items: await suggestGroups(locals.ctx, q) }, { headers: { 'cache-control': 'public, max-age=30' } });
	});
