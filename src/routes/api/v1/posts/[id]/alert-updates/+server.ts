import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { updateGroupAlert as operation } from '$lib/server/api/alerts';
import { updateAlert } from '$lib/server/feed/alert-posts';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(operation, params);
		const { text } = await parseBody(operation, request);
		return reply(operation, 201, { sent: await updateAlert(locals.ctx, locals.actor, id, text) });
	});
