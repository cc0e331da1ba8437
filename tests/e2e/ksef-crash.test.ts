import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDemoDir, runCli, spawnCli } from './harness';
import { startKsefTestServer, type KsefTestServer } from '../../src/lib/server/testing/ksef-test-server';

// Issue 20: the sending process killed mid-session (SIGKILL, nothing to clean up) loses no invoice
// and sends none twice: another run, after the lease, finds what KSeF got by its hash.
let ksef: KsefTestServer;
const dataDir = freshDemoDir();
const env = { KSEF_SECRET_KEY: 'klucz-testowy-ksef-crash-0123456789' };
const sends = () =>
	ksef.requests.filter((r) => r.method === 'POST' && /^\/sessions\/online\/[^/]+\/invoices$/.test(r.path));

beforeAll(async () => {
	ksef = await startKsefTestServer({
		referenceDataDir: process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data')
	});
}, 60_000);
afterAll(async () => {
	await ksef?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('ksef-send killed mid-session', () => {
	it('the next run sends each waiting invoice exactly once', async () => {
		const configured = await runCli(
			['ksef-config', '--environment', 'TE', '--url', ksef.url, '--token', ksef.token],
			dataDir,
			env
		);
		expect(configured.code, configured.stderr).toBe(0);
		// The first invoice goes through; the second's request hangs, and the process is killed while it waits.
		ksef.inject({ method: 'POST', path: /^\/sessions\/online\/[^/]+\/invoices$/, respond: 'timeout', skip: 1 });
		const first = spawnCli(['ksef-send'], dataDir, env);
		const deadline = Date.now() + 120_000;
		while (!sends().some((r) => r.status === 'timeout')) {
			if (Date.now() > deadline)
				throw new Error(`ksef-send never reached the second invoice: ${JSON.stringify(ksef.requests)}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		first.child.kill('SIGKILL');
		expect((await first.done).signal).toBe('SIGKILL');
		const waiting = ksef.invoices.length;
		expect(waiting).toBe(1);

		// Right away another run leaves them alone (their lease holds) …
		const early = await runCli(['ksef-send'], dataDir, env);
		expect(early.code, early.stderr).toBe(0);
		expect(early.stdout).toContain('Wysłano do KSeF: 0.');
		// … and once the lease is over it finishes the job.
		const later = await runCli(['ksef-send'], dataDir, {
			...env,
			TABLICA_NOW: new Date(Date.now() + 6 * 60_000).toISOString()
		});
		expect(later.code, later.stderr).toBe(0);
		expect(later.stdout).toContain('Przyjęte (z numerem KSeF):');
		// The one whose request hung was looked up in its session by hash (KSeF had not got it) and sent again;
		// the one KSeF took before the kill was followed up by its reference. Each reached KSeF once.
		expect(ksef.requests.some((r) => r.method === 'GET' && /^\/sessions\/[^/]+\/invoices(\?|$)/.test(r.path))).toBe(
			true
		);
		const numbers = ksef.invoices.map((i) => /<P_2>([^<]+)<\/P_2>/.exec(i.xml)![1]);
		expect(new Set(numbers).size).toBe(numbers.length);
		expect(numbers.length).toBeGreaterThanOrEqual(2);
		expect(ksef.invoices.every((i) => i.status.code === 200)).toBe(true);
		const nothingLeft = await runCli(['ksef-send'], dataDir, env);
		expect(nothingLeft.stdout).toContain('Wysłano do KSeF: 0.');
	}, 300_000);
});
