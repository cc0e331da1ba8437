import { assertResultsVisible, pollResults } from '$lib/server/polls/polls';
import { pollResultsCsv } from '$lib/server/polls/exports';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** A poll's results as a spreadsheet, once the reader may see them. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const results = await pollResults(locals.readCtx, locals.actor, params.id);
		assertResultsVisible(results);
		return new Response(new Uint8Array(pollResultsCsv(results)), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="wyniki-ankiety-${params.id}.csv"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
