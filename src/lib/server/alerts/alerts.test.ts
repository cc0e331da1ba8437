import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { getPost, listFeed } from '../feed/feed-query';
import { closeAlert, updateAlert } from '../feed/alert-posts';
import { createPost } from '../feed/create-post';
import { addPlace, setMemberPlaces } from '../places/places';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { listNotifications } from '../notify/notifications';
import { normalizePhone } from '../text/phone';
import {
	activatePackage,
	confirmedPhone,
	loadDemoMunicipalities,
	makeUser,
	openTestDatabase,
	testCtx
} from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff } from '../units/staff';
import { getAlertPreferences, setAlertPreferences } from './alerts';
import { alertDelivery, previewAlert, sendAlert } from './send';

const HOUR = 3_600_000;
let database: Database;
let ctx: Ctx;
let operator: Actor, clerk: Actor, teacher: Actor, anna: Actor, jan: Actor, ewa: Actor, outsider: Actor;
let group: Group;
let utilityId: string, schoolId: string;

async function member(email: string, name: string) {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, group, 'Tak');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

async function staff(unitId: string, who: Actor) {
	const { token } = await inviteStaff(ctx, operator, unitId, { email: who.email, role: 'editor' });
	await acceptInvitation(ctx, who, token);
}

const outbox = (channel: 'email' | 'sms' | 'push') =>
	ctx.db
		.selectFrom('outbox')
		.select(['recipient', 'subject', 'body_text', 'unsubscribe_url'])
		.where('channel', '=', channel)
		.orderBy('recipient')
		.execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	utilityId = await addUnit(ctx, operator, '1438053', { name: 'Zakład Gospodarki Komunalnej', type: 'utility' });
	schoolId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa', type: 'primarySchool' });
	clerk = await makeUser(ctx, 'zgk@t.pl', { name: 'ZGK' });
	teacher = await makeUser(ctx, 'sp@t.pl', { name: 'SP' });
	await staff(utilityId, clerk);
	await staff(schoolId, teacher);
	anna = await member('anna@t.pl', 'Anna');
	jan = await member('jan@t.pl', 'Jan');
	ewa = await member('ewa@t.pl', 'Ewa');
	outsider = await makeUser(ctx, 'obcy@t.pl');
});
afterAll(async () => database?.close());

describe('phone numbers', () => {
	it('are kept in E.164, Polish ones without the country code too', () => {
		expect(normalizePhone('600 700 800')).toBe('+48600700800');
		expect(normalizePhone('+48 600-700-800')).toBe('+48600700800');
		expect(normalizePhone('0048600700800')).toBe('+48600700800');
		expect(normalizePhone('+49 1512 3456789')).toBe('+4915123456789');
		expect(normalizePhone('60070080')).toBeNull();
		expect(normalizePhone('+48 600 700 8000')).toBeNull();
	});
});

