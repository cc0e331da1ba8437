// Issue 18: several instances behind HAProxy on one PostgreSQL. The readers' data (bench/reads.ts),
// three built app processes, HAProxy in front (bench/haproxy.ts). Throughput with 1, 2 and 3
// servers in the rotation (rounds interleaved, medians), then correctness, printed PASS/FAIL:
// round robin, the anonymous cache invalidated across instances, a live event across instances,
// kill -9 of one instance under load (failed requests, the live reader reconnecting elsewhere)
// and pg-boss's periodic jobs created and run once per slot, not once per instance.
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, freshPgDatabase, waitForHealth } from './common';
import { hasHaproxy, LiveReader, startHaproxy, type Haproxy } from './haproxy';
import { API_TOKEN, generateReads, median, READS_SLUG, startApp } from './reads';

const INSTANCES = 3;
const feedJson = `/api/v1/groups/${READS_SLUG}/posts?limit=20`;
const bearer = { authorization: `Bearer tbl_${API_TOKEN}` };

export interface InstancesResult {
	throughput: { scenario: string; instances: number; reqPerSec: number; p99: number; runs: number[] }[];
	checks: { name: string; pass: boolean; detail: string }[];
	kill: { requests: number; failed: number; failedAfterDown: number; requestsAfterDown: number; reconnectMs: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(
	what: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number
): Promise<T | undefined> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await what();
		if (v !== undefined && v !== false) return v;
		if (Date.now() > end) return undefined;
		await sleep(20);
	}
}

async function createPost(base: string, body: string): Promise<string> {
	const r = await fetch(`${base}/api/v1/groups/${READS_SLUG}/posts`, {
		method: 'POST',
		headers: { ...bearer, 'content-type': 'application/json' },
		body: JSON.stringify({ body, category: 'community' })
	});
	const post = (await r.json()) as { id: string; status: string };
	if (r.status !== 201 || post.status !== 'published') throw new Error(`post: ${r.status} ${JSON.stringify(post)}`);
	return post.id;
}

const feedIds = async (base: string): Promise<string[]> =>
	((await (await fetch(base + feedJson)).json()) as { items: { id: string }[] }).items.map((p) => p.id);

