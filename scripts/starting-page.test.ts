import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { listenStarting } from './starting-page.mjs';

// The first start's placeholder: the port answers at once, saying what is happening.
describe('the "starting" page', () => {
	let server: Server;
	let base: string;
	let stage = 'Budowanie aplikacji…';
	beforeAll(async () => {
		server = await listenStarting(0, '127.0.0.1', () => stage);
		const address = server.address();
		base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('answers a page with 503, Retry-After and the current stage, escaped, reloading itself', async () => {
		const first = await fetch(`${base}/g/wiskitki`);
		expect(first.status).toBe(503);
		expect(first.headers.get('retry-after')).toBe('5');
		const html = await first.text();
		expect(html).toContain('<html lang="pl">');
		expect(html).toContain('<meta http-equiv="refresh" content="5">');
		expect(html).toContain('<p role="status">Budowanie aplikacji…</p>');
		stage = 'Demo: posty <b>120</b>';
		expect(await (await fetch(base)).text()).toContain('Demo: posty &#60;b&#62;120&#60;/b&#62;');
	});

	it('answers the API (and the health check) as JSON with 503, so nothing mistakes it for ready', async () => {
		const r = await fetch(`${base}/api/v1/health`);
		expect(r.status).toBe(503);
		expect(await r.json()).toEqual({ error: { code: 'starting', message: expect.stringContaining('uruchamia') } });
	});
});
