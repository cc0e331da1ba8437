// The views pipeline (issue 18), on its own: `npx tsx bench/views.ts [--db postgres|pglite] [--reports 100000]`.
// 10 000 viewers report 1–5 posts each (of 500 published posts) through the process's recorder,
// which writes a batch whenever 5 000 views wait: views written per second and the time of one
// batch (median), against the same reports written one at a time in a transaction each
// (`recordViews`, what every request did before). Not part of `npm run bench`.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/server/core/clock';
import type { Ctx } from '../src/lib/server/core/context';
import { migrate, openPGlite, openPostgres, type Database } from '../src/lib/server/db/database';
import { recordViews } from '../src/lib/server/feed/engagement';
import { ViewRecorder } from '../src/lib/server/feed/view-recorder';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { seededRandom } from '../src/lib/server/core/random';
import { loadDemoMunicipalities, makeUser } from '../src/lib/server/testing/fixtures';
import { freshPgDatabase } from './common';

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'postgres' },
		reports: { type: 'string', default: '100000' },
		direct: { type: 'string', default: '3000' }
	}
});
const VIEWERS = 10_000;
const POSTS = 500;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function open(): Promise<Database> {
	if (values.db === 'pglite') return openPGlite();
	const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	return openPostgres(await freshPgDatabase(server, 'tablica_bench_views'));
}

const database = await open();
const ctx: Ctx = { db: database.db, clock: systemClock, notifier: database.notifier, baseUrl: 'http://localhost' };
await migrate(ctx.db);
await loadDemoMunicipalities(ctx);
const operator = await makeUser(ctx, 'op@views.bench', { operator: true });
await createGroup(ctx, operator, {
	slug: 'widoki',
	municipalityCode: '1438053',
	name: 'Widoki',
	membershipQuestion: 'Skąd jesteś?'
});
const group = await getGroup(ctx.db, 'widoki');
const ids = (
	await sql<{ id: string }>`
		insert into posts (group_id, author_id, category, body, body_folded, status, reaction_counts, created_at, published_at)
		select ${group.id}, ${operator.id}, 'other', 'Post ' || i, 'post ' || i, 'published', '{}', now(), now()
		from generate_series(1, ${POSTS}) i returning id`.execute(ctx.db)
).rows.map((r) => r.id);

const r = seededRandom(18);
const report = () => ({
	viewer: `anon:${r.int(1, VIEWERS)}`,
	posts: Array.from({ length: r.int(1, 5) }, () => ids[r.int(0, POSTS - 1)])
});

const recorder = new ViewRecorder(ctx.db, systemClock, { intervalMs: null, maxBuffered: Infinity });
const batchMs: number[] = [];
let written = 0;
const total = Number(values.reports);
const t0 = performance.now();
for (let i = 0; i < total; i++) {
	const { viewer, posts } = report();
	recorder.add(posts, viewer, null);
	if (recorder.pending >= 5000 || i === total - 1) {
		const b = performance.now();
		written += await recorder.flush();
		batchMs.push(performance.now() - b);
	}
}
const seconds = (performance.now() - t0) / 1000;
await recorder.close();

const directReports = Number(values.direct);
const d0 = performance.now();
let directWritten = 0;
for (let i = 0; i < directReports; i++) {
	const { viewer, posts } = report();
	directWritten += await recordViews(ctx, posts, `direct:${viewer}`);
}
const directSeconds = (performance.now() - d0) / 1000;

console.log(
	JSON.stringify(
		{
			db: values.db,
			viewers: VIEWERS,
			posts: POSTS,
			recorder: {
				reports: total,
				views: written,
				viewsPerSecond: Math.round(written / seconds),
				reportsPerSecond: Math.round(total / seconds),
				batches: batchMs.length,
				batchMedianMs: Math.round(median(batchMs))
			},
			oneTransactionPerReport: {
				reports: directReports,
				views: directWritten,
				viewsPerSecond: Math.round(directWritten / directSeconds),
				reportsPerSecond: Math.round(directReports / directSeconds)
			}
		},
		null,
		2
	)
);
await database.close();
