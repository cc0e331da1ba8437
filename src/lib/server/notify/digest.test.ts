import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { fixedClock } from '../core/clock';
import { createPost } from '../feed/create-post';
import { recordViews } from '../feed/engagement';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase } from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff } from '../units/staff';
import {
	DIGEST_BATCH,
	digestContent,
	digestTitle,
	digestWeek,
	queueWeeklyDigest,
	sendDueWeeklyDigests,
	warsawWeekdayHour,
	weekLabel
} from './digest';
import { weeklyDigestEmail } from './messages';
import { getMemberNotificationSettings, setMemberNotificationSettings } from './member-settings';
import { readUnsubscribeToken, unsubscribeFromDigest, unsubscribeView } from './unsubscribe';

/** Friday 4 December 2026, 16:00 in Warsaw: the default time of the digest. */
const SEND_AT = '2026-12-04T15:00:00Z';
let database: Database;
let ctx: Ctx;
const clock = fixedClock('2026-11-20T09:00:00Z');
let operator: Actor, clerk: Actor, teacher: Actor, anna: Actor;
let group: Group;
let utilityId: string, schoolId: string;
const ids: Record<string, string> = {};

async function post(key: string, at: string, who: Actor, input: Record<string, unknown>) {
	clock.set(at);
	const created = await createPost(ctx, who, group, { category: 'official', ...input });
	expect(created.status).toBe('published');
	ids[key] = created.id;
}

async function views(key: string, at: string, viewers: number, from = 0) {
	clock.set(at);
	for (let i = 0; i < viewers; i++) await recordViews(ctx, [ids[key]], `viewer-${from + i}`);
}

beforeAll(async () => {
	database = await openTestDatabase();
	ctx = { db: database.db, clock, notifier: database.notifier, baseUrl: 'http://tablica.test' };
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Mieszkańcy gminy Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await ctx.db.updateTable('groups').set({ member_posts_need_approval: false }).execute();
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	utilityId = await addUnit(ctx, operator, '1438053', { name: 'Zakład Gospodarki Komunalnej', type: 'utility' });
	schoolId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa w Wiskitkach', type: 'primarySchool' });
	clerk = await makeUser(ctx, 'zgk@t.pl', { name: 'ZGK' });
	teacher = await makeUser(ctx, 'sp@t.pl', { name: 'SP' });
	for (const [unitId, who] of [
		[utilityId, clerk],
		[schoolId, teacher]
	] as const) {
		const { token } = await inviteStaff(ctx, operator, unitId, { email: who.email, role: 'editor' });
		await acceptInvitation(ctx, who, token);
	}
	anna = await makeUser(ctx, 'anna@t.pl', { name: 'Anna Nowak' });
	await requestMembership(ctx, anna, group, 'Tak');
	await decideMembership(ctx, operator, group, anna.id, true);

	await post('old', '2026-11-20T09:00:00Z', clerk, {
		body: 'Harmonogram odbioru odpadów na grudzień',
		unitId: utilityId
	});
	await post('meeting', '2026-11-30T08:00:00Z', teacher, {
		body: 'Zebranie z rodzicami\nW czwartek o 17:00 w sali gimnastycznej.',
		category: 'education',
		unitId: schoolId
	});
	await post('water', '2026-12-01T08:00:00Z', clerk, { body: 'Przerwa w dostawie wody w Guzowie', unitId: utilityId });
	await post('anna', '2026-12-02T08:00:00Z', anna, {
		body: 'Znaleziono klucze przy przystanku',
		category: 'lostFound'
	});
	await post('concert', '2026-12-03T08:00:00Z', teacher, {
		body: 'Koncert kolęd uczniów',
		category: 'culture',
		unitId: schoolId,
		event: { start: new Date('2026-12-10T17:00:00Z'), place: 'Szkoła Podstawowa w Wiskitkach' }
	});
	await post('hours', '2026-12-03T09:00:00Z', clerk, { body: 'Nowe godziny otwarcia kasy', unitId: utilityId });
	await post('pastEvent', '2026-12-03T10:00:00Z', teacher, {
		body: 'Zdjęcia z Andrzejek',
		category: 'culture',
		unitId: schoolId,
		event: { start: new Date('2026-12-03T11:00:00Z') }
	});
	await post('farEvent', '2026-12-03T11:00:00Z', teacher, {
		body: 'Ferie zimowe w szkole',
		category: 'education',
		unitId: schoolId,
		event: { start: new Date('2027-01-25T08:00:00Z') }
	});
	// Views before the week do not count for it; in it, one per viewer and day.
	await views('old', '2026-11-25T12:00:00Z', 9);
	await views('old', '2026-11-28T12:00:00Z', 3);
	await views('old', '2026-11-29T12:00:00Z', 2);
	await views('meeting', '2026-11-30T12:00:00Z', 4);
	await views('water', '2026-12-01T12:00:00Z', 1);
	await views('anna', '2026-12-02T12:00:00Z', 2);
	// A post published after the digest's moment is not in it.
	await post('later', '2026-12-04T16:00:00Z', clerk, { body: 'Wpis po wysyłce', unitId: utilityId });
	clock.set(SEND_AT);
});
afterAll(async () => database?.close());

