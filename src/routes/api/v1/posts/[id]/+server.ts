import { json } from '@sveltejs/kit';
import { apiPost } from '$lib/server/api/present';
import { getPost } from '$lib/server/feed/posts';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => json(apiPost((await getPost(locals.ctx, locals.actor, params.id)).post)));
