import { groupEventFeed } from '$lib/server/events/events';
import { calendarToIcs } from '$lib/server/events/ics';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The group's events for a calendar app to subscribe to (RFC 5545). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const { group, events } = await groupEventFeed(locals.readCtx, params.slug);
		const ics = calendarToIcs(
			`Wydarzenia – ${group.name}`,
			events.map((post) => ({ post, url: `${url.origin}/g/${group.slug}/p/${post.id}` })),
			locals.ctx.clock.now()
		);
		return new Response(ics, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="wydarzenia-${group.slug}.ics"`,
				'cache-control': 'public, max-age=300'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
