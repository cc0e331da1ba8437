// Process entry: the SvelteKit handler on node:http, start-up message and graceful shutdown.
import http from 'node:http';
import { readConfig } from './src/lib/server/config';
import type { Runtime } from './src/lib/server/runtime';

process.env.BODY_SIZE_LIMIT ??= '110M'; // ten 10 MB images and the form around them
const config = readConfig();
// The app's own origin (for CSRF checks and links): BASE_URL when set; otherwise the Host header
// with the protocol a proxy reports, or plain http, which is what this server speaks.
if (process.env.BASE_URL) process.env.ORIGIN ??= config.baseUrl;
else process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// Importing the handler runs the app's init hook: migrations, reference data, demo seed.
const { handler } = await import(new URL('./build/handler.js', import.meta.url).href);
const runtime = await (globalThis as unknown as { __tablicaRuntime: Promise<Runtime> }).__tablicaRuntime;

const server = http.createServer((req, res) => {
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	// A response sent before the request body was read (401 before parsing, a refused URL) must not
	// leave the rest of a large body paused on a kept-alive connection: the next request would
	// wait behind it for ever. The body is drained and discarded instead.
	res.once('finish', () => {
		if (req.complete) return;
		req.removeAllListeners('data');
		req.resume();
	});
	handler(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
	const lines = [`Tablica działa: ${config.baseUrl}  (baza: ${runtime.database.kind === 'pglite' ? `PGlite w ${config.dataDir}` : 'PostgreSQL'})`];
	if (runtime.demoAccounts) {
		lines.push('Konta demonstracyjne (hasło: tablica-demo):');
		for (const a of runtime.demoAccounts) lines.push(`  ${a.email.padEnd(28)} ${a.what}`);
	}
	console.log(lines.join('\n'));
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: zamykanie…`);
	server.close();
	server.closeIdleConnections();
	// Live-update streams never end by themselves: give requests in flight a moment, then cut.
	const cut = setTimeout(() => server.closeAllConnections(), 2000);
	await new Promise<void>((resolve) => server.once('close', () => resolve()));
	clearTimeout(cut);
	process.emit('sveltekit:shutdown' as never, signal as never);
	await runtime.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
