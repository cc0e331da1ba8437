import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Jobs } from '../jobs/jobs';

export interface Health {
	status: 'ok' | 'degraded';
	database: 'ok' | 'unavailable';
	/** `off` when this process runs no background jobs. */
	jobs: 'ok' | 'recovering' | 'off';
}

/** Whether this process can serve: the database answers within `timeoutMs` and the jobs get through. */
export async function checkHealth(db: Db, jobs: Pick<Jobs, 'healthy'> | null, timeoutMs = 3000): Promise<Health> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
	const answered = await Promise.race([
		sql`select 1`.execute(db).then(
			() => true,
			() => false
		),
		timeout
	]);
	clearTimeout(timer);
	const jobsState = !jobs ? 'off' : jobs.healthy() ? 'ok' : 'recovering';
	return {
		status: answered && jobsState !== 'recovering' ? 'ok' : 'degraded',
		database: answered ? 'ok' : 'unavailable',
		jobs: jobsState
	};
}
