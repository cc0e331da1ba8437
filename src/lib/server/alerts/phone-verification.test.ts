import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../core/context';
import type { Database } from '../db/database';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { getAlertPreferences, setAlertPreferences } from './alerts';
import { sendPhoneCode, verifyPhoneCode } from './phone-verification';

const MINUTE = 60_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let group: Group, noSms: Group;

async function member(email: string, g = group) {
	const a = await makeUser(ctx, email);
	await requestMembership(ctx, a, g, 'Mieszkam w gminie');
	await decideMembership(ctx, operator, g, a.id, true);
	return a;
}

/** The code in the last SMS to the number, as the member reads it on their phone. */
async function codeSentTo(e164: string): Promise<string> {
	const sms = await ctx.db
		.selectFrom('outbox')
		.select('body_text')
		.where('channel', '=', 'sms')
		.where('recipient', '=', e164)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	return /\d{6}/.exec(sms.body_text)![0];
}

const otherThan = (code: string) => (code === '111111' ? '222222' : '111111');

const verification = (userId: string) =>
	ctx.db
		.selectFrom('phone_verifications')
		.selectAll()
		.where('group_id', '=', group.id)
		.where('user_id', '=', userId)
		.executeTakeFirst();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await createGroup(ctx, operator, {
		slug: 'milanowek',
		municipalityCode: '1405011',
		name: 'Milanówek',
		membershipQuestion: 'Czy mieszkasz w Milanówku?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	noSms = await getGroup(ctx.db, 'milanowek');
	await activatePackage(ctx, operator, group);
	await ctx.db.updateTable('customers').set({ sms_enabled: true }).where('municipality_code', '=', '1438053').execute();
});
afterAll(() => database?.close());

