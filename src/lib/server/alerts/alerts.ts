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

/** What joining and the one-time question suggest: the alerts nobody should miss, in the app and by push. */
export const defaultAlertChoice = {
	kinds: ['safety', 'weather', 'utilities'] as AlertKind[],
	byPush: true,
	byEmail: false
};

/** Where a member's choice of alerts was made (their consent, dated by `updated_at`). */
export type ConsentSource = 'join' | 'prompt' | 'settings';

const kindsSchema = z.array(z.enum(alertKindIds, { error: 'Nie ma takiego rodzaju komunikatu.' })).default([]);

/** An urgent post stays on top for at most a week. */
export const MAX_ALERT_HOURS = 7 * 24;

export const preferencesSchema = z
	.object({
		kinds: kindsSchema,
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

/** The choice asked when joining and once of existing members: kinds, push and e-mail (SMS needs a verified phone). */
export const alertChoiceSchema = z.object({
	kinds: kindsSchema,
	byEmail: z.boolean().default(false),
	byPush: z.boolean().default(false)
});
export type AlertChoice = z.output<typeof alertChoiceSchema>;

/** A new subscription from a choice made when joining or when asked. */
export const subscriptionFromChoice = (choice: AlertChoice, source: ConsentSource, now: Date) => ({
	kinds: [...new Set(choice.kinds)],
	by_email: choice.byEmail,
	by_push: choice.byPush,
	by_sms: false,
	phone: null,
	consent_source: source,
	updated_at: now
});

export interface AlertPreferences {
	kinds: AlertKind[];
	byEmail: boolean;
	byPush: boolean;
	bySms: boolean;
	phone: string | null;
	/** The municipality sends SMS (it pays for them). */
	smsAvailable: boolean;
	/** Where and when the member made this choice (their consent); null before any. */
	consent: { source: ConsentSource; at: string } | null;
	/** The number confirmed with a code, if any: SMS may be chosen only for it. */
	verifiedPhone: string | null;
	/** A code was sent to this number and may still be typed in, until `codeExpiresAt`. */
	codeSentTo: string | null;
	codeExpiresAt: string | null;
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

/** Alerts are for approved members; returns the actor signed in. */
export async function assertAlertMember(ctx: Ctx, actor: Actor | null, group: Group): Promise<Actor> {
	assertSignedIn(actor, 'Zaloguj się, aby ustawić powiadomienia.');
	const access = await groupAccess(ctx, actor, group);
	if (access.membershipStatus !== 'approved')
		throw new AppError('forbidden', 'Komunikaty pilne dostają członkowie grupy — najpierw dołącz do grupy.');
	return actor;
}

export async function getAlertPreferences(ctx: Ctx, actor: Actor | null, group: Group): Promise<AlertPreferences> {
	const me = await assertAlertMember(ctx, actor, group);
	const [row, sms, verification] = await Promise.all([
		ctx.db
			.selectFrom('alert_subscriptions')
			.selectAll()
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.executeTakeFirst(),
		smsSettings(ctx.db, group.municipality_code),
		ctx.db
			.selectFrom('phone_verifications')
			.select(['phone', 'verified_at', 'expires_at', 'attempts'])
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.executeTakeFirst()
	]);
	const now = ctx.clock.now();
	const codeOpen =
		!!verification?.expires_at && verification.expires_at > now && verification.attempts < MAX_CODE_ATTEMPTS;
	return {
		kinds: (row?.kinds ?? []) as AlertKind[],
		byEmail: row?.by_email ?? false,
		byPush: row?.by_push ?? false,
		bySms: row?.by_sms ?? false,
		phone: row?.phone ?? null,
		smsAvailable: sms.enabled,
		consent: row ? { source: row.consent_source, at: row.updated_at.toISOString() } : null,
		verifiedPhone: verification?.verified_at ? verification.phone : null,
		codeSentTo: codeOpen ? verification!.phone : null,
		codeExpiresAt: codeOpen ? verification!.expires_at!.toISOString() : null
	};
}

/** A code sent to confirm a phone is valid this long, and this many tries may be made with it. */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

const SMS_NEEDS_VERIFIED =
	'SMS-y wysyłamy tylko na potwierdzony numer. Wyślij kod na swój numer i wpisz go, a potem zaznacz SMS.';

/** Records that the member has been asked about alerts (the first time counts), in the caller's transaction. */
export async function markAlertsAsked(tx: Db, groupId: string, userId: string, now: Date): Promise<void> {
	await tx
		.updateTable('memberships')
		.set({ alerts_asked_at: now })
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.where('alerts_asked_at', 'is', null)
		.execute();
}

/**
 * A member chooses which urgent alerts of the group to get, and how (in the app always). SMS only to
 * a number confirmed with a code (`phone-verification.ts`); saving another number ends the
 * confirmation of the old one. The choice is their consent, dated now; they count as asked.
 */
export async function setAlertPreferences(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<void> {
	const me = await assertAlertMember(ctx, actor, group);
	const data = parseInput(preferencesSchema, input);
	const now = ctx.clock.now();
	const values = {
		kinds: [...new Set(data.kinds)],
		by_email: data.byEmail,
		by_push: data.byPush,
		by_sms: data.bySms,
		phone: data.phone ?? null,
		consent_source: 'settings' as const,
		updated_at: now
	};
	await ctx.db.transaction().execute(async (tx) => {
		const verification = await tx
			.selectFrom('phone_verifications')
			.select(['phone', 'verified_at'])
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.forUpdate()
			.executeTakeFirst();
		const verified = !!verification?.verified_at && verification.phone === values.phone;
		if (data.bySms && !verified)
			throw new AppError('validation', SMS_NEEDS_VERIFIED, { bySms: 'Najpierw potwierdź numer kodem z SMS-a.' });
		if (verification?.verified_at && verification.phone !== values.phone)
			await tx
				.deleteFrom('phone_verifications')
				.where('group_id', '=', group.id)
				.where('user_id', '=', me.id)
				.execute();
		await tx
			.insertInto('alert_subscriptions')
			.values({ group_id: group.id, user_id: me.id, ...values })
			.onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet(values))
			.execute();
		await markAlertsAsked(tx, group.id, me.id, now);
	});
}
