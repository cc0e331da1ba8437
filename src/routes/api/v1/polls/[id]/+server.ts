import { parseParams, reply } from '$lib/server/api/contract';
import { getPoll } from '$lib/server/api/polls';
import { pollResults } from '$lib/server/polls/polls';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { id } = parseParams(getPoll, params);
		return reply(getPoll, 200, await pollResults(locals.readCtx, locals.actor, id));
	});
