import type { LiveEvent } from '../db/database';
import type { Runtime } from './runtime';

/**
 * A Server-Sent Events response of the live events `wanted` lets through, from any instance
 * (PostgreSQL's NOTIFY): the group's feed and a post's thread (`/g/{slug}/live`), a person's
 * private messages (`/wiadomosci/live`). Ends when the reader leaves or the process stops.
 */
export function eventStream(
	rt: Pick<Runtime, 'database' | 'stopping'>,
	request: Request,
	wanted: (event: LiveEvent) => boolean,
	present: (event: LiveEvent) => unknown = (event) => event
): Response {
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
			const off = rt.database.notifier.subscribe((event) => {
				if (wanted(event)) send(`data: ${JSON.stringify(present(event))}\n\n`);
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
			const stopping = rt.stopping;
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
}
