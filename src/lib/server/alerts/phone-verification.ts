import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { enqueueSms } from '../notify/outbox';
import { normalizePhone } from '../text/phone';
import { plural } from '../../format';
import { assertAlertMember, CODE_TTL_MS, MAX_CODE_ATTEMPTS, smsSettings } from './alerts';
import { phoneCodeSms } from './messages';

// A member confirms the number alert SMS go to: a 6-digit code by SMS, kept only as a salted hash,
// valid 10 minutes and for 5 tries. The row is per group and member (phone_verifications); a code
// for another number, or saving another number in the settings, ends the earlier confirmation.

const digest = (salt: string, code: string) => createHmac('sha256', salt).update(code).digest();

function hashCode(code: string): string {
	const salt = randomBytes(16).toString('hex');
	return `${salt}$${digest(salt, code).toString('hex')}`;
}

function codeMatches(stored: string, code: string): boolean {
	const [salt, hex] = stored.split('$');
	const expected = Buffer.from(hex ?? '', 'hex');
	const given = digest(salt, code);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

export const phoneInputSchema = z.object({
	phone: z
		.string({ error: 'Podaj numer telefonu komórkowego.' })
		.trim()
		.max(30, 'Podaj numer telefonu komórkowego, np. 600 700 800.')
		.transform(
			(v, ctx) =>
				normalizePhone(v) ??
				(ctx.addIssue({
					code: 'custom',
					message: v
						? 'Podaj numer telefonu komórkowego, np. 600 700 800 albo +48 600 700 800.'
						: 'Podaj numer telefonu komórkowego.'
				}),
				z.NEVER)
		)
});

export const codeInputSchema = z.object({
	code: z
		.string({ error: 'Wpisz kod z SMS-a.' })
		.transform((v) => v.replace(/[\s-]/g, ''))
		.refine((v) => /^\d{6}$/.test(v), 'Kod ma 6 cyfr — przepisz go z SMS-a.')
});

/**
 * Sends a code to the number by SMS (through the outbox). Only where the municipality sends SMS;
 * at most a few codes an hour per account (each SMS costs the municipality).
 */
export async function sendPhoneCode(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<{ phone: string; expiresAt: Date }> {
	const me = await assertAlertMember(ctx, actor, group);
	const { phone } = parseInput(phoneInputSchema, input);
	if (!(await smsSettings(ctx.db, group.municipality_code)).enabled)
		throw new AppError('forbidden', 'Ta gmina nie wysyła komunikatów SMS-em, więc nie trzeba potwierdzać numeru.');
	const now = ctx.clock.now();
	const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	await ctx.db.transaction().execute(async (tx) => {
		const current = await tx
			.selectFrom('phone_verifications')
			.select(['phone', 'verified_at'])
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.forUpdate()
			.executeTakeFirst();
		if (current?.verified_at && current.phone === phone)
			throw new AppError('conflict', 'Ten numer jest już potwierdzony.', { phone: 'Ten numer jest już potwierdzony.' });
		await hitLimits(tx, ctx.clock, [limits.phoneCodesPerAccount(me.id)]);
		const values = {
			phone,
			code_hash: hashCode(code),
			expires_at: expiresAt,
			attempts: 0,
			sent_at: now,
			verified_at: null
		};
		await tx
			.insertInto('phone_verifications')
			.values({ group_id: group.id, user_id: me.id, ...values })
			.onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet(values))
			.execute();
		await enqueueSms(tx, ctx.clock, { to: phone, text: phoneCodeSms({ code, minutes: CODE_TTL_MS / 60_000 }) });
	});
	return { phone, expiresAt };
}

/**
 * Checks the code typed in; the right one marks the number verified. Every try counts (taken
 * atomically, so parallel guesses get no more than five); after five, or ten minutes, a new code
 * is needed.
 */
export async function verifyPhoneCode(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<{ phone: string }> {
	const me = await assertAlertMember(ctx, actor, group);
	const { code } = parseInput(codeInputSchema, input);
	const now = ctx.clock.now();
	const tried = await ctx.db
		.updateTable('phone_verifications')
		.set((eb) => ({ attempts: eb('attempts', '+', 1) }))
		.where('group_id', '=', group.id)
		.where('user_id', '=', me.id)
		.where('code_hash', 'is not', null)
		.where('expires_at', '>', now)
		.where('attempts', '<', MAX_CODE_ATTEMPTS)
		.returning(['phone', 'code_hash', 'attempts'])
		.executeTakeFirst();
	if (!tried) {
		const row = await ctx.db
			.selectFrom('phone_verifications')
			.select(['code_hash', 'expires_at', 'attempts'])
			.where('group_id', '=', group.id)
			.where('user_id', '=', me.id)
			.executeTakeFirst();
		if (!row?.code_hash || !row.expires_at)
			throw new AppError('validation', 'Najpierw wyślij kod na swój numer.', { code: 'Najpierw wyślij kod.' });
		if (row.attempts >= MAX_CODE_ATTEMPTS)
			throw new AppError(
				'rate_limited',
				`Błędny kod wpisano ${MAX_CODE_ATTEMPTS} razy — ten kod już nie zadziała. Wyślij nowy kod.`,
				{ code: 'Wyślij nowy kod.' }
			);
		throw new AppError(
			'validation',
			`Kod wygasł — jest ważny ${CODE_TTL_MS / 60_000} minut od wysłania. Wyślij nowy kod.`,
			{ code: 'Kod wygasł.' }
		);
	}
	if (!codeMatches(tried.code_hash!, code)) {
		const left = MAX_CODE_ATTEMPTS - tried.attempts;
		throw new AppError(
			'validation',
			left > 0
				? `Kod się nie zgadza. ${left === 1 ? 'Została' : 'Zostały'} ${left} ${plural(left, 'próba', 'próby', 'prób')}.`
				: 'Kod się nie zgadza, a to była ostatnia próba. Wyślij nowy kod.',
			{ code: 'Kod się nie zgadza.' }
		);
	}
	await ctx.db
		.updateTable('phone_verifications')
		.set({ verified_at: now, code_hash: null, expires_at: null, attempts: 0 })
		.where('group_id', '=', group.id)
		.where('user_id', '=', me.id)
		.where('code_hash', '=', tried.code_hash)
		.execute();
	return { phone: tried.phone };
}
