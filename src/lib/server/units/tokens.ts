import { unitById } from './units';
import type { Actor, Ctx } from '../core/context';
import { z } from 'zod';
import { isId, parseInput } from '../core/validation';
import { createApiToken } from '../auth/sessions';
import { insertServiceUser } from '../auth/accounts';
import { notFound } from '../core/errors';
import { assertUnitManager } from '../access/office';

/** A token's name, to tell the unit's systems apart; empty means "system jednostki". */
export const unitTokenSchema = z.object({
	tokenName: z.string().trim().max(100, 'Nazwa tokenu może mieć najwyżej 100 znaków.').default('')
});

/**
 * A token for the unit's own systems (a school website, the BIP). It belongs to the unit's
 * service account, not to a person, so it survives staff changes; its posts are the unit's.
 */
export async function createUnitToken(ctx: Ctx, actor: Actor | null, unitId: string, name: string): Promise<string> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit);
	const { tokenName } = parseInput(unitTokenSchema, { tokenName: name });
	const serviceUserId = await ctx.db.transaction().execute(async (tx) => {
		const current = await tx
			.selectFrom('units')
			.select('service_user_id')
			.where('id', '=', unitId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (current.service_user_id) return current.service_user_id;
		const userId = await insertServiceUser(tx, `jednostka-${unitId}@api.tablica.invalid`, unit.name, ctx.clock.now());
		await tx.insertInto('unit_members').values({ unit_id: unitId, user_id: userId, role: 'editor' }).execute();
		await tx.updateTable('units').set({ service_user_id: userId }).where('id', '=', unitId).execute();
		return userId;
	});
	return createApiToken(ctx, serviceUserId, tokenName || 'system jednostki');
}

export async function listUnitTokens(ctx: Ctx, actor: Actor | null, unitId: string) {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit);
	if (!unit.service_user_id) return [];
	return ctx.db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', unit.service_user_id)
		.where('revoked_at', 'is', null)
		.orderBy('id', 'desc')
		.execute();
}

export async function revokeUnitToken(ctx: Ctx, actor: Actor | null, unitId: string, tokenId: string): Promise<void> {
	const unit = await unitById(ctx.db, unitId);
	await assertUnitManager(ctx, actor, unit);
	if (!unit.service_user_id || !isId(tokenId)) throw notFound('Nie ma takiego tokenu.');
	const r = await ctx.db
		.updateTable('api_tokens')
		.set({ revoked_at: ctx.clock.now() })
		.where('id', '=', tokenId)
		.where('user_id', '=', unit.service_user_id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (!r.numUpdatedRows) throw notFound('Nie ma takiego tokenu.');
}
