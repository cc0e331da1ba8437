import { messageStream } from '$lib/server/conversations/conversations';
import { apiError } from '$lib/server/web/http';
import { eventStream } from '$lib/server/web/event-stream';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: `{"conversationId", "messageId"}` for each new message in the signed-in
 * person's conversations (sent or received, from any instance); the page then fetches it.
 */
export const GET: RequestHandler = async ({ locals, request }) => {
	try {
		const { wanted, present } = messageStream(locals.actor);
		return eventStream(locals.rt, request, wanted, present);
	} catch (e) {
		return apiError(e);
	}
};
