import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, reply } from '$lib/server/api/contract';
import { listConversations as list, startConversation as start } from '$lib/server/api/conversations';
import { listConversations, startConversation } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		return reply(list, 200, { items: await listConversations(locals.ctx, locals.actor) });
	});

/** {"post": "12", "body": "…"} (or "comment"): the first message to that post's or comment's author. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const input = await parseBody(start, request);
		return reply(start, 201, await startConversation(locals.ctx, locals.actor, input));
	});
