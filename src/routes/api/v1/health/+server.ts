import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	await sql`select 1`.execute(locals.ctx.db);
	return json({ status: 'ok' });
};
