import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { votePoll } from '$lib/server/api/polls';
import { votePoll as vote } from '$lib/server/polls/polls';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** {"options": [1]}: my vote, replacing an earlier one. */
export const PUT: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(votePoll, params);
		const { options } = await parseBody(votePoll, request);
		return reply(votePoll, 200, await vote(locals.ctx, locals.actor, id, options));
	});
