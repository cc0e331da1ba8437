import { json } from '@sveltejs/kit';
import { apiPost } from '$lib/server/api-present';
import { getPost } from '$lib/server/feed/feed-query';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => json(apiPost((await getPost(locals.ctx, locals.actor, params.id)).post)));
