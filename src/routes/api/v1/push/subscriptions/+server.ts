import { assertSignedIn } from '$lib/server/access/actor';
import { parseBody, reply } from '$lib/server/api/contract';
import { subscribePush as subscribe, unsubscribePush as unsubscribe } from '$lib/server/api/push';
import { api } from '$lib/server/web/http';
import { subscribePush, unsubscribePush } from '$lib/server/notify/push';
import type { RequestHandler } from './$types';

/** This device's push subscription (from the service worker) for the signed-in person. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		assertSignedIn(locals.actor); // 401 before any complaint about the body, as before the contracts
		const subscription = await parseBody(subscribe, request);
		await subscribePush(locals.ctx, locals.actor, subscription, request.headers.get('user-agent') ?? '');
		return reply(subscribe, 201, { subscribed: true });
	});

export const DELETE: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		assertSignedIn(locals.actor);
		const { endpoint } = await parseBody(unsubscribe, request);
		await unsubscribePush(locals.ctx, locals.actor, endpoint);
		return reply(unsubscribe, 200, { subscribed: false });
	});