describe('confirming the phone for alert SMS', () => {
	it('SMS cannot be chosen before the number is confirmed', async () => {
		const ala = await member('ala@t.pl');
		await expect(
			setAlertPreferences(ctx, ala, group, { kinds: ['safety'], bySms: true, phone: '600 700 800' })
		).rejects.toMatchObject({
			code: 'validation',
			message: expect.stringContaining('tylko na potwierdzony numer'),
			fields: { bySms: expect.any(String) }
		});
		expect(await ctx.db.selectFrom('alert_subscriptions').select('user_id').execute()).toEqual([]);
	});

	it('sends a 6-digit code by SMS through the outbox and keeps only its hash, valid 10 minutes', async () => {
		const anna = await member('anna@t.pl');
		clock.set('2026-11-26T10:00:00Z');
		await expect(sendPhoneCode(ctx, anna, group, { phone: '600 700 800' })).resolves.toEqual({
			phone: '+48600700800',
			expiresAt: new Date('2026-11-26T10:10:00Z')
		});
		const sms = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'body_text', 'status'])
			.where('channel', '=', 'sms')
			.execute();
		expect(sms).toEqual([
			{
				recipient: '+48600700800',
				body_text: expect.stringMatching(/^Tablica: kod potwierdzający numer to \d{6}\. Ważny 10 minut\.$/),
				status: 'pending'
			}
		]);
		const code = await codeSentTo('+48600700800');
		const row = await verification(anna.id);
		expect(row).toMatchObject({
			phone: '+48600700800',
			attempts: 0,
			expires_at: new Date('2026-11-26T10:10:00Z'),
			verified_at: null
		});
		expect(row!.code_hash).not.toContain(code);
		expect(await getAlertPreferences(ctx, anna, group)).toMatchObject({
			verifiedPhone: null,
			codeSentTo: '+48600700800',
			codeExpiresAt: '2026-11-26T10:10:00.000Z'
		});

		// A wrong code counts; the right one confirms the number, which SMS may then go to.
		await expect(verifyPhoneCode(ctx, anna, group, { code: otherThan(code) })).rejects.toMatchObject({
			code: 'validation',
			message: 'Kod się nie zgadza. Zostały 4 próby.',
			fields: { code: expect.any(String) }
		});
		await expect(verifyPhoneCode(ctx, anna, group, { code: '12ab' })).rejects.toMatchObject({
			code: 'validation',
			message: 'Kod ma 6 cyfr — przepisz go z SMS-a.'
		});
		clock.advance(5 * MINUTE);
		await expect(verifyPhoneCode(ctx, anna, group, { code: `${code.slice(0, 3)} ${code.slice(3)}` })).resolves.toEqual({
			phone: '+48600700800'
		});
		expect(await verification(anna.id)).toMatchObject({
			verified_at: new Date('2026-11-26T10:05:00Z'),
			code_hash: null,
			expires_at: null
		});
		expect(await getAlertPreferences(ctx, anna, group)).toMatchObject({
			verifiedPhone: '+48600700800',
			codeSentTo: null
		});
		await setAlertPreferences(ctx, anna, group, { kinds: ['safety'], bySms: true, phone: '+48 600 700 800' });
		expect(await getAlertPreferences(ctx, anna, group)).toMatchObject({ bySms: true, phone: '+48600700800' });
		// The code worked once.
		await expect(verifyPhoneCode(ctx, anna, group, { code })).rejects.toMatchObject({
			code: 'validation',
			message: 'Najpierw wyślij kod na swój numer.'
		});
		// A confirmed number needs no new code (nor another paid SMS).
		await expect(sendPhoneCode(ctx, anna, group, { phone: '600700800' })).rejects.toMatchObject({ code: 'conflict' });
	});

	it('a code expires after 10 minutes (the injected clock)', async () => {
		const jan = await member('jan@t.pl');
		clock.set('2026-11-26T11:00:00Z');
		await sendPhoneCode(ctx, jan, group, { phone: '600 700 801' });
		const code = await codeSentTo('+48600700801');
		clock.advance(9 * MINUTE + 59_000);
		await expect(verifyPhoneCode(ctx, jan, group, { code: otherThan(code) })).rejects.toMatchObject({
			message: expect.stringContaining('nie zgadza')
		});
		clock.advance(1000);
		await expect(verifyPhoneCode(ctx, jan, group, { code })).rejects.toMatchObject({
			code: 'validation',
			message: 'Kod wygasł — jest ważny 10 minut od wysłania. Wyślij nowy kod.'
		});
		expect(await verification(jan.id)).toMatchObject({ verified_at: null });
		expect(await getAlertPreferences(ctx, jan, group)).toMatchObject({ codeSentTo: null, verifiedPhone: null });
		// A new code works.
		await sendPhoneCode(ctx, jan, group, { phone: '600 700 801' });
		await verifyPhoneCode(ctx, jan, group, { code: await codeSentTo('+48600700801') });
		expect(await getAlertPreferences(ctx, jan, group)).toMatchObject({ verifiedPhone: '+48600700801' });
	});

	it('five tries per code, then a new code is needed', async () => {
		const ewa = await member('ewa@t.pl');
		await sendPhoneCode(ctx, ewa, group, { phone: '600 700 802' });
		const code = await codeSentTo('+48600700802');
		const wrong = otherThan(code);
		const messages: string[] = [];
		for (let i = 0; i < 5; i++)
			messages.push(
				await verifyPhoneCode(ctx, ewa, group, { code: wrong }).then(
					() => 'confirmed',
					(e: Error) => e.message
				)
			);
		expect(messages).toEqual([
			'Kod się nie zgadza. Zostały 4 próby.',
			'Kod się nie zgadza. Zostały 3 próby.',
			'Kod się nie zgadza. Zostały 2 próby.',
			'Kod się nie zgadza. Została 1 próba.',
			'Kod się nie zgadza, a to była ostatnia próba. Wyślij nowy kod.'
		]);
		// Even the right code no longer works.
		await expect(verifyPhoneCode(ctx, ewa, group, { code })).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Błędny kod wpisano 5 razy — ten kod już nie zadziała. Wyślij nowy kod.'
		});
		expect(await verification(ewa.id)).toMatchObject({ attempts: 5, verified_at: null });
		await sendPhoneCode(ctx, ewa, group, { phone: '600 700 802' });
		await expect(verifyPhoneCode(ctx, ewa, group, { code: await codeSentTo('+48600700802') })).resolves.toMatchObject({
			phone: '+48600700802'
		});
	});

	it('guesses sent at once get no more than five tries', async () => {
		const olek = await member('olek@t.pl');
		await sendPhoneCode(ctx, olek, group, { phone: '600 700 803' });
		const wrong = otherThan(await codeSentTo('+48600700803'));
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				verifyPhoneCode(ctx, olek, group, { code: wrong }).catch((e: { code: string }) => e.code)
			)
		);
		expect(results.filter((r) => r === 'validation')).toHaveLength(5);
		expect(results.filter((r) => r === 'rate_limited')).toHaveLength(3);
		expect(await verification(olek.id)).toMatchObject({ attempts: 5 });
	});

	it('changing the number clears the confirmation', async () => {
		const piotr = await member('piotr@t.pl');
		const confirm = async (phone: string, e164: string) => {
			await sendPhoneCode(ctx, piotr, group, { phone });
			await verifyPhoneCode(ctx, piotr, group, { code: await codeSentTo(e164) });
		};
		await confirm('600 700 804', '+48600700804');
		await setAlertPreferences(ctx, piotr, group, { kinds: ['safety'], bySms: true, phone: '600 700 804' });

		// In the settings: another number is not confirmed, and saving it ends the old confirmation.
		await expect(
			setAlertPreferences(ctx, piotr, group, { kinds: ['safety'], bySms: true, phone: '600 700 805' })
		).rejects.toMatchObject({ code: 'validation', fields: { bySms: expect.any(String) } });
		expect(await getAlertPreferences(ctx, piotr, group)).toMatchObject({ verifiedPhone: '+48600700804' });
		await setAlertPreferences(ctx, piotr, group, { kinds: ['safety'], phone: '600 700 805' });
		expect(await getAlertPreferences(ctx, piotr, group)).toMatchObject({
			bySms: false,
			phone: '+48600700805',
			verifiedPhone: null
		});
		await expect(
			setAlertPreferences(ctx, piotr, group, { kinds: ['safety'], bySms: true, phone: '600 700 804' })
		).rejects.toMatchObject({ code: 'validation' });

		// A code to a new number: the confirmed one is confirmed no more.
		await confirm('600 700 804', '+48600700804');
		await sendPhoneCode(ctx, piotr, group, { phone: '600 700 806' });
		expect(await getAlertPreferences(ctx, piotr, group)).toMatchObject({
			verifiedPhone: null,
			codeSentTo: '+48600700806'
		});
		await expect(
			setAlertPreferences(ctx, piotr, group, { kinds: ['safety'], bySms: true, phone: '600 700 804' })
		).rejects.toMatchObject({ code: 'validation' });
	});

	it('takes only mobile numbers, a few codes an hour, and only where the municipality sends SMS', async () => {
		const zofia = await member('zofia@t.pl');
		await expect(sendPhoneCode(ctx, zofia, group, { phone: '123' })).rejects.toMatchObject({
			code: 'validation',
			fields: { phone: expect.stringContaining('komórkowego') }
		});
		await expect(sendPhoneCode(ctx, zofia, group, {})).rejects.toMatchObject({ code: 'validation' });
		clock.set('2026-11-26T14:00:00Z');
		for (let i = 0; i < 5; i++) await sendPhoneCode(ctx, zofia, group, { phone: `600 710 80${i}` });
		await expect(sendPhoneCode(ctx, zofia, group, { phone: '600 710 809' })).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('Wysłaliśmy już kilka kodów')
		});
		expect(
			await ctx.db.selectFrom('outbox').select('id').where('recipient', 'like', '+4860071080%').execute()
		).toHaveLength(5);
		clock.advance(60 * MINUTE);
		await sendPhoneCode(ctx, zofia, group, { phone: '600 710 809' });

		const milanowianka = await member('milanowianka@t.pl', noSms);
		await expect(sendPhoneCode(ctx, milanowianka, noSms, { phone: '600 720 800' })).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('nie wysyła')
		});
	});
});
