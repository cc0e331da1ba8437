import { parseParams, reply } from '$lib/server/api/contract';
import { listGroupPlaces as operation } from '$lib/server/api/alerts';
import { listGroupPlaces } from '$lib/server/places/places-views';
import { api } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) =>
	api(async () => {
		const { slug } = parseParams(operation, params);
		return reply(operation, 200, { items: await listGroupPlaces(locals.ctx, locals.actor, slug) });
	});
