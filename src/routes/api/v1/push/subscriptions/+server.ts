import { json } from '@sveltejs/kit';
import { api } from '$lib/server/web/http';
import { subscribePush, unsubscribePush } from '$lib/server/notify/push';
import type { RequestHandler } from './$types';

/** This device's push subscription (from the service worker) for the signed-in person. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		await subscribePush(
			locals.ctx,
			locals.actor,
			await request.json().catch(() => null),
			request.headers.get('user-agent') ?? ''
		);
		return json({ subscribed: true }, { status: 201 });
	});

export const DELETE: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		const body = await request.json().catch(() => null);
		await unsubscribePush(locals.ctx, locals.actor, body?.endpoint);
		return json({ subscribed: false });
	});
