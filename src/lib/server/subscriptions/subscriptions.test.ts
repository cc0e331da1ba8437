import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { actorForApiToken } from '../auth/sessions';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { groupAccess } from '../access/group-access';
import { listOutbox } from '../notify/outbox';
import { listNotifications } from '../notify/notifications';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx, testCustomer } from '../testing/fixtures';
import { addUnit, listUnits, setUnitSettings } from '../units/units';
import { acceptInvitation, getInvitation, inviteStaff, removeStaff } from '../units/staff';
import { createUnitToken, revokeUnitToken } from '../units/tokens';
import { addCoordinator, createCustomer, setSmsSettings } from './customers';
import { smsSettings } from '../alerts/alerts';
import { addMonths, periodContaining } from '../../dates';
import { cancelSubscription, packageState, startSubscription } from './subscriptions';

const DAY = 86_400_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, coordinator: Actor, resident: Actor;
let group: Group;
let schoolId: string, officeId: string, clubId: string;

const customer = testCustomer;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-26T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	coordinator = await makeUser(ctx, 'koordynator@wiskitki.test', { name: 'Agnieszka Lis' });
	resident = await makeUser(ctx, 'anna@t.pl', { name: 'Anna' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await requestMembership(ctx, resident, group, 'Tak');
	await decideMembership(ctx, operator, group, resident.id, true);
});
afterAll(async () => database?.close());

describe('calendar arithmetic', () => {
	it('adds months clamping to the month end and finds the monthly period of a day', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2027-12-15', 2)).toBe('2028-02-15');
		expect(periodContaining('2026-01-31', '2026-03-15')).toEqual({ start: '2026-02-28', end: '2026-03-30', index: 1 });
		expect(periodContaining('2026-11-26', '2026-11-26')).toEqual({ start: '2026-11-26', end: '2026-12-25', index: 0 });
		expect(periodContaining('2026-11-26', '2027-05-25')).toEqual({ start: '2027-04-26', end: '2027-05-25', index: 5 });
	});
});

