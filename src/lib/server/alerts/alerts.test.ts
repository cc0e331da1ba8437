import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { getPost, listFeed } from '../feed/feed-query';
import { closeAlert } from '../feed/alert-posts';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { listNotifications } from '../notify/notifications';
import { normalizePhone } from '../text/phone';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff } from '../units/staff';
import { getAlertPreferences, setAlertPreferences } from './alerts';

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
			smsAvailable: false
		});
	});
});

describe('an urgent alert', () => {
	const alert = (as: Actor, unitId: string, hours = 6, kind = 'utilities') =>
		createPost(ctx, as, group, {
			body: 'Awaria wodociągu w Guzowie — woda niezdatna do picia do odwołania. Beczkowóz przy remizie.',
			category: 'official',
			unitId,
			urgent: { kind, until: new Date(ctx.clock.now().getTime() + hours * HOUR) }
		});

	it('is sent only by units the coordinator allows, for at most a week ahead', async () => {
		await expect(alert(teacher, schoolId)).rejects.toMatchObject({
			code: 'forbidden',
			fields: { urgent: expect.any(String) }
		});
		await expect(alert(clerk, utilityId, -1)).rejects.toMatchObject({
			code: 'validation',
			fields: { urgentUntil: expect.any(String) }
		});
		await expect(alert(clerk, utilityId, 8 * 24)).rejects.toMatchObject({
			code: 'validation',
			fields: { urgentUntil: expect.stringContaining('7 dni') }
		});
		expect(await ctx.db.selectFrom('posts').select('id').execute()).toEqual([]);
	});

	it('goes on top and reaches exactly the members who asked for that kind, by their channels', async () => {
		const created = await alert(clerk, utilityId);
		expect(created.status).toBe('published');
		const feed = await listFeed(ctx, null, group);
		expect(feed.featured.map((p) => p.id)).toEqual([created.id]);
		expect(feed.featured[0]).toMatchObject({
			urgent: true,
			alert: { kind: 'utilities', sent: { inApp: 2, email: 1, push: 1, sms: 0 } }
		});
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'urgent_alert',
			post_id: created.id,
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
	});

	it('goes by SMS too where the municipality sends them', async () => {
		await ctx.db.updateTable('customers').set({ sms_enabled: true }).execute();
		const created = await alert(clerk, utilityId);
		expect((await getPost(ctx, clerk, created.id)).post.alert?.sent).toEqual({ inApp: 2, email: 1, push: 1, sms: 1 });
		const sms = await outbox('sms');
		expect(sms).toMatchObject([{ recipient: '+48600700800' }]);
		expect(sms[0].body_text.length).toBeLessThanOrEqual(200);
	});

	it('the all-clear ends it and reaches the same people; only its unit or a moderator may send it', async () => {
		const { id } = await alert(clerk, utilityId, 12);
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
