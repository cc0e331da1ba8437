import { liveStreamFilter } from '$lib/server/feed/live-stream';
import { apiError } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: this group's new posts, comments and counts, from any instance; with
 * `?post=ID`, only that post's (also a post cross-posted into this group).
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	try {
		const wanted = await liveStreamFilter(locals.ctx, locals.actor, params.slug, url.searchParams.get('post'));
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
				// A browser reconnects this long after the stream drops (its instance stopped or died), through
				// the load balancer to another instance: within 5 s with the connection.
				send('retry: 2000\n: połączono\n\n');
				const off = locals.rt.database.notifier.subscribe((event) => {
					if (wanted(event)) send(`data: ${JSON.stringify(event)}\n\n`);
				});
				// A comment line now and then keeps proxies from closing an idle stream.
				const ping = setInterval(() => send(': ping\n\n'), 25_000);
				const end = () => {
					cleanup();
					try {
						controller.close();
					} catch {
						/* already closed */
					}
				};
				// The process is shutting down: the reader reconnects (after `retry`) to another instance.
				const stopping = locals.rt.stopping;
				cleanup = () => {
					off();
					clearInterval(ping);
					stopping.removeEventListener('abort', end);
				};
				request.signal.addEventListener('abort', end);
				if (stopping.aborted) end();
				else stopping.addEventListener('abort', end);
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
