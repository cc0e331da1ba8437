import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import { groupAccess } from '../access/group-access';
import { normalizePhone } from '../text/phone';
import { assertSignedIn } from '../access/actor';

/** What an urgent alert is about; members choose which ones they want. */
export const alertKinds = {
	safety: 'Bezpieczeństwo: pożar, zagrożenie, ewakuacja',
	weather: 'Ostrzeżenia pogodowe',
	utilities: 'Woda, prąd, ogrzewanie',
	roads: 'Drogi i komunikacja',
	health: 'Zdrowie i sanepid',
	other: 'Inne pilne sprawy'
} as const;

export type AlertKind = keyof typeof alertKinds;
export const alertKindIds = Object.keys(alertKinds) as [AlertKind, ...AlertKind[]];

/** An urgent post stays on top for at most a week. */
export const MAX_ALERT_HOURS = 7 * 24;

export const preferencesSchema = z
	.object({
		kinds: z.array(z.enum(alertKindIds, { error: 'Nie ma takiego rodzaju komunikatu.' })).default([]),
		byEmail: z.boolean().default(false),
		byPush: z.boolean().default(false),
		bySms: z.boolean().default(false),
		phone: z
			.string()
			.trim()
			.max(30)
			.transform((v, ctx) =>
				v === ''
					? null
					: (normalizePhone(v) ??
						(ctx.addIssue({
							code: 'custom',
							message: 'Podaj numer telefonu komórkowego, np. 600 700 800 albo +48 600 700 800.'
						}),
						z.NEVER))
			)
			.nullish()
	})
	.refine((v) => !v.bySms || v.phone, { message: 'Podaj numer telefonu, na który wysłać SMS.', path: ['phone'] });

export interface AlertPreferences {
	kinds: AlertKind[];
	byEmail: boolean;
	byPush: boolean;
	bySms: boolean;
	phone: string | null;
	/** The municipality sends SMS (it pays for them). */
	smsAvailable: boolean;
}

/** Whether the municipality sends SMS (it pays for them) and its price per message, net. */
export async function smsSettings(
	db: Db,
	municipalityCode: string
): Promise<{ enabled: boolean; priceGrosze: number }> {
	const row = await db
		.selectFrom('customers')
		.select(['sms_enabled', 'sms_price_grosze'])
		.where('municipality_code', '=', municipalityCode)
		.executeTakeFirst();
	return { enabled: !!row?.sms_enabled, priceGrosze: row?.sms_price_grosze ?? 0 };
}

async function assertMember(ctx: Ctx, actor: Actor | null, group: Group): Promise<Actor> {
	assertSignedIn(actor, 'Zaloguj się, aby ustawić powiadomienia.');
	const access = await groupAccess(ctx, actor, group);
	if (access.membershipStatus !== 'approved')
		throw new AppError('forbidden', 'Komunikaty pilne dostają członkowie grupy — najpierw dołącz do grupy.');
	return actor;
}

export async function getAlertPreferences(ctx: Ctx, actor: Actor | null, group: Group): Promise<AlertPreferences> {
	const me = await assertMember(ctx, actor, group);
	const [row, sms] = await Promise.all([
		ctx.db
			.selectFrom('alert_subscriptions')
			.selectAll()
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.executeTakeFirst(),
		smsSettings(ctx.db, group.municipality_code)
	]);
	return {
		kinds: (row?.kinds ?? []) as AlertKind[],
		byEmail: row?.by_email ?? false,
		byPush: row?.by_push ?? false,
		bySms: row?.by_sms ?? false,
		phone: row?.phone ?? null,
		smsAvailable: sms.enabled
	};
}

/** A member chooses which urgent alerts of the group to get, and how (in the app always). */
export async function setAlertPreferences(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<void> {
	const me = await assertMember(ctx, actor, group);
	const data = parseInput(preferencesSchema, input);
	const values = {
		kinds: [...new Set(data.kinds)],
		by_email: data.byEmail,
		by_push: data.byPush,
		by_sms: data.bySms,
		phone: data.phone ?? null,
		updated_at: ctx.clock.now()
	};
	await ctx.db
		.insertInto('alert_subscriptions')
		.values({ group_id: group.id, user_id: me.id, ...values })
		.onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet(values))
		.execute();
}
