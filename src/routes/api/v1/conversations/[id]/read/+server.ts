import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, reply } from '$lib/server/api/contract';
import { markConversationRead as markRead } from '$lib/server/api/conversations';
import { markConversationRead } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Marks the conversation read up to its last message. */
export const PUT: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(markRead, params);
		await markConversationRead(locals.ctx, locals.actor, id);
		return reply(markRead, 200, { read: true });
	});
