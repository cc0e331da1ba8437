// Process entry: the SvelteKit handler on node:http, start-up message and graceful shutdown.
import http from 'node:http';
import { readConfig } from './src/lib/server/core/config';
import { log } from './src/lib/server/core/logger';
import { startupStage } from './src/lib/server/core/startup';
import { answerStarting } from './scripts/starting-page.mjs';
import type { Runtime } from './src/lib/server/web/runtime';

// pg-boss completes and fails jobs without awaiting the query: when the database drops the
// connection at that moment the rejection has no handler, which would end the process and every
// request and urgent alert with it. The job is retried when its lease expires.
process.on('unhandledRejection', (err) => log.error({ err }, 'Unhandled promise rejection'));
process.env.BODY_SIZE_LIMIT ??= '15M'; // the largest form with files; smaller limits per route in hooks.server.ts
const config = readConfig();
// The app's own origin (for CSRF checks and links): BASE_URL when set; otherwise the Host header
// with the protocol a proxy reports, or plain http, which is what this server speaks.
if (process.env.BASE_URL) process.env.ORIGIN ??= config.baseUrl;
else process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// The port answers at once: until the app is ready (migrations, reference data, the demo seed on a
// first start), with a "starting" page that says what is happening.
let handler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
let answerFromCache: Runtime['answerFromCache'] | null = null;
let answerApiRead: Runtime['answerApiRead'] | null = null;
/** Answers being written: a graceful shutdown waits for them (live streams end first). */
const inFlight = new Set<http.ServerResponse>();
let stopping = false;
const server = http.createServer((req, res) => {
	if (!handler) return answerStarting(req, res, startupStage());
	if (!stopping && answerFromCache?.(req, res)) return;
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	// RFC 8058 one-click unsubscribe: a mail provider POSTs to the digest's link from its own
	// servers (no Origin, or its own), which SvelteKit's CSRF check would refuse. The link's signed
	// token is its only authority there (no session is read), so the request gets the app's origin.
	if (req.method === 'POST' && /^\/wypisz\/[\w.-]+\/?$/.test(req.url ?? ''))
		req.headers.origin =
			process.env.ORIGIN ?? `${String(req.headers['x-forwarded-proto']).split(',')[0].trim()}://${req.headers.host}`;
	res.once('finish', () => {
		if (!req.complete) discardRest(req);
	});
	inFlight.add(res);
	res.once('close', () => {
		inFlight.delete(res);
		// Shutting down: a kept-alive connection whose last answer went out is closed.
		if (stopping) server.closeIdleConnections();
	});
	if (stopping) res.setHeader('connection', 'close');
	const app = handler;
	const fast = answerApiRead && !stopping ? answerApiRead(req, res) : false;
	if (fast) void fast.then((answered) => answered || app(req, res));
	else app(req, res);
});
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
console.log(`Tablica się uruchamia: ${config.baseUrl}`);
// Importing the handler runs the app's init hook: migrations, reference data, demo seed.
const app = await import(new URL('./build/handler.js', import.meta.url).href);
const runtime = await (globalThis as unknown as { __tablicaRuntime: Promise<Runtime> }).__tablicaRuntime;
handler = app.handler;
answerFromCache = runtime.answerFromCache;
answerApiRead = runtime.answerApiRead;

/**
 * A request answered before its body was read (over its limit, its sender not allowed, a refused
 * URL): what the client still sends is read and dropped, so that it reads the answer rather than a
 * reset connection, and a kept-alive connection is not left paused behind it; past 20 MB the
 * connection is cut.
 */
function discardRest(req: http.IncomingMessage) {
	let left = 20 * 1024 * 1024;
	req.removeAllListeners('data');
	req.on('data', (chunk: Buffer) => {
		left -= chunk.length;
		if (left < 0) req.socket.destroy();
	});
	req.resume();
}
{
	const lines = [
		`Tablica działa: ${config.baseUrl}  (baza: ${runtime.database.kind === 'pglite' ? `PGlite w ${config.dataDir}` : 'PostgreSQL'})`
	];
	if (runtime.demoAccounts) {
		lines.push('Konta demonstracyjne (hasło: tablica-demo):');
		for (const a of runtime.demoAccounts) lines.push(`  ${a.email.padEnd(28)} ${a.what}`);
	}
	console.log(lines.join('\n'));
}

/** A live stream ends this long after SIGTERM: events of requests still in flight reach it meanwhile. */
const LIVE_GRACE_MS = 1000;
/** Requests in flight are given this long to finish; what is left is then cut. */
const DRAIN_MS = 10_000;

/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish (live streams
 * end after a short grace, their readers reconnect to another instance), then stop the jobs, write
 * the buffered views and close the database (`runtime.close`), in that order: nothing may use the
 * database after it closes.
 */
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: zamykanie…`);
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	server.closeIdleConnections();
	const live = setTimeout(() => runtime.endLiveStreams(), LIVE_GRACE_MS);
	const deadline = Date.now() + DRAIN_MS;
	// A request whose client went away is still being handled: its queries must finish before the database closes.
	const busy = () => inFlight.size + runtime.handling();
	while (busy() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	clearTimeout(live);
	runtime.endLiveStreams();
	if (busy() > 0) log.warn({ requests: busy() }, 'Zamykanie: przerwano niedokończone żądania');
	server.closeAllConnections();
	await closed;
	process.emit('sveltekit:shutdown' as never, signal as never);
	try {
		await runtime.close();
	} catch (err) {
		log.error({ err }, 'Zamykanie: błąd przy zamykaniu bazy danych lub zadań');
		process.exit(1);
	}
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
