import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertMayJoin, membershipAnswerSchema, writeMembershipRequest } from '../groups/groups';
import { groupPlaceIds, memberPlacesSchema, writeMemberPlaces } from '../places/places';
import { alertChoiceSchema, assertAlertMember, markAlertsAsked, subscriptionFromChoice } from './alerts';

// Opt-in to urgent alerts: asked when joining (with the places one follows), and once of members
// who joined before that question, on their next visit of the group. Each answer is their consent,
// recorded with its source and date (alert_subscriptions.consent_source, updated_at).

const alertsField = z.object(alertChoiceSchema.shape, { error: 'Wybierz, które komunikaty pilne chcesz dostawać.' });

export const joinSchema = z.object({
	answer: membershipAnswerSchema,
	places: memberPlacesSchema.shape.places,
	alerts: alertsField
});

/**
 * Asks to join with the answer, the places the person follows and their choice of urgent alerts,
 * all in one transaction (bad input writes nothing). Someone who chose alerts here before (they
 * left and come back) keeps that choice: `alertsKept`.
 */
export async function joinGroup(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<{ status: 'pending'; alertsKept: boolean }> {
	const me = await assertMayJoin(ctx, actor, group);
	const data = parseInput(joinSchema, input);
	const placeIds = await groupPlaceIds(ctx.db, group.id, data.places);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		await writeMembershipRequest(tx, now, {
			groupId: group.id,
			userId: me.id,
			answer: data.answer,
			alertsAskedAt: now
		});
		await writeMemberPlaces(tx, group.id, me.id, placeIds);
		const added = await tx
			.insertInto('alert_subscriptions')
			.values({ group_id: group.id, user_id: me.id, ...subscriptionFromChoice(data.alerts, 'join', now) })
			.onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
			.returning('user_id')
			.executeTakeFirst();
		return { status: 'pending' as const, alertsKept: !added };
	});
}

export const promptAnswerSchema = z.discriminatedUnion(
	'answer',
	[z.object({ answer: z.literal('later') }), z.object({ answer: z.literal('save'), alerts: alertsField })],
	{ error: 'Wybierz „Zapisz” albo „Nie teraz”.' }
);

/**
 * A member's answer to the one-time question about alerts: their choice (consent from the prompt),
 * or "Nie teraz". Either way they are not asked again. A choice made meanwhile elsewhere is kept.
 */
export async function answerAlertPrompt(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<'saved' | 'later'> {
	const me = await assertAlertMember(ctx, actor, group);
	const data = parseInput(promptAnswerSchema, input);
	const now = ctx.clock.now();
	if (data.answer === 'later') {
		await markAlertsAsked(ctx.db, group.id, me.id, now);
		return 'later';
	}
	return ctx.db.transaction().execute(async (tx) => {
		const added = await tx
			.insertInto('alert_subscriptions')
			.values({ group_id: group.id, user_id: me.id, ...subscriptionFromChoice(data.alerts, 'prompt', now) })
			.onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
			.returning('user_id')
			.executeTakeFirst();
		if (!added)
			throw new AppError(
				'conflict',
				'Komunikaty pilne masz już wybrane — zmienisz je w ustawieniach komunikatów tej grupy.'
			);
		await markAlertsAsked(tx, group.id, me.id, now);
		return 'saved' as const;
	});
}
