import { parseBody, reply } from '$lib/server/api/contract';
import { recordViews as operation } from '$lib/server/api/posts';
import { countViews } from '$lib/server/feed/engagement';
import { api, clientOf } from '$lib/server/web/http';
import { viewerKey } from '$lib/server/web/viewer';
import type { RequestHandler } from './$types';

/** Posts the browser showed on screen (in `group`'s feed); each counts once per viewer and day, within a second. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		const { postIds, group } = await parseBody(operation, request);
		const key = await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals }));
		return reply(operation, 202, { accepted: await countViews(locals.ctx, postIds, key, group) });
	});