describe("members' choices", () => {
	it('only members choose; SMS needs a valid number', async () => {
		await expect(setAlertPreferences(ctx, outsider, group, { kinds: ['utilities'] })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(setAlertPreferences(ctx, anna, group, { kinds: ['utilities'], bySms: true })).rejects.toMatchObject({
			code: 'validation',
			fields: { phone: expect.any(String) }
		});
		await expect(
			setAlertPreferences(ctx, anna, group, { kinds: ['utilities'], bySms: true, phone: '123' })
		).rejects.toMatchObject({ code: 'validation', fields: { phone: expect.stringContaining('komórkowego') } });
		await expect(setAlertPreferences(ctx, anna, group, { kinds: ['earthquakes'] })).rejects.toMatchObject({
			code: 'validation'
		});
		// SMS only to a number confirmed with a code (phone-verification.test.ts).
		await expect(
			setAlertPreferences(ctx, anna, group, { kinds: ['utilities'], bySms: true, phone: '600 700 800' })
		).rejects.toMatchObject({ code: 'validation', fields: { bySms: expect.any(String) } });
		await confirmedPhone(ctx, group.id, anna.id, '600 700 800');
		await setAlertPreferences(ctx, anna, group, {
			kinds: ['utilities', 'safety'],
			byEmail: true,
			bySms: true,
			phone: '600 700 800'
		});
		await setAlertPreferences(ctx, jan, group, { kinds: ['utilities'], byPush: true });
		await setAlertPreferences(ctx, ewa, group, { kinds: ['roads'], byEmail: true });
		expect(await getAlertPreferences(ctx, anna, group)).toEqual({
			kinds: ['utilities', 'safety'],
			byEmail: true,
			byPush: false,
			bySms: true,
			phone: '+48600700800',
			smsAvailable: false,
			consent: { source: 'settings', at: ctx.clock.now().toISOString() },
			verifiedPhone: '+48600700800',
			codeSentTo: null,
			codeExpiresAt: null
		});
	});
});

describe('an urgent alert', () => {
	const input = (unitId: string, hours = 6, more: Record<string, unknown> = {}) => ({
		unitId,
		kind: 'utilities',
		title: 'Awaria wodociągu w Guzowie',
		body: 'Woda niezdatna do picia do odwołania. Beczkowóz przy remizie.',
		until: new Date(ctx.clock.now().getTime() + hours * HOUR),
		channels: ['push', 'email', 'sms'],
		...more
	});
	const alert = (as: Actor, unitId: string, hours = 6, more: Record<string, unknown> = {}) =>
		sendAlert(ctx, as, group, input(unitId, hours, more));

	it('is sent only by units the coordinator allows, for at most a week ahead', async () => {
		await expect(alert(teacher, schoolId)).rejects.toMatchObject({
			code: 'forbidden',
			fields: { unitId: expect.any(String) }
		});
		await expect(alert(anna, utilityId)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(alert(clerk, utilityId, -1)).rejects.toMatchObject({
			code: 'validation',
			fields: { until: expect.any(String) }
		});
		await expect(alert(clerk, utilityId, 8 * 24)).rejects.toMatchObject({
			code: 'validation',
			fields: { until: expect.stringContaining('7 dni') }
		});
		await expect(alert(clerk, utilityId, 6, { title: '' })).rejects.toMatchObject({
			code: 'validation',
			fields: { title: expect.any(String) }
		});
		await expect(alert(clerk, utilityId, 6, { places: ['999999'] })).rejects.toMatchObject({
			code: 'validation',
			fields: { places: expect.any(String) }
		});
		expect(await ctx.db.selectFrom('posts').select('id').execute()).toEqual([]);
	});

	it('the confirmation shows the audience per channel before anything is sent', async () => {
		const queued = (await ctx.db.selectFrom('outbox').select('id').execute()).length;
		const preview = await previewAlert(ctx, clerk, group, input(utilityId));
		expect(preview).toMatchObject({
			unitName: 'Zakład Gospodarki Komunalnej',
			title: 'Awaria wodociągu w Guzowie',
			places: [],
			audience: { inApp: 2, email: 1, push: 1, sms: 0 },
			sms: null,
			smsAvailable: false
		});
		const noEmail = await previewAlert(ctx, clerk, group, input(utilityId, 6, { channels: ['push'] }));
		expect(noEmail.audience).toEqual({ inApp: 2, email: 0, push: 1, sms: 0 });
		expect(await ctx.db.selectFrom('posts').select('id').execute()).toEqual([]);
		expect(await ctx.db.selectFrom('outbox').select('id').execute()).toHaveLength(queued);
	});

	it('goes on top and reaches exactly the members who asked for that kind, by their channels', async () => {
		const created = await alert(clerk, utilityId);
		const feed = await listFeed(ctx, null, group);
		expect(feed.featured.map((p) => p.id)).toEqual([created.postId]);
		expect(feed.featured[0]).toMatchObject({
			urgent: true,
			alert: { kind: 'utilities', sent: { inApp: 2, email: 1, push: 1, sms: 0 } }
		});
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'urgent_alert',
			post_id: created.postId,
			detail: expect.stringContaining('Awaria wodociągu')
		});
		expect((await listNotifications(ctx, jan))[0]).toMatchObject({ kind: 'urgent_alert' });
		expect((await listNotifications(ctx, ewa)).filter((n) => n.kind.startsWith('urgent'))).toEqual([]);
		expect((await outbox('email')).filter((m) => m.subject.startsWith('Komunikat pilny'))).toMatchObject([
			{
				recipient: 'anna@t.pl',
				body_text: expect.stringContaining('/g/wiskitki/komunikaty'),
				unsubscribe_url: 'http://tablica.test/g/wiskitki/komunikaty'
			}
		]);
		expect(await outbox('push')).toMatchObject([{ recipient: `user:${jan.id}` }]);
		expect(await outbox('sms')).toEqual([]);
		expect(await alertDelivery(ctx.db, created.postId)).toEqual([
			{ channel: 'push', queued: 1, sent: 0, failed: 0 },
			{ channel: 'email', queued: 1, sent: 0, failed: 0 },
			{ channel: 'sms', queued: 0, sent: 0, failed: 0 }
		]);
	});

	it('goes by SMS too where the municipality sends them, with the cost shown first', async () => {
		await ctx.db.updateTable('customers').set({ sms_enabled: true, sms_price_grosze: 16 }).execute();
		// A number chosen before confirmation existed gets no SMS until its owner confirms it.
		await ctx.db
			.updateTable('alert_subscriptions')
			.set({ by_sms: true, phone: '+48600111222' })
			.where('user_id', '=', jan.id)
			.execute();
		const preview = await previewAlert(ctx, clerk, group, input(utilityId));
		expect(preview.sms).toMatchObject({ encoding: 'UCS-2', segments: 2, messages: 2, costGrosze: 32 });
		expect(preview.sms!.text).toMatch(/^PILNE Zakład Gospodarki Komunalnej: Awaria wodociągu w Guzowie http/);
		const created = await alert(clerk, utilityId);
		expect((await getPost(ctx, clerk, created.postId)).post.alert?.sent).toEqual({
			inApp: 2,
			email: 1,
			push: 1,
			sms: 1
		});
		const sms = await outbox('sms');
		expect(sms).toMatchObject([{ recipient: '+48600700800' }]);
		expect(sms[0].body_text.length).toBeLessThanOrEqual(preview.sms!.text.length);
	});

	it('the all-clear ends it and reaches the same people; only its unit or a moderator may send it', async () => {
		const { postId: id } = await alert(clerk, utilityId, 12);
		// Jan stops wanting these alerts after this one: the all-clear of an alert he got still reaches him.
		await setAlertPreferences(ctx, jan, group, { kinds: [], byPush: true });
		await expect(closeAlert(ctx, anna, id, 'Już jest woda')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(closeAlert(ctx, clerk, id, '')).rejects.toMatchObject({ code: 'validation' });
		const sent = await closeAlert(ctx, clerk, id, 'Woda znów zdatna do picia — wyniki badań sanepidu są dobre.');
		expect(sent).toEqual({ inApp: 2, email: 1, push: 1, sms: 1 });
		await expect(closeAlert(ctx, clerk, id, 'Drugi raz')).rejects.toMatchObject({ code: 'conflict' });
		const { post } = await getPost(ctx, null, id);
		expect(post).toMatchObject({
			urgent: false,
			alert: { allClearText: 'Woda znów zdatna do picia — wyniki badań sanepidu są dobre.' }
		});
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'urgent_all_clear',
			detail: expect.stringContaining('Odwołanie')
		});
		await setAlertPreferences(ctx, jan, group, { kinds: ['utilities'], byPush: true });
		const regular = await createPost(ctx, clerk, group, {
			body: 'Zwykły post',
			category: 'official',
			unitId: utilityId
		});
		await expect(closeAlert(ctx, clerk, regular.id, 'Nie ma czego odwoływać')).rejects.toMatchObject({
			code: 'conflict'
		});
	});
});

