import { json } from '@sveltejs/kit';
import { api } from '$lib/server/web/http';
import { vapidKeys } from '$lib/server/notify/push';
import type { RequestHandler } from './$types';

/** The server's public VAPID key, for the browser's push subscription. */
export const GET: RequestHandler = async ({ locals }) =>
	api(async () => json({ publicKey: (await vapidKeys(locals.ctx.db)).publicKey }));
