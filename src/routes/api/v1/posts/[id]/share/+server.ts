import { parseParams, reply } from '$lib/server/api/contract';
import { sharePost as operation } from '$lib/server/api/posts';
import { getPost } from '$lib/server/feed/feed-query';
import { sharePost } from '$lib/server/feed/engagement';
import { api, clientOf } from '$lib/server/web/http';
import { viewerKey } from '$lib/server/web/viewer';
import type { RequestHandler } from './$types';

/** The link to a post; the share counts once per person (or anonymous visitor) and post. */
export const POST: RequestHandler = async ({ locals, params, url, request }) =>
	api(async () => {
		const { id } = parseParams(operation, params);
		const shares = await sharePost(
			locals.ctx,
			locals.actor,
			id,
			await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals }))
		);
		const { group } = await getPost(locals.ctx, locals.actor, id);
		return reply(operation, 200, { shares, url: `${url.origin}/g/${group.slug}/p/${id}` });
	});
