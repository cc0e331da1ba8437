import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, reply } from '$lib/server/api/contract';
import { blockInConversation as blockOp, unblockInConversation } from '$lib/server/api/conversations';
import { blockInConversation } from '$lib/server/conversations/conversations';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Blocks the other person: neither writes to the other while it stands. */
export const PUT: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(blockOp, params);
		return reply(blockOp, 200, await blockInConversation(locals.ctx, locals.actor, id, true));
	});

/** Lifts the block. */
export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(unblockInConversation, params);
		return reply(unblockInConversation, 200, await blockInConversation(locals.ctx, locals.actor, id, false));
	});
