import { createHash } from 'node:crypto';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';

/** How long an answer is kept for a retry. */
export const IDEMPOTENCY_HOURS = 24;
const validKey = /^[\x21-\x7e]{1,255}$/;

/** What makes two requests the same: method, path and body. */
export function requestFingerprint(method: string, path: string, body: string): string {
	return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

/**
 * Runs an API write once per `Idempotency-Key` of a user: a retry with the same key and request
 * gets the first answer again (header `Idempotency-Replayed: true`) and changes nothing; the same
 * key with another request, or while the first is still running, is refused (409). Answers below
 * 500 are kept for 24 hours; after a server error the key is freed, so the retry runs.
 */
export async function runOnce(
	ctx: Ctx,
	userId: string,
	key: string,
	fingerprint: string,
	run: () => Promise<Response>
): Promise<Response> {
	if (!validKey.test(key))
		throw new AppError('validation', 'Nagłówek Idempotency-Key ma od 1 do 255 widocznych znaków ASCII (np. UUID).');
	const now = ctx.clock.now();
	const claimed = await ctx.db.transaction().execute(async (tx) => {
		await tx
			.deleteFrom('idempotency_keys')
			.where('user_id', '=', userId)
			.where('key', '=', key)
			.where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_HOURS * 3600_000))
			.execute();
		return tx
			.insertInto('idempotency_keys')
			.values({ user_id: userId, key, fingerprint, status: null, content_type: null, body: null, created_at: now })
			.onConflict((oc) => oc.doNothing())
			.returning('key')
			.executeTakeFirst();
	});
	if (!claimed) {
		const first = await ctx.db
			.selectFrom('idempotency_keys')
			.selectAll()
			.where('user_id', '=', userId)
			.where('key', '=', key)
			.executeTakeFirst();
		if (!first)
			throw new AppError(
				'conflict',
				'Żądanie z tym kluczem Idempotency-Key właśnie się zakończyło niepowodzeniem. Ponów je.'
			);
		if (first.fingerprint !== fingerprint)
			throw new AppError(
				'conflict',
				'Ten klucz Idempotency-Key został już użyty do innego żądania. Użyj nowego klucza.'
			);
		if (first.status === null)
			throw new AppError(
				'conflict',
				'Żądanie z tym kluczem Idempotency-Key jest jeszcze obsługiwane. Ponów je za chwilę.'
			);
		return new Response(first.body, {
			status: first.status,
			headers: { 'content-type': first.content_type ?? 'application/json', 'idempotency-replayed': 'true' }
		});
	}
	let response: Response;
	try {
		response = await run();
	} catch (e) {
		await forget(ctx, userId, key);
		throw e;
	}
	if (response.status >= 500) {
		await forget(ctx, userId, key);
		return response;
	}
	const body = await response.clone().text();
	await ctx.db
		.updateTable('idempotency_keys')
		.set({ status: response.status, content_type: response.headers.get('content-type'), body })
		.where('user_id', '=', userId)
		.where('key', '=', key)
		.execute();
	return response;
}

const forget = (ctx: Ctx, userId: string, key: string) =>
	ctx.db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();

/** Drops answers older than 24 hours (hourly job). */
export async function purgeIdempotencyKeys(ctx: Ctx): Promise<number> {
	const r = await ctx.db
		.deleteFrom('idempotency_keys')
		.where('created_at', '<', new Date(ctx.clock.now().getTime() - IDEMPOTENCY_HOURS * 3600_000))
		.executeTakeFirst();
	return Number(r.numDeletedRows);
}
