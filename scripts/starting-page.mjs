// While the app builds, migrates and seeds its demo on a first start, its port already answers:
// 503 with a short Polish page that says what is happening and reloads itself (health checks and
// the API get the same as JSON), so a first visitor sees progress instead of a refused connection.
import http from 'node:http';

/** @param {string} s */
const escape = (s) => s.replace(/[&<>"]/g, (/** @type {string} */ c) => `&#${c.charCodeAt(0)};`);

/**
 * Answers one request with the "starting" page for the given stage.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} stage
 */
export function answerStarting(req, res, stage) {
	res.setHeader('Retry-After', '5');
	res.setHeader('Cache-Control', 'no-store');
	if ((req.url ?? '').startsWith('/api/')) {
		res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify({ error: { code: 'starting', message: `Tablica się uruchamia: ${stage}` } }));
		return;
	}
	res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8' });
	res.end(`<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Tablica się uruchamia</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}</style>
</head><body><main><h1>Tablica się uruchamia</h1>
<p role="status">${escape(stage)}</p>
<p>Pierwsze uruchomienie przygotowuje aplikację i dane demonstracyjne; strona odświeży się sama.</p></main></body></html>`);
}

/**
 * A server that only answers "starting" on the given port, until closed.
 * @param {number} port
 * @param {string} host
 * @param {() => string} stage
 * @returns {Promise<import('node:http').Server>}
 */
export function listenStarting(port, host, stage) {
	const server = http.createServer((req, res) => answerStarting(req, res, stage()));
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(server));
	});
}
