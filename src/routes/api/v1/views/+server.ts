import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseInput, isId } from '$lib/server/core/validation';
import { recordViews } from '$lib/server/feed/engagement';
import { api, clientOf } from '$lib/server/web/http';
import { viewerKey } from '$lib/server/web/viewer';
import type { RequestHandler } from './$types';

const body = z.object(
	{ postIds: z.array(z.string().refine(isId, 'Nie ma takiego posta.')).min(1).max(50) },
	{ error: 'Podaj listę identyfikatorów postów (postIds).' }
);

/** Posts the browser showed on screen; each counts once per viewer and day. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		const { postIds } = parseInput(body, await request.json().catch(() => null));
		const key = await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals }));
		return json({ counted: await recordViews(locals.ctx, postIds, key) });
	});
