import { groupAlertsAtom } from '$lib/server/alerts/open-formats';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The group's active alerts as Atom, each linking its CAP message. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const xml = await groupAlertsAtom(locals.ctx, locals.actor, params.slug);
		return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
	} catch (e) {
		return apiError(e);
	}
};
