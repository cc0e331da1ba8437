import { getPost } from '$lib/server/feed/feed-query';
import { eventToIcs } from '$lib/server/events/ics';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const { post, group } = await getPost(locals.ctx, locals.actor, params.id);
		if (!post.event || group.slug !== params.slug)
			return new Response('Ten post nie opisuje wydarzenia.', { status: 404 });
		const ics = eventToIcs(post, `${url.origin}/g/${group.slug}/p/${post.id}`, locals.ctx.clock.now());
		return new Response(ics, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="wydarzenie-${post.id}.ics"`
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
