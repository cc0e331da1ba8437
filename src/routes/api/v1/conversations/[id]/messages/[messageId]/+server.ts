import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, reply } from '$lib/server/api/contract';
import { getMessage } from '$lib/server/api/conversations';
import { messageInConversation } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** One message: what a client fetches after a live event (which carries only the ids). */
export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id, messageId } = parseParams(getMessage, params);
		return reply(getMessage, 200, await messageInConversation(locals.ctx, locals.actor, id, messageId));
	});
