import { getGroup } from '$lib/server/groups/groups';
import { groupAccess } from '$lib/server/access/group-access';
import { assertCan } from '$lib/server/access/policy';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** Server-Sent Events: this group's new posts, comments and counts, from any instance. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	try {
		const group = await getGroup(locals.ctx.db, params.slug);
		assertCan((await groupAccess(locals.ctx, locals.actor, group)).role, 'read', group);
		const encoder = new TextEncoder();
		let cleanup = () => {};
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				const send = (text: string) => {
					try {
						controller.enqueue(encoder.encode(text));
					} catch {
						cleanup();
					}
				};
				send('retry: 3000\n: połączono\n\n');
				const off = locals.rt.database.notifier.subscribe((event) => {
					if (event.groupId === group.id) send(`data: ${JSON.stringify(event)}\n\n`);
				});
				// A comment line now and then keeps proxies from closing an idle stream.
				const ping = setInterval(() => send(': ping\n\n'), 25_000);
				cleanup = () => {
					off();
					clearInterval(ping);
				};
				request.signal.addEventListener('abort', () => {
					cleanup();
					try {
						controller.close();
					} catch {
						/* already closed */
					}
				});
			},
			cancel() {
				cleanup();
			}
		});
		return new Response(stream, {
			headers: {
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-cache, no-transform',
				'x-accel-buffering': 'no'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