describe('the municipality as a customer', () => {
	it('refuses wrong NIP, REGON and postal code, and non-operators, storing nothing', async () => {
		await expect(
			createCustomer(ctx, operator, { ...customer, nip: '838-157-40-09', regon: '013337503', postalCode: '96315' })
		).rejects.toMatchObject({
			code: 'validation',
			fields: {
				nip: expect.stringContaining('NIP'),
				regon: expect.stringContaining('REGON'),
				postalCode: expect.stringContaining('00-000')
			}
		});
		await expect(createCustomer(ctx, coordinator, customer)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createCustomer(ctx, operator, { ...customer, municipalityCode: '9999999' })).rejects.toMatchObject({
			code: 'validation'
		});
		expect(await ctx.db.selectFrom('customers').selectAll().execute()).toEqual([]);
	});

	it('is recorded once, with normalised numbers, and gets a coordinator', async () => {
		await expect(
			startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: '2026-11-26' })
		).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('konto klienta') });
		await createCustomer(ctx, operator, customer);
		await expect(createCustomer(ctx, operator, customer)).rejects.toMatchObject({ code: 'conflict' });
		expect(await ctx.db.selectFrom('customers').select(['nip', 'regon']).executeTakeFirstOrThrow()).toEqual({
			nip: '8381574008',
			regon: '013337502'
		});
		await expect(addCoordinator(ctx, operator, '1438053', 'nikt@t.pl')).rejects.toMatchObject({ code: 'validation' });
		await addCoordinator(ctx, operator, '1438053', coordinator.email);
	});

	it('sends alert SMS at the price the operator sets; only the operator, only a sane price', async () => {
		expect(await smsSettings(ctx.db, '1438053')).toEqual({ enabled: false, priceGrosze: 16 });
		await expect(setSmsSettings(ctx, coordinator, '1438053', { enabled: true, price: '0,12' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		for (const price of ['', 'darmo', '-0,10', '12,00'])
			await expect(setSmsSettings(ctx, operator, '1438053', { enabled: true, price })).rejects.toMatchObject({
				code: 'validation',
				fields: { price: expect.stringContaining('zł') }
			});
		await expect(setSmsSettings(ctx, operator, '1405011', { enabled: true, price: '0,12' })).rejects.toMatchObject({
			code: 'conflict'
		});
		expect(await smsSettings(ctx.db, '1438053')).toEqual({ enabled: false, priceGrosze: 16 });
		await setSmsSettings(ctx, operator, '1438053', { enabled: true, price: '0,12 zł' });
		expect(await smsSettings(ctx.db, '1438053')).toEqual({ enabled: true, priceGrosze: 12 });
		await setSmsSettings(ctx, operator, '1438053', { enabled: false, price: '0.16' });
		expect(await smsSettings(ctx.db, '1438053')).toEqual({ enabled: false, priceGrosze: 16 });
	});

	it('caps the promoted posts’ SMS a month (none by default); kept when not given', async () => {
		const cap = async () =>
			(
				await ctx.db
					.selectFrom('customers')
					.select('promotion_sms_cap')
					.where('municipality_code', '=', '1438053')
					.executeTakeFirstOrThrow()
			).promotion_sms_cap;
		expect(await cap()).toBe(0);
		await setSmsSettings(ctx, operator, '1438053', { enabled: true, price: '0,16', promotionSmsCap: '1 500' });
		expect(await cap()).toBe(1500);
		for (const promotionSmsCap of ['-1', '2,5', 'bez limitu', '100001'])
			await expect(
				setSmsSettings(ctx, operator, '1438053', { enabled: false, price: '0,10', promotionSmsCap })
			).rejects.toMatchObject({ code: 'validation', fields: { promotionSmsCap: expect.stringContaining('100 000') } });
		expect(await smsSettings(ctx.db, '1438053')).toEqual({ enabled: true, priceGrosze: 16 });
		await setSmsSettings(ctx, operator, '1438053', { enabled: true, price: '0,16' });
		expect(await cap()).toBe(1500);
		await setSmsSettings(ctx, operator, '1438053', { enabled: true, price: '0,16', promotionSmsCap: '0' });
		expect(await cap()).toBe(0);
	});
});

describe('units and their staff', () => {
	it('the coordinator adds units; others may not', async () => {
		await expect(addUnit(ctx, resident, '1438053', { name: 'Szkoła', type: 'primarySchool' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(addUnit(ctx, coordinator, '1438053', { name: 'SP', type: 'castle' })).rejects.toMatchObject({
			code: 'validation',
			fields: { name: expect.any(String), type: expect.any(String) }
		});
		schoolId = await addUnit(ctx, coordinator, '1438053', {
			name: 'Szkoła Podstawowa w Wiskitkach',
			type: 'primarySchool',
			contactEmail: 'sp@wiskitki.test',
			website: 'https://sp.wiskitki.pl'
		});
		officeId = await addUnit(ctx, coordinator, '1438053', { name: 'Urząd Miasta i Gminy Wiskitki', type: 'office' });
		clubId = await addUnit(ctx, coordinator, '1438053', { name: 'LKS Wiskitki', type: 'sportsClub' });
		const units = await listUnits(ctx, coordinator, '1438053');
		expect(units.map((u) => [u.slug, u.mayAlert])).toEqual([
			['lks-wiskitki', false],
			['szkola-podstawowa-w-wiskitkach', false],
			['urzad-miasta-i-gminy-wiskitki', true]
		]);
	});

	it('invites by e-mail; accepting creates a verified account that publishes as the unit', async () => {
		await expect(
			inviteStaff(ctx, resident, schoolId, { email: 'dyrektor@sp.test', role: 'unitAdmin' })
		).rejects.toMatchObject({ code: 'forbidden' });
		const { token } = await inviteStaff(ctx, coordinator, schoolId, { email: 'Dyrektor@SP.test', role: 'unitAdmin' });
		const mail = (await listOutbox(ctx.db, { recipient: 'dyrektor@sp.test' }))[0];
		expect(mail.body_text).toContain(`/zaproszenie/${token}`);
		expect(await getInvitation(ctx, token)).toMatchObject({
			unitName: 'Szkoła Podstawowa w Wiskitkach',
			role: 'unitAdmin',
			accountExists: false
		});
		await expect(
			acceptInvitation(ctx, null, token, { displayName: 'Jan Dyrektor', password: 'krotkie' })
		).rejects.toMatchObject({ code: 'validation' });
		const director = await acceptInvitation(ctx, null, token, {
			displayName: 'Jan Dyrektor',
			password: 'dyrektor-haslo-1'
		});
		expect(director).toMatchObject({ email: 'dyrektor@sp.test', emailVerified: true });
		await expect(
			acceptInvitation(ctx, null, token, { displayName: 'Ktoś', password: 'dyrektor-haslo-1' })
		).rejects.toMatchObject({ code: 'conflict' });
		expect((await groupAccess(ctx, director, group)).units.map((u) => u.name)).toEqual([
			'Szkoła Podstawowa w Wiskitkach'
		]);

		// The unit's admin invites an editor; the link expires after 7 days.
		const late = await inviteStaff(ctx, director, schoolId, { email: 'nauczycielka@sp.test', role: 'editor' });
		clock.advance(7 * DAY + 1000);
		await expect(getInvitation(ctx, late.token)).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('wygasło')
		});
		clock.set('2026-11-26T10:00:00Z');
	});

	it('invites one address at most three times a day (each replacing the last)', async () => {
		for (let i = 0; i < 3; i++)
			await inviteStaff(ctx, coordinator, schoolId, { email: 'Zasypywany@sp.test', role: 'editor' });
		await expect(
			inviteStaff(ctx, coordinator, schoolId, { email: 'zasypywany@sp.test', role: 'editor' })
		).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringMatching(/^Ten adres dostał już kilka zaproszeń\. Spróbuj ponownie za \d+ godzin/)
		});
		expect(await listOutbox(ctx.db, { recipient: 'zasypywany@sp.test' })).toHaveLength(3);
	});
});

