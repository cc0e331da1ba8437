import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './harness';

// Views are buffered per process and written in batches: with a write only every hour here, a
// view reported just before a graceful shutdown must still be written by the shutdown.
let server: Server;
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const env = { VIEWS_FLUSH_MS: '3600000', JOBS: '0' };

beforeAll(async () => {
	server = await startServer({ env });
}, 240_000);
afterAll(async () => server?.stop());

const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api/v1${path}`, init);
const views = async (id: string) => (await (await api(`/posts/${id}`)).json()).counts.views as number;

describe('buffered views', () => {
	it('are answered 202, not written at once, and written on a graceful shutdown', async () => {
		const { items } = await (await api('/groups/wiskitki/posts?limit=10')).json();
		const id = items.filter((p: { pinned: boolean }) => !p.pinned)[2].id as string;
		const before = await views(id);
		const res = await api('/views', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'user-agent': firefox },
			body: JSON.stringify({ postIds: [id, id] })
		});
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ accepted: 1 });
		expect(await views(id)).toBe(before);
		await server.stop({ keepData: true });
		server = await startServer({ env, dataDir: server.dataDir });
		expect(await views(id)).toBe(before + 1);
	}, 240_000);
});
