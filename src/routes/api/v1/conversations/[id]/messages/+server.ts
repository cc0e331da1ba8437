import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { sendMessage as send } from '$lib/server/api/conversations';
import { sendMessage } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** {"body": "…"}: a message to the other person of the conversation. */
export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(send, params);
		const input = await parseBody(send, request);
		return reply(send, 201, await sendMessage(locals.ctx, locals.actor, id, input));
	});
