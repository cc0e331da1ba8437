import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/web/health';
import type { RequestHandler } from './$types';

/** 200 when this process can serve, 503 while the database or the jobs are out (a load balancer's probe). */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.ctx.db, locals.rt.jobs);
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
