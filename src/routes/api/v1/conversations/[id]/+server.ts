import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, parseQuery, reply } from '$lib/server/api/contract';
import { getConversation } from '$lib/server/api/conversations';
import { conversationView } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The latest messages, or those before `?before=`; reading does not mark them read (PUT …/read does). */
export const GET: RequestHandler = async ({ locals, params, url }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(getConversation, params);
		const { before } = parseQuery(getConversation, url);
		return reply(getConversation, 200, await conversationView(locals.ctx, locals.actor, id, { before }));
	});
