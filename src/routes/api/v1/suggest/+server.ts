import { parseQuery, reply } from '$lib/server/api/contract';
import { suggestGroups as operation } from '$lib/server/api/service';
import { api } from '$lib/server/web/http';
import { suggestGroups } from '$lib/server/stats/public';
import type { RequestHandler } from './$types';

/** The header's search box: municipalities with a group whose name contains the text, diacritics ignored. */
export const GET: RequestHandler = ({ locals, url }) =>
	api(async () => {
		const { q } = parseQuery(operation, url);
		return reply(
			operation,
			200,
			{ items: await suggestGroups(locals.readCtx, q) },
			{ 'cache-control': 'public, max-age=30' }
		);
	});