describe('the week of a digest', () => {
	it('is the seven Warsaw days ending on the day it is sent', () => {
		expect(digestWeek(new Date(SEND_AT))).toEqual({ start: '2026-11-28', end: '2026-12-04' });
		// 00:30 in Warsaw on Saturday is still Friday in UTC.
		expect(digestWeek(new Date('2026-12-04T23:30:00Z'))).toEqual({ start: '2026-11-29', end: '2026-12-05' });
		expect(weekLabel({ start: '2026-11-28', end: '2026-12-04' })).toBe('28.11–04.12.2026');
		expect(weekLabel({ start: '2026-12-26', end: '2027-01-01' })).toBe('26.12.2026–01.01.2027');
	});

	it('names a post by its first line, shortened', () => {
		expect(digestTitle({ body: '\n  Zebranie  z rodzicami \nreszta', alert_title: null })).toBe('Zebranie z rodzicami');
		expect(digestTitle({ body: 'treść', alert_title: 'Awaria wodociągu' })).toBe('Awaria wodociągu');
		expect(digestTitle({ body: 'x'.repeat(150), alert_title: null })).toHaveLength(100);
	});
});

describe('the digest content', () => {
	const titles = (items: { title: string }[]) => items.map((i) => i.title);

	it('lists the most read of the week, upcoming events and the units’ posts, each post once', async () => {
		const c = await digestContent(ctx, group);
		expect(c).toMatchObject({
			municipality: 'Wiskitki',
			groupName: 'Mieszkańcy gminy Wiskitki',
			week: '28.11–04.12.2026',
			promoted: [],
			empty: false,
			settingsUrl: 'http://tablica.test/g/wiskitki/komunikaty'
		});
		expect(c.mostRead).toEqual([
			{
				title: 'Harmonogram odbioru odpadów na grudzień',
				from: 'Zakład Gospodarki Komunalnej',
				url: `http://tablica.test/g/wiskitki/p/${ids.old}`,
				views: 5
			},
			expect.objectContaining({ title: 'Zebranie z rodzicami', views: 4, from: 'Szkoła Podstawowa w Wiskitkach' }),
			expect.objectContaining({ title: 'Znaleziono klucze przy przystanku', views: 2, from: 'Anna Nowak' }),
			expect.objectContaining({ title: 'Przerwa w dostawie wody w Guzowie', views: 1 })
		]);
		expect(c.upcomingEvents).toEqual([
			{
				title: 'Koncert kolęd uczniów',
				from: 'Szkoła Podstawowa w Wiskitkach',
				url: `http://tablica.test/g/wiskitki/p/${ids.concert}`,
				when: '10 grudnia 2026, 18:00',
				place: 'Szkoła Podstawowa w Wiskitkach'
			}
		]);
		// Newest first; those already listed (most read, events) and the one after the moment are left out.
		expect(titles(c.unitPosts)).toEqual(['Ferie zimowe w szkole', 'Zdjęcia z Andrzejek', 'Nowe godziny otwarcia kasy']);
	});

	it('puts the promoted posts first and lists them nowhere else', async () => {
		const c = await digestContent(ctx, group, { promotedPostIds: [ids.water, ids.concert] });
		expect(titles(c.promoted)).toEqual(['Przerwa w dostawie wody w Guzowie', 'Koncert kolęd uczniów']);
		expect(titles(c.mostRead)).toEqual([
			'Harmonogram odbioru odpadów na grudzień',
			'Zebranie z rodzicami',
			'Znaleziono klucze przy przystanku'
		]);
		expect(c.upcomingEvents).toEqual([]);
	});

	it('an empty week is empty', async () => {
		clock.set('2027-03-05T15:00:00Z');
		try {
			const c = await digestContent(ctx, group);
			expect(c).toMatchObject({ empty: true, mostRead: [], upcomingEvents: [], unitPosts: [] });
		} finally {
			clock.set(SEND_AT);
		}
	});

	it('becomes an e-mail whose both parts keep the blocks in order', async () => {
		const c = await digestContent(ctx, group, { promotedPostIds: [ids.water] });
		const mail = weeklyDigestEmail({ ...c, unsubscribeUrl: 'http://tablica.test/wypisz/T' });
		expect(mail.subject).toBe('Tydzień w gminie Wiskitki');
		const order = (body: string) =>
			[
				'Wyróżnione przez gminę',
				'Przerwa w dostawie wody w Guzowie',
				'Najczęściej czytane w tym tygodniu',
				'Harmonogram odbioru odpadów',
				'Nadchodzące wydarzenia',
				'Koncert kolęd uczniów',
				'Wpisy jednostek gminy',
				'Ferie zimowe w szkole',
				'http://tablica.test/g/wiskitki/komunikaty',
				'http://tablica.test/wypisz/T'
			].map((s) => body.toLowerCase().indexOf(s.toLowerCase()));
		for (const body of [mail.text, mail.html]) {
			const at = order(body);
			expect(at.every((i) => i >= 0)).toBe(true);
			expect([...at].sort((a, b) => a - b)).toEqual(at);
		}
		expect(mail.html).toContain(`<a href="http://tablica.test/g/wiskitki/p/${ids.water}">`);
	});
});

