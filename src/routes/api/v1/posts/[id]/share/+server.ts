import { json } from '@sveltejs/kit';
import { getPost } from '$lib/server/feed/posts';
import { sharePost } from '$lib/server/feed/engagement';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params, url }) =>
	api(async () => {
		const shares = await sharePost(locals.ctx, locals.actor, params.id);
		const { group } = await getPost(locals.ctx, locals.actor, params.id);
		return json({ shares, url: `${url.origin}/g/${group.slug}/p/${params.id}` });
	});
