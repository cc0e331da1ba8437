import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { reportMessage as report } from '$lib/server/api/conversations';
import { reportMessage } from '$lib/server/conversations/reports';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** {"reason": "…"}: the other person's message, reported to the group's moderators. */
export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { id, messageId } = parseParams(report, params);
		const input = await parseBody(report, request);
		return reply(report, 201, await reportMessage(locals.ctx, locals.actor, id, messageId, input));
	});