describe('queueing the digest', () => {
	let jan: Actor, ewa: Actor, unverified: Actor, other: Group;

	beforeAll(async () => {
		const join = async (g: Group, who: Actor) => {
			await requestMembership(ctx, who, g, 'Tak');
			await decideMembership(ctx, operator, g, who.id, true);
		};
		jan = await makeUser(ctx, 'jan@t.pl');
		ewa = await makeUser(ctx, 'ewa@t.pl');
		unverified = await makeUser(ctx, 'nowy@t.pl');
		for (const who of [jan, ewa, unverified]) await join(group, who);
		// A changed address not yet confirmed gets no digest.
		await ctx.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified.id).execute();
		await setMemberNotificationSettings(ctx, jan, group, { weeklyDigest: false });
		await createGroup(ctx, operator, {
			slug: 'radziejowice',
			municipalityCode: '1438042',
			name: 'Radziejowice',
			membershipQuestion: 'Czy mieszkasz w gminie?'
		});
		other = await getGroup(ctx.db, 'radziejowice');
		await join(other, ewa);
	});

	const digestRows = () =>
		ctx.db
			.selectFrom('outbox')
			.selectAll()
			.where('subject', '=', 'Tydzień w gminie Wiskitki')
			.orderBy('recipient')
			.execute();

	it('goes once a week to members with a verified e-mail who have not turned it off', async () => {
		expect(DIGEST_BATCH).toBeGreaterThan(1);
		// Batches of one: the members are read page by page (by id), none twice, none left out.
		expect(await queueWeeklyDigest(ctx, group, { mailbox: 'wypisz@tablica.test', batchSize: 1 })).toEqual({
			queued: true,
			recipients: 2
		});
		const rows = await digestRows();
		expect(rows.map((r) => r.recipient)).toEqual(['anna@t.pl', 'ewa@t.pl']);
		const anna = rows[0];
		const token = anna.unsubscribe_url!.split('/wypisz/')[1];
		expect(anna).toMatchObject({
			channel: 'email',
			status: 'pending',
			unsubscribe_url: `http://tablica.test/wypisz/${token}`,
			headers: {
				'List-Unsubscribe': `<http://tablica.test/wypisz/${token}>, <mailto:wypisz@tablica.test?subject=Wypisz%20${token}>`,
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
			}
		});
		expect(anna.body_text).toContain('NAJCZĘŚCIEJ CZYTANE W TYM TYGODNIU');
		expect(anna.body_text).toContain(`http://tablica.test/wypisz/${token}`);
		expect(anna.body_text).toContain('http://tablica.test/g/wiskitki/komunikaty');
		expect(anna.body_html).toContain('<h2 style="font-size: 1.1rem">Najczęściej czytane w tym tygodniu</h2>');
		// Each member's own link.
		expect(rows[1].unsubscribe_url).not.toBe(anna.unsubscribe_url);
		// The same week again (a second instance, a retried job) queues nothing.
		expect(await queueWeeklyDigest(ctx, group)).toEqual({ queued: false, recipients: 0 });
		expect(await digestRows()).toHaveLength(2);
		expect(
			await ctx.db
				.selectFrom('digest_runs')
				.select(['week_start', 'recipients'])
				.where('group_id', '=', group.id)
				.execute()
		).toEqual([{ week_start: expect.anything(), recipients: 2 }]);
	});

	it('an empty week sends nothing', async () => {
		expect(await queueWeeklyDigest(ctx, other)).toEqual({ queued: true, recipients: 0 });
	});

	it('the unsubscribe link turns off only that member’s digest in that group, without signing in', async () => {
		const [annaRow, ewaRow] = await digestRows();
		const ewaToken = ewaRow.unsubscribe_url!.split('/wypisz/')[1];
		const annaToken = annaRow.unsubscribe_url!.split('/wypisz/')[1];
		expect(await unsubscribeView(ctx, ewaToken)).toEqual({
			groupName: 'Mieszkańcy gminy Wiskitki',
			groupSlug: 'wiskitki',
			subscribed: true
		});
		// Looking at the page changes nothing.
		expect(await getMemberNotificationSettings(ctx, ewa, group)).toMatchObject({ weeklyDigest: true });
		expect(await unsubscribeFromDigest(ctx, ewaToken)).toMatchObject({ subscribed: false });
		expect(await getMemberNotificationSettings(ctx, ewa, group)).toEqual({
			announcements: true,
			weeklyDigest: false,
			hasEmail: true
		});
		expect(await getMemberNotificationSettings(ctx, ewa, other)).toMatchObject({ weeklyDigest: true });
		expect(await getMemberNotificationSettings(ctx, anna, group)).toMatchObject({ weeklyDigest: true });
		// Twice is fine.
		expect(await unsubscribeFromDigest(ctx, ewaToken)).toMatchObject({ subscribed: false });
		expect(await readUnsubscribeToken(ctx.db, annaToken)).toEqual({ userId: anna.id, groupId: group.id });
	});

	it('a changed token is refused', async () => {
		const [annaRow] = await digestRows();
		const token = annaRow.unsubscribe_url!.split('/wypisz/')[1];
		const [, , signature] = token.split('.');
		const tampered = [
			`${ewa.id}.${group.id}.${signature}`,
			`${anna.id}.${other.id}.${signature}`,
			`${anna.id}.${group.id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
			`${anna.id}.${group.id}`,
			`${anna.id}.${group.id}.${signature}x`,
			'',
			'../../etc'
		];
		for (const t of tampered) {
			await expect(unsubscribeFromDigest(ctx, t), t).rejects.toMatchObject({ code: 'not_found' });
			await expect(unsubscribeView(ctx, t), t).rejects.toMatchObject({ code: 'not_found' });
		}
		expect(await getMemberNotificationSettings(ctx, anna, group)).toMatchObject({ weeklyDigest: true });
		expect(await getMemberNotificationSettings(ctx, anna, other).catch((e) => e.code)).toBe('forbidden');
	});
});

describe('the schedule', () => {
	it('reads the Warsaw weekday and hour (0 is Sunday)', () => {
		expect(warsawWeekdayHour(new Date(SEND_AT))).toEqual({ weekday: 5, hour: 16 });
		expect(warsawWeekdayHour(new Date('2026-12-05T23:30:00Z'))).toEqual({ weekday: 0, hour: 0 });
		// Summer time: 14:00 UTC is 16:00 in Warsaw.
		expect(warsawWeekdayHour(new Date('2027-07-02T14:00:00Z'))).toEqual({ weekday: 5, hour: 16 });
	});

	it('queues each group on its day once its hour has come, once a week', async () => {
		await post('nextWeek', '2026-12-08T09:00:00Z', clerk, { body: 'Zbiórka elektrośmieci', unitId: utilityId });
		const other = await getGroup(ctx.db, 'radziejowice');
		await ctx.db.updateTable('groups').set({ digest_hour: 18 }).where('id', '=', other.id).execute();
		// Friday 15:30 in Warsaw: not yet.
		clock.set('2026-12-11T14:30:00Z');
		expect(await sendDueWeeklyDigests(ctx)).toEqual({ groups: 0, emails: 0 });
		// 16:00: Wiskitki (Anna only: Jan turned it off, Ewa unsubscribed); Radziejowice waits for 18:00.
		clock.set('2026-12-11T15:00:00Z');
		expect(await sendDueWeeklyDigests(ctx)).toEqual({ groups: 1, emails: 1 });
		const latest = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'body_text'])
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(latest.recipient).toBe('anna@t.pl');
		expect(latest.body_text).toContain('Zbiórka elektrośmieci');
		// The next hour (a second instance, a retried job) queues nothing again.
		clock.set('2026-12-11T16:00:00Z');
		expect(await sendDueWeeklyDigests(ctx)).toEqual({ groups: 0, emails: 0 });
		clock.set('2026-12-11T17:00:00Z');
		expect(await sendDueWeeklyDigests(ctx)).toEqual({ groups: 1, emails: 0 });
		// Another day is no group's day.
		clock.set('2026-12-12T17:00:00Z');
		expect(await sendDueWeeklyDigests(ctx)).toEqual({ groups: 0, emails: 0 });
		expect(
			await ctx.db.selectFrom('digest_runs').select(['group_id', 'week_start']).orderBy('week_start').execute()
		).toHaveLength(4);
		clock.set(SEND_AT);
	});
});
