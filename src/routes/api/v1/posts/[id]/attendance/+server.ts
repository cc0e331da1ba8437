import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { attendEvent, withdrawAttendance } from '$lib/server/api/posts';
import { respondToEvent } from '$lib/server/events/events';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** {"response": "going" | "interested"}: my answer to the event the post announces. */
export const PUT: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(attendEvent, params);
		const { response } = await parseBody(attendEvent, request);
		return reply(attendEvent, 200, await respondToEvent(locals.ctx, locals.actor, id, response));
	});

export const DELETE: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id } = parseParams(withdrawAttendance, params);
		return reply(withdrawAttendance, 200, await respondToEvent(locals.ctx, locals.actor, id, null));
	});
