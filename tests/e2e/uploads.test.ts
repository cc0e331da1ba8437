import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngClaiming } from '../../src/lib/server/testing/fixtures';
import { sessionCookie, startServer, type Server } from './harness';

// What an upload costs the server before anyone is checked: a request's body is not read, nor an
// image decoded, until the sender is known to be allowed, and never beyond the route's limit.
let server: Server;
let resident: string;

beforeAll(async () => {
	// No background jobs: the CPU time measured is the request's alone.
	server = await startServer({ env: { JOBS: '0' } });
	resident = await sessionCookie(server.url, 'mieszkaniec@tablica.test');
});
afterAll(() => server?.stop());

const ticksPerSecond = 100; // USER_HZ on Linux
/** CPU time (user + system) the server process has used so far, in ms. */
function serverCpuMs(): number {
	const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
function serverRssMb(): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
}

/** A multipart body with the given files in the field `images`, and its content type. */
function multipart(
	files: Uint8Array[],
	fields: Record<string, string> = { body: 'Zdjęcia z festynu', category: 'question' }
) {
	const boundary = '----tablica-test-boundary';
	const parts: Buffer[] = [];
	for (const [k, v] of Object.entries(fields))
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	files.forEach((f, i) =>
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="mapa-${i}.png"\r\nContent-Type: image/png\r\n\r\n`
			),
			Buffer.from(f),
			Buffer.from('\r\n')
		)
	);
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** Ten images that claim 16 000 × 16 000 px, padded to 7.5 MB in all. */
function tenBombs() {
	const pad = Buffer.alloc(750 * 1024);
	return multipart(Array.from({ length: 10 }, () => Buffer.concat([pngClaiming(16_000, 16_000), pad])));
}

/**
 * Posts a form as the browser's enhanced form does. The server may answer and close the connection
 * before the whole body is sent (that is the point): the answer counts, the broken pipe after it not.
 */
function postForm(
	path: string,
	body: Buffer,
	type: string,
	cookie?: string
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(`${server.url}${path}`, {
			method: 'POST',
			headers: {
				origin: server.url,
				'content-type': type,
				'content-length': body.byteLength,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				...(cookie ? { cookie } : {})
			}
		});
		let answered = false;
		req.on('response', (res) => {
			answered = true;
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (text += d));
			res.on('end', () => resolve({ status: res.statusCode!, text }));
			res.on('error', () => resolve({ status: res.statusCode!, text }));
		});
		req.on('error', (err) => {
			if (!answered) reject(err);
		});
		// Past the 20 MB the server reads, the broken pipe surfaces on the socket after the request let go of it.
		req.on('socket', (socket) => socket.on('error', (err) => !answered && reject(err)));
		req.end(body);
	});
}

/**
 * The median CPU time of the server over five runs of a request (a garbage collection may fall in
 * one), after three unmeasured runs that load and compile the route's code.
 */
async function medianCpuMs(send: () => Promise<unknown>): Promise<number> {
	for (let i = 0; i < 3; i++) await send();
	const runs: number[] = [];
	for (let i = 0; i < 5; i++) {
		const before = serverCpuMs();
		await send();
		runs.push(serverCpuMs() - before);
	}
	return runs.sort((a, b) => a - b)[2];
}

describe('uploads are checked before they cost anything', () => {
	it('refuses an anonymous 7.5 MB upload of ten 16 000 × 16 000 images at once, in under 50 ms of CPU', async () => {
		const { body, type } = tenBombs();
		expect(body.byteLength).toBeGreaterThan(7 * 1024 * 1024);
		let status = 0;
		let text = '';
		const cpu = await medianCpuMs(async () => {
			({ status, text } = await postForm('/g/wiskitki?/post', body, type));
		});
		expect(status).toBe(413);
		expect(text).toBe('Przesyłane dane są za duże: najwyżej 64 kB bez logowania.');
		expect(cpu).toBeLessThan(50);
	});

	it('refuses a signed-in person who may not post in the group before decoding their images', async () => {
		const { body, type } = multipart([pngClaiming(16_000, 16_000)]);
		let result: { type?: string; status?: number; data?: string } = {};
		const cpu = await medianCpuMs(
			async () => (result = JSON.parse((await postForm('/g/radziejowice?/post', body, type, resident)).text))
		);
		expect(result).toMatchObject({ type: 'failure', status: 403 });
		expect(cpu).toBeLessThan(50);
	});

	it('tells a member their image is too large by its header, without decoding it', async () => {
		const { body, type } = multipart([pngClaiming(16_000, 16_000)]);
		let result: { type?: string; status?: number; data?: string } = {};
		const cpu = await medianCpuMs(
			async () => (result = JSON.parse((await postForm('/g/wiskitki?/post', body, type, resident)).text))
		);
		expect(result).toMatchObject({ type: 'failure', status: 413 });
		expect(result.data).toContain('ma za dużą rozdzielczość (16000 × 16000 px): najwyżej 50 megapikseli');
		expect(cpu).toBeLessThan(50);
	});

	it('refuses a signed-in JSON request over 1 MB and a form with files over 15 MB by their declared length', async () => {
		const big = await fetch(`${server.url}/api/v1/groups/wiskitki/posts`, {
			method: 'POST',
			headers: { origin: server.url, cookie: resident, 'content-type': 'application/json' },
			body: JSON.stringify({ body: 'x'.repeat(1024 * 1024) })
		});
		expect(big.status).toBe(413);
		expect(await big.json()).toEqual({
			error: { code: 'payload_too_large', message: 'Przesyłane dane są za duże: najwyżej 1 MB.' }
		});
		const { body, type } = multipart([Buffer.alloc(16 * 1024 * 1024)]);
		expect((await postForm('/g/wiskitki?/post', body, type, resident)).status).toBe(413);
	});

	it('keeps its memory when eight 105 MB uploads arrive at once', async () => {
		const huge = multipart([Buffer.alloc(105 * 1024 * 1024)]);
		const before = serverRssMb();
		const statuses = await Promise.all(
			Array.from({ length: 8 }, () =>
				postForm('/g/wiskitki?/post', huge.body, huge.type, resident).then(
					(r) => r.status,
					() => 'closed'
				)
			)
		);
		expect(statuses.every((s) => s === 413 || s === 'closed')).toBe(true);
		expect(statuses).toContain(413);
		expect(serverRssMb() - before).toBeLessThan(100);
		expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
	}, 120_000);
});
