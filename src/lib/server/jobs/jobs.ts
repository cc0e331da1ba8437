import PgBoss from 'pg-boss';
import { cleanUpAuthRecords } from '../auth/sessions';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import { log } from '../log';

/** Background work on pg-boss, in the same database: nothing is lost when a process stops. */
export interface Jobs {
	boss: PgBoss;
	stop(): Promise<void>;
}

export const AUTH_CLEANUP = 'auth-cleanup';

export async function startJobs(database: Database, ctx: Ctx, opts: { schedule?: boolean } = {}): Promise<Jobs> {
	const boss = new PgBoss({
		db: { executeSql: (text, values) => database.executeSql(text, values) },
		schema: 'pgboss',
		schedule: opts.schedule ?? true,
		supervise: opts.schedule ?? true
	});
	boss.on('error', (err) => log.error({ err }, 'pg-boss'));
	await boss.start();
	await boss.createQueue(AUTH_CLEANUP);
	await boss.work(AUTH_CLEANUP, async () => {
		const removed = await cleanUpAuthRecords(ctx);
		log.info(removed, 'Usunięto wygasłe sesje i linki');
	});
	if (opts.schedule ?? true) await boss.schedule(AUTH_CLEANUP, '17 * * * *', undefined, { tz: 'Europe/Warsaw' });
	return { boss, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}
