import { unauthenticated } from '$lib/server/core/errors';
import { parseBody, parseParams, reply } from '$lib/server/api/contract';
import { previewGroupAlert } from '$lib/server/api/alerts';
import { previewAlert } from '$lib/server/alerts/send';
import { getGroup } from '$lib/server/groups/groups';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const { slug } = parseParams(previewGroupAlert, params);
		const input = await parseBody(previewGroupAlert, request);
		const group = await getGroup(locals.ctx.db, slug);
		const preview = await previewAlert(locals.ctx, locals.actor, group, input);
		return reply(previewGroupAlert, 200, { places: preview.places, audience: preview.audience, sms: preview.sms });
	});