describe('an alert aimed at places', () => {
	let guzow: string, guzowVillage: string, miedniewice: string, miedniewiceVillage: string;
	let piotr: Actor;

	beforeAll(async () => {
		guzow = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Guzów' })).id;
		guzowVillage = (await addPlace(ctx, operator, group, { kind: 'locality', name: 'Guzów', areaId: guzow })).id;
		miedniewice = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Miedniewice' })).id;
		miedniewiceVillage = (
			await addPlace(ctx, operator, group, { kind: 'locality', name: 'Miedniewice', areaId: miedniewice })
		).id;
		await setMemberPlaces(ctx, anna, group, { places: [guzowVillage] });
		await setMemberPlaces(ctx, jan, group, { places: [miedniewiceVillage] });
		piotr = await member('piotr@t.pl', 'Piotr');
		await setAlertPreferences(ctx, piotr, group, { kinds: ['utilities'] });
	});

	const aimed = (places: string[]) => ({
		unitId: utilityId,
		kind: 'utilities',
		title: 'Brak wody w Guzowie',
		body: 'Do 16:00 nie będzie wody w Guzowie.',
		until: new Date(ctx.clock.now().getTime() + 6 * HOUR),
		channels: ['push', 'email'],
		places
	});

	it('reaches members of that sołectwo and those who named no place, not members of other places', async () => {
		const preview = await previewAlert(ctx, clerk, group, aimed([guzow]));
		expect(preview.places).toEqual(['sołectwo Guzów']);
		expect(preview.audience).toEqual({ inApp: 2, email: 1, push: 0, sms: 0 });
		const { postId } = await sendAlert(ctx, clerk, group, aimed([guzow]));
		const recipients = await ctx.db
			.selectFrom('alert_recipients')
			.select('user_id')
			.where('post_id', '=', postId)
			.orderBy('user_id')
			.execute();
		expect(recipients.map((r) => r.user_id).sort()).toEqual([anna.id, piotr.id].sort());
		expect((await listNotifications(ctx, jan)).filter((n) => n.post_id === postId)).toEqual([]);
		// Jan still sees it in the feed, marked with its place.
		expect((await listFeed(ctx, jan, group)).featured.map((p) => p.id)).toContain(postId);

		// Jan moves to Guzów after the alert went out: its update still reaches exactly the people who got it.
		await setMemberPlaces(ctx, jan, group, { places: [guzowVillage] });
		await expect(updateAlert(ctx, anna, postId, 'Woda będzie później')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateAlert(ctx, clerk, postId, ' ')).rejects.toMatchObject({ code: 'validation' });
		const updated = await updateAlert(ctx, clerk, postId, 'Beczkowóz stoi przy remizie do 18:00.');
		expect(updated).toMatchObject({ inApp: 2, email: 1 });
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'urgent_update',
			post_id: postId,
			detail: expect.stringContaining('Beczkowóz')
		});
		expect((await getPost(ctx, null, postId)).post.alert?.updates).toMatchObject([
			{ text: 'Beczkowóz stoi przy remizie do 18:00.' }
		]);

		const sent = await closeAlert(ctx, clerk, postId, 'Woda już jest.');
		expect(sent.inApp).toBe(2);
		expect((await listNotifications(ctx, jan)).filter((n) => n.post_id === postId)).toEqual([]);
		await expect(updateAlert(ctx, clerk, postId, 'Po odwołaniu')).rejects.toMatchObject({ code: 'conflict' });
		await setMemberPlaces(ctx, jan, group, { places: [miedniewiceVillage] });
	});

	it('aimed at a locality, reaches those who follow its sołectwo too', async () => {
		await setMemberPlaces(ctx, piotr, group, { places: [miedniewice] });
		const preview = await previewAlert(ctx, clerk, group, aimed([miedniewiceVillage]));
		expect(preview.places).toEqual(['Miedniewice']);
		// Jan follows the village, Piotr the sołectwo; Anna in Guzów does not get it.
		expect(preview.audience.inApp).toBe(2);
	});
});
