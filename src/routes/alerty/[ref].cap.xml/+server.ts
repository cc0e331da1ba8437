import { alertCap } from '$lib/server/alerts/open-formats';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** An alert, one of its updates or its all-clear as a CAP 1.2 message. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const xml = await alertCap(locals.ctx, locals.actor, params.ref);
		return new Response(xml, { headers: { 'content-type': 'application/cap+xml; charset=utf-8' } });
	} catch (e) {
		return apiError(e);
	}
};
