import { json } from '@sveltejs/kit';
import { apiPost, dateFromJson, eventFromJson } from '$lib/server/api/present';
import { AppError, unauthenticated } from '$lib/server/errors';
import { createPost, listFeed } from '$lib/server/feed/posts';
import { getGroup, getGroupForReading } from '$lib/server/groups/groups';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) =>
	api(async () => {
		const limitParam = url.searchParams.get('limit');
		const limit = limitParam === null ? undefined : Number(limitParam);
		if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 50))
			throw new AppError('validation', 'Parametr limit musi być liczbą całkowitą od 1 do 50.');
		const { group } = await getGroupForReading(locals.ctx.db, params.slug);
		const page = await listFeed(locals.ctx, locals.actor, group, {
			limit,
			cursor: url.searchParams.get('cursor'),
			category: url.searchParams.get('category')
		});
		return json({ items: [...page.featured, ...page.items].map(apiPost), nextCursor: page.nextCursor });
	});

export const POST: RequestHandler = async ({ locals, params, request }) =>
	api(async () => {
		if (!locals.actor) throw unauthenticated();
		const body = await request.json().catch(() => {
			throw new AppError('validation', 'Treść żądania musi być poprawnym obiektem JSON.');
		});
		if (!body || typeof body !== 'object') throw new AppError('validation', 'Treść żądania musi być obiektem JSON.');
		const group = await getGroup(locals.ctx.db, params.slug);
		// "as": "unit:12" publishes as unit 12 (the same as "unitId": "12").
		const as = typeof body.as === 'string' ? /^unit:(\d{1,18})$/.exec(body.as) : null;
		if (body.as !== undefined && body.as !== null && !as)
			throw new AppError('validation', 'Pole "as" ma postać "unit:<id>".', { as: 'Pole "as" ma postać "unit:<id>".' });
		const created = await createPost(locals.ctx, locals.actor, group, {
			...body,
			unitId: as ? as[1] : body.unitId,
			event: eventFromJson(body.event),
			images: [],
			publishAt: body.publishAt ? dateFromJson(body.publishAt) : null,
			urgent: body.urgent ? { kind: body.urgent.kind, until: dateFromJson(body.urgent.until) } : null
		});
		return json({ id: created.id, status: created.status, reasons: created.reasons }, { status: 201 });
	});
