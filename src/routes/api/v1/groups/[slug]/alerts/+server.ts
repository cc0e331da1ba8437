import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { sendGroupAlert } from '$lib/server/api/alerts';
import { sendAlert } from '$lib/server/alerts/send';
import { getGroup } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { slug } = parseParams(sendGroupAlert, params);
		const input = await parseBody(sendGroupAlert, request);
		const group = await getGroup(locals.ctx.db, slug);
		const { postId, sent } = await sendAlert(locals.ctx, locals.actor, group, input);
		return reply(sendGroupAlert, 201, { id: postId, sent });
	});