describe('publishing under the package', () => {
	let editor: Actor;

	beforeAll(async () => {
		editor = await makeUser(ctx, 'redakcja@sp.test', { name: 'Redakcja SP' });
		const { token } = await inviteStaff(ctx, coordinator, schoolId, { email: editor.email, role: 'editor' });
		await acceptInvitation(ctx, editor, token);
	});

	const post = (as: Actor, unitId: string) =>
		createPost(ctx, as, group, { body: 'Dzień otwarty szkoły w sobotę o 10:00.', category: 'education', unitId });

	it('without a package a unit post waits, and the reason says why', async () => {
		expect(await packageState(ctx, group.id)).toBeNull();
		const held = await post(editor, schoolId);
		expect(held).toMatchObject({
			status: 'pending',
			reasons: [expect.stringContaining('pakiet gminy nie jest aktywny')]
		});
		// The publisher is told at once, with the way to report a mistake.
		expect((await listNotifications(ctx, editor))[0]).toMatchObject({
			kind: 'post_held',
			post_id: held.id,
			link: `/pomoc?post=${held.id}`
		});
	});

	it('with an active package it is published at once; a disabled unit waits again', async () => {
		await expect(
			startSubscription(ctx, coordinator, group.id, { plan: 'monthly', startsOn: '2026-11-26' })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			startSubscription(ctx, operator, group.id, { plan: 'commitment', startsOn: '2026-11-26' })
		).rejects.toMatchObject({ code: 'validation', fields: { commitmentMonths: expect.any(String) } });
		await startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: '2026-11-26' });
		await expect(
			startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: '2026-11-26' })
		).rejects.toMatchObject({ code: 'conflict' });
		expect(await packageState(ctx, group.id)).toMatchObject({
			status: 'active',
			active: true,
			period: { start: '2026-11-26', end: '2026-12-25' }
		});
		expect((await post(editor, schoolId)).status).toBe('published');
		// A resident's post still waits.
		expect(
			(await createPost(ctx, resident, group, { body: 'Pytanie o dzień otwarty', category: 'questions' })).status
		).toBe('pending');

		await setUnitSettings(ctx, coordinator, schoolId, { canPublish: false });
		expect((await post(editor, schoolId)).status).toBe('pending');
		await setUnitSettings(ctx, coordinator, schoolId, { canPublish: true });
		expect((await post(editor, schoolId)).status).toBe('published');
	});

	it('office staff publish for a unit without staff only when the coordinator allows it', async () => {
		const clerk = await makeUser(ctx, 'sekretariat@wiskitki.test', { name: 'Sekretariat' });
		const { token } = await inviteStaff(ctx, coordinator, officeId, { email: clerk.email, role: 'editor' });
		await acceptInvitation(ctx, clerk, token);
		await expect(post(clerk, clubId)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setUnitSettings(ctx, coordinator, officeId, { officePublishes: true })).rejects.toMatchObject({
			code: 'validation'
		});
		await setUnitSettings(ctx, coordinator, clubId, { officePublishes: true });
		expect((await post(clerk, clubId)).status).toBe('published');
	});

	it('revoking a person takes effect at once; the unit and its posts stay', async () => {
		await removeStaff(ctx, coordinator, schoolId, editor.id);
		await expect(post(editor, schoolId)).rejects.toMatchObject({ code: 'forbidden' });
		const posts = await ctx.db.selectFrom('posts').select('id').where('unit_id', '=', schoolId).execute();
		expect(posts.length).toBeGreaterThan(0);
	});

	it('a unit token publishes as the unit and stops working when revoked', async () => {
		const director = (
			await ctx.db.selectFrom('users').selectAll().where('email', '=', 'dyrektor@sp.test').executeTakeFirstOrThrow()
		).id;
		await expect(createUnitToken(ctx, resident, schoolId, 'strona szkoły')).rejects.toMatchObject({
			code: 'forbidden'
		});
		const token = await createUnitToken(ctx, coordinator, schoolId, 'strona szkoły');
		const system = (await actorForApiToken(ctx, token))!;
		expect(system.displayName).toBe('Szkoła Podstawowa w Wiskitkach');
		expect((await post(system, schoolId)).status).toBe('published');
		expect(
			(await listUnits(ctx, coordinator, '1438053')).find((u) => u.id === schoolId)!.staff.map((s) => s.userId)
		).toEqual([director]);
		const tokenRow = await ctx.db
			.selectFrom('api_tokens')
			.select('id')
			.where('user_id', '=', system.id)
			.executeTakeFirstOrThrow();
		await revokeUnitToken(ctx, coordinator, schoolId, tokenRow.id);
		expect(await actorForApiToken(ctx, token)).toBeNull();
	});
});

