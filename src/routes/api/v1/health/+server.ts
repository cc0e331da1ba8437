import { reply } from '$lib/server/api/contract';
import { getHealth as operation } from '$lib/server/api/service';
import { checkHealth } from '$lib/server/web/health';
import type { RequestHandler } from './$types';

/** 200 when this process can serve, 503 while the database or the jobs are out (a load balancer's probe). */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.ctx.db, locals.rt.jobs);
	return reply(operation, health.status === 'ok' ? 200 : 503, health, { 'cache-control': 'no-store' });
};
