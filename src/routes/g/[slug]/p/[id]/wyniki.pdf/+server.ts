import { assertResultsVisible, pollResults } from '$lib/server/polls/polls';
import { pollResultsPdf } from '$lib/server/polls/exports';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** A poll's results as a PDF for a council session, once the reader may see them. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const results = await pollResults(locals.readCtx, locals.actor, params.id);
		assertResultsVisible(results);
		return new Response(new Uint8Array(await pollResultsPdf(results, locals.ctx.clock.now())), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="wyniki-ankiety-${params.id}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
