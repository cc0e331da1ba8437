import { unauthenticated } from '$lib/server/core/errors';
import { parseParams, reply } from '$lib/server/api/contract';
import { closePoll } from '$lib/server/api/polls';
import { closePoll as close } from '$lib/server/polls/polls';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(closePoll, params);
		return reply(closePoll, 200, await close(locals.ctx, locals.actor, id));
	});