export async function benchInstances(opts: {
	pgServer: string;
	seconds: number;
	connections: number;
	runs: number;
}): Promise<InstancesResult | null> {
	console.log(`\n== several instances behind HAProxy (issue 18): ${INSTANCES} processes, one PostgreSQL ==`);
	if (!hasHaproxy) {
		console.log('  haproxy is not installed (apt-get install haproxy): skipped');
		return null;
	}
	const url = await freshPgDatabase(opts.pgServer, 'tablica_bench_instances');
	await generateReads(url);
	// The reader moderates the group, so their posts are published at once (a member's wait for approval).
	const c0 = new pg.Client({ connectionString: url });
	await c0.connect();
	await c0.query(
		`update memberships set role = 'moderator' where user_id = (select id from users where email = 'czytelnik1@bench.test')`
	);
	await c0.end();
	const names = Array.from({ length: INSTANCES }, (_, i) => `a${i + 1}`);
	const ports = await Promise.all(names.map(() => freePort()));
	const apps: ChildProcess[] = names.map((_, i) => startApp(url, ports[i], 2000));
	const direct = ports.map((p) => `http://127.0.0.1:${p}`);
	let proxy: Haproxy | undefined;
	const readers: LiveReader[] = [];
	try {
		await Promise.all(direct.map(waitForHealth));
		proxy = await startHaproxy(
			await freePort(),
			names.map((name, i) => ({ name, port: ports[i] }))
		);
		const lb = proxy.url;
		const checks: InstancesResult['checks'] = [];
		const check = (name: string, pass: boolean, detail: string) => {
			checks.push({ name, pass, detail });
			console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
		};

		// Throughput through HAProxy with 1, 2, 3 servers in the rotation.
		const scenarios = [
			{ name: 'anonymous JSON feed, cache on', headers: undefined },
			{ name: 'signed-in JSON feed (bearer)', headers: bearer }
		];
		const runs = new Map<string, { reqPerSec: number; p99: number }[]>();
		for (let round = 1; round <= opts.runs; round++) {
			for (let n = 1; n <= INSTANCES; n++) {
				for (const [i, name] of names.entries()) await proxy.setEnabled(name, i < n);
				for (const s of scenarios) {
					await autocannon({ url: lb + feedJson, headers: s.headers, connections: opts.connections, duration: 2 });
					const r = await autocannon({
						url: lb + feedJson,
						headers: s.headers,
						connections: opts.connections,
						duration: opts.seconds
					});
					const run = { reqPerSec: Math.round(r.requests.average), p99: r.latency.p99 };
					const key = `${s.name}|${n}`;
					runs.set(key, [...(runs.get(key) ?? []), run]);
					console.log(
						`  round ${round}  ${n} instance${n > 1 ? 's' : ' '}  ${s.name.padEnd(32)} ${String(run.reqPerSec).padStart(6)} req/s  p99 ${run.p99} ms${r.non2xx || r.errors ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ''}`
					);
				}
			}
		}
		for (const name of names) await proxy.setEnabled(name, true);
		const throughput = scenarios.flatMap((s) =>
			names.map((_, i) => {
				const rs = runs.get(`${s.name}|${i + 1}`)!;
				return {
					scenario: s.name,
					instances: i + 1,
					reqPerSec: median(rs.map((r) => r.reqPerSec)),
					p99: median(rs.map((r) => r.p99)),
					runs: rs.map((r) => r.reqPerSec)
				};
			})
		);
		console.log(`\n  ${'scenario'.padEnd(32)} ${'instances'.padStart(9)} ${'req/s'.padStart(7)} ${'p99'.padStart(7)}`);
		for (const t of throughput)
			console.log(
				`  ${t.scenario.padEnd(32)} ${String(t.instances).padStart(9)} ${String(t.reqPerSec).padStart(7)} ${`${t.p99} ms`.padStart(7)}`
			);
		console.log('');

		// Round robin: consecutive requests reach every instance.
		await waitFor(async () => Object.values(await proxy!.states()).every((s) => s === 'UP') || undefined, 10_000);
		const served = new Set<string>();
		for (let i = 0; i < INSTANCES * 2; i++)
			served.add((await fetch(`${lb}/api/v1/health`)).headers.get('x-served-by') ?? '');
		check('round robin', served.size === INSTANCES, `X-Served-By: ${[...served].sort().join(', ')}`);

		// A post written through one instance is read at once (not after the cache's 2 s) on the others.
		for (const base of direct.slice(1)) await feedIds(base);
		const fresh = await createPost(direct[0], 'Nowy post z pierwszej instancji: czy inne go widzą?');
		const t0 = Date.now();
		const seen = await Promise.all(
			direct.slice(1).map((base) => waitFor(async () => (await feedIds(base)).includes(fresh) || undefined, 5000))
		);
		const cacheMs = Date.now() - t0;
		check(
			'anonymous cache invalidated across instances',
			seen.every(Boolean) && cacheMs < 1000,
			`post made on a1 in the anonymous feed of a2 and a3 after ${cacheMs} ms (the cache keeps a page up to 2 000 ms)`
		);

		// A live reader of instance 2 gets the event of a write on instance 3.
		const across = new LiveReader(`${direct[1]}/g/${READS_SLUG}/live`);
		readers.push(across);
		await waitFor(() => across.connections.length > 0 || undefined, 10_000);
		const t1 = Date.now();
		const crossId = await createPost(direct[2], 'Post z trzeciej instancji dla czytelnika drugiej');
		const got = await waitFor(() => across.events.find((e) => e.data.includes(`"postId":"${crossId}"`)), 10_000);
		check(
			'live event across instances',
			!!got && got.at - t1 <= 5000,
			got ? `written on a3, received on a2 ${got.at - t1} ms after the write began` : 'not received in 10 s'
		);

		// kill -9 one instance under load; live readers through HAProxy, one on each instance.
		for (let i = 0; i < INSTANCES * 3 && new Set(readers.slice(1).map((r) => r.servedBy)).size < INSTANCES; i++) {
			const r = new LiveReader(`${lb}/g/${READS_SLUG}/live`);
			readers.push(r);
			await waitFor(() => r.servedBy, 10_000);
		}
		const victim = 0;
		const onVictim = readers.slice(1).find((r) => r.servedBy === names[victim]);
		const loadSeconds = Math.max(8, opts.seconds);
		const failures: number[] = [];
		let killedAt = 0;
		let loadDone!: Promise<autocannon.Result>;
		{
			let resolve!: (r: autocannon.Result) => void;
			let reject!: (e: Error) => void;
			loadDone = new Promise((res, rej) => ((resolve = res), (reject = rej)));
			const instance = autocannon(
				{ url: lb + feedJson, headers: bearer, connections: opts.connections, duration: loadSeconds },
				(err, result) => (err ? reject(err) : resolve(result))
			);
			instance.on('response', (_client, status) => {
				if (status >= 400) failures.push(Date.now());
			});
			instance.on('reqError', () => failures.push(Date.now()));
		}
		await sleep(3000);
		killedAt = Date.now();
		apps[victim].kill('SIGKILL');
		// Writes every second through a surviving instance until the reader that was on the killed one has one.
		let reconnectMs = -1;
		let eventMs = -1;
		if (onVictim) {
			const before = onVictim.connections.length;
			const deadline = Date.now() + 20_000;
			while (Date.now() < deadline) {
				const id = await createPost(direct[1], 'Post w czasie awarii jednej instancji');
				const e = await waitFor(
					() =>
						onVictim.connections.length > before
							? onVictim.events.find((x) => x.at > killedAt && x.data.includes(`"postId":"${id}"`))
							: undefined,
					1000
				);
				if (e) {
					reconnectMs = onVictim.connections[before].at - killedAt;
					eventMs = e.at - killedAt;
					break;
				}
			}
		}
		const r = await loadDone;
		const requests = r.requests.total;
		const failed = r.non2xx + r.errors + r.timeouts;
		check(
			'kill -9 one instance under load: only requests in flight fail',
			failed <= opts.connections,
			`${failed} of ${requests} requests failed (${opts.connections} connections)${failures.length ? `, the last ${Math.max(...failures) - killedAt} ms after the kill` : ''}`
		);
		await waitFor(async () => ((await proxy!.states())[names[victim]]?.startsWith('DOWN') ? true : undefined), 10_000);
		const after = await autocannon({ url: lb + feedJson, headers: bearer, connections: opts.connections, duration: 3 });
		const failedAfter = after.non2xx + after.errors + after.timeouts;
		check(
			'after the health check took it out',
			failedAfter === 0,
			`${failedAfter} of ${after.requests.total} requests failed`
		);
		check(
			'the live reader of the killed instance reconnects elsewhere and gets the next event within 5 s',
			!!onVictim && eventMs >= 0 && eventMs <= 5000,
			onVictim
				? eventMs >= 0
					? `reconnected to ${onVictim.servedBy} ${reconnectMs} ms after the kill (retry: 2000), next event ${eventMs} ms after the kill`
					: 'no event in 20 s'
				: 'no reader landed on the killed instance'
		);

		// pg-boss: each periodic job is created once per slot across the instances, and ran once.
		const c = new pg.Client({ connectionString: url });
		await c.connect();
		const jobs = await c.query<{ name: string; slots: string; dupes: string; completed: string; retried: string }>(
			`select name, count(distinct singleton_on) as slots, count(*) - count(distinct singleton_on) as dupes,
				count(*) filter (where state = 'completed') as completed, count(*) filter (where retry_count > 0) as retried
			from pgboss.job where name in ('publish-scheduled', 'page-backups', 'stats-refresh') group by name order by name`
		);
		const schedules = await c.query<{ n: string }>(`select count(*) - count(distinct name) as n from pgboss.schedule`);
		await c.end();
		check(
			'pg-boss periodic jobs once per slot, not per instance',
			jobs.rows.length > 0 && jobs.rows.every((j) => j.dupes === '0') && schedules.rows[0].n === '0',
			jobs.rows
				.map(
					(j) => `${j.name}: ${j.slots} slots, ${j.dupes} duplicates, ${j.completed} completed, ${j.retried} retried`
				)
				.join('; ')
		);
		return {
			throughput,
			checks,
			kill: {
				requests,
				failed,
				requestsAfterDown: after.requests.total,
				failedAfterDown: failedAfter,
				reconnectMs: eventMs
			}
		};
	} finally {
		for (const r of readers) r.close();
		await proxy?.stop();
		for (const p of apps) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
		await Promise.all(
			apps.map((p) => (p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once('exit', r)) : null))
		);
	}
}