describe('notice', () => {
	it('a monthly package ends with its period; the coordinator may give notice, a resident may not', async () => {
		await expect(cancelSubscription(ctx, resident, group.id)).rejects.toMatchObject({ code: 'forbidden' });
		clock.set('2026-12-10T10:00:00Z');
		expect(await cancelSubscription(ctx, coordinator, group.id)).toMatchObject({
			status: 'cancelling',
			cancelAt: '2026-12-25',
			active: true
		});
		await expect(cancelSubscription(ctx, coordinator, group.id)).rejects.toMatchObject({ code: 'conflict' });
		clock.set('2026-12-26T10:00:00Z');
		expect(await packageState(ctx, group.id)).toMatchObject({ status: 'ended', active: false });
		const unitAdmin = (
			await ctx.db.selectFrom('users').selectAll().where('email', '=', 'dyrektor@sp.test').executeTakeFirstOrThrow()
		).id;
		expect(
			(
				await groupAccess(
					ctx,
					{ id: unitAdmin, email: 'dyrektor@sp.test', displayName: 'Jan', isOperator: false, emailVerified: true },
					group
				)
			).units[0].publishing
		).toBe(false);
	});

	it('a package with a commitment ends no earlier than the commitment', async () => {
		await startSubscription(ctx, operator, group.id, {
			plan: 'commitment',
			commitmentMonths: 6,
			startsOn: '2027-01-01'
		});
		expect(await packageState(ctx, group.id)).toMatchObject({
			active: false,
			statusLabel: 'rozpocznie się 2027-01-01'
		});
		clock.set('2027-02-03T10:00:00Z');
		expect(await cancelSubscription(ctx, operator, group.id)).toMatchObject({
			cancelAt: '2027-06-30',
			commitmentEndsOn: '2027-06-30'
		});
	});
});
