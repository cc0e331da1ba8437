import { json } from '@sveltejs/kit';
import { AppError, unauthenticated } from '$lib/server/core/errors';
import { addComment, listComments } from '$lib/server/feed/comments';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => json({ items: await listComments(locals.ctx, locals.actor, params.id) }));

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const body = await request.json().catch(() => {
			throw new AppError('validation', 'Treść żądania musi być poprawnym obiektem JSON.');
		});
		const created = await addComment(locals.ctx, locals.actor, params.id, body);
		return json(created, { status: 201 });
	});
