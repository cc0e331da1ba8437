import { reply } from '$lib/server/api/contract';
import { getPushKey as operation } from '$lib/server/api/push';
import { api } from '$lib/server/web/http';
import { vapidKeys } from '$lib/server/notify/push';
import type { RequestHandler } from './$types';

/** The server's public VAPID key, for the browser's push subscription. */
export const GET: RequestHandler = async ({ locals }) =>
	api(async () => reply(operation, 200, { publicKey: (await vapidKeys(locals.ctx.db)).publicKey }));
