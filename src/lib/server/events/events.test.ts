import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, refusal, testCtx } from '../testing/fixtures';
import { createPost } from '../feed/create-post';
import { getPost, listFeed } from '../feed/feed-query';
import { erasePersonalData } from '../privacy/personal-data';
import { groupCalendar, groupEventFeed, remindTomorrowsEvents, respondToEvent } from './events';
import ICAL from 'ical.js';
import { calendarToIcs } from './ics';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let group: Group, hidden: Group;
let author: Actor, anna: Actor, jan: Actor, ewa: Actor, outsider: Actor, operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	// Thursday 26 November 2026, 11:00 in Warsaw.
	({ ctx, clock } = testCtx(database, '2026-11-26T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	for (const [slug, isPublic] of [
		['wiskitki', true],
		['zamknieta', false]
	] as const)
		await createGroup(ctx, operator, {
			slug,
			municipalityCode: '1438053',
			name: slug === 'wiskitki' ? 'Wiskitki' : 'Zamknięta',
			membershipQuestion: 'Czy mieszkasz w gminie?',
			isPublic
		});
	for (const slug of ['wiskitki', 'zamknieta'])
		await ctx.db
			.updateTable('groups')
			.set({ member_posts_need_approval: false, new_member_days: 0 })
			.where('slug', '=', slug)
			.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	hidden = await getGroup(ctx.db, 'zamknieta');
	author = await makeUser(ctx, 'autor@t.pl', { name: 'Koło Gospodyń' });
	anna = await makeUser(ctx, 'anna@t.pl');
	jan = await makeUser(ctx, 'jan@t.pl');
	ewa = await makeUser(ctx, 'ewa@t.pl');
	outsider = await makeUser(ctx, 'obcy@t.pl');
	for (const a of [author, anna, jan, ewa]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await requestMembership(ctx, author, hidden, 'Tak');
	await decideMembership(ctx, operator, hidden, author.id, true);
}, 180_000);
afterAll(async () => database?.close());

const event = (body: string, start: string, opts: { end?: string; place?: string; in?: Group } = {}) =>
	createPost(ctx, author, opts.in ?? group, {
		body,
		category: 'other',
		event: { start: new Date(start), end: opts.end ? new Date(opts.end) : null, place: opts.place ?? null }
	});

const refused = refusal;

describe('answering an event', () => {
	it('counts "Wezmę udział" and "Interesuje mnie", one answer a member, changeable and withdrawn', async () => {
		const post = await event('Kiermasz świąteczny\nStoiska Koła Gospodyń.', '2026-12-12T10:00:00Z', {
			place: 'Świetlica w Guzowie'
		});
		expect(await respondToEvent(ctx, anna, post.id, 'going')).toEqual({ response: 'going', going: 1, interested: 0 });
		expect(await respondToEvent(ctx, jan, post.id, 'interested')).toEqual({
			response: 'interested',
			going: 1,
			interested: 1
		});
		expect(await respondToEvent(ctx, jan, post.id, 'going')).toEqual({ response: 'going', going: 2, interested: 0 });
		expect(await respondToEvent(ctx, anna, post.id, null)).toEqual({ response: null, going: 1, interested: 0 });

		// The post as pages and the feed show it: the counts, and each reader's own answer.
		const seen = (await getPost(ctx, jan, post.id)).post.event!;
		expect(seen).toMatchObject({ going: 1, interested: 0, myResponse: 'going' });
		expect((await getPost(ctx, anna, post.id)).post.event!.myResponse).toBeNull();
		expect((await getPost(ctx, null, post.id)).post.event).toMatchObject({ going: 1, myResponse: null });
		const inFeed = (await listFeed(ctx, jan, group)).items.find((i) => i.id === post.id)!;
		expect(inFeed.event).toMatchObject({ going: 1, interested: 0, myResponse: 'going' });
	});

	it('refuses bad input, non-members, posts without an event and ended events, changing nothing', async () => {
		const post = await event('Spotkanie sołeckie', '2026-12-03T17:00:00Z');
		const plain = await createPost(ctx, author, group, { body: 'Zwykły post', category: 'other' });
		const past = await event('Wczorajszy koncert', '2026-11-25T17:00:00Z', { end: '2026-11-25T19:00:00Z' });
		const secret = await event('Zebranie', '2026-12-05T17:00:00Z', { in: hidden });
		expect((await refused(respondToEvent(ctx, anna, post.id, 'maybe'))).code).toBe('validation');
		expect((await refused(respondToEvent(ctx, null, post.id, 'going'))).code).toBe('unauthenticated');
		expect((await refused(respondToEvent(ctx, outsider, post.id, 'going'))).code).toBe('forbidden');
		expect((await refused(respondToEvent(ctx, anna, secret.id, 'going'))).code).toBe('forbidden');
		expect((await refused(respondToEvent(ctx, anna, plain.id, 'going'))).message).toBe(
			'Ten post nie zapowiada wydarzenia.'
		);
		expect((await refused(respondToEvent(ctx, anna, past.id, 'going'))).message).toBe('To wydarzenie już się odbyło.');
		const rows = await ctx.db
			.selectFrom('event_responses')
			.select('post_id')
			.where('post_id', 'in', [post.id, plain.id, past.id, secret.id])
			.execute();
		expect(rows).toEqual([]);
	});
});

describe('the group calendar', () => {
	it('shows a month by the events’ starts, a list of those to come, filtered by unit and place', async () => {
		const december = await groupCalendar(ctx, null, 'wiskitki', {
			month: '2026-12',
			list: false,
			unit: null,
			place: null
		});
		const titles = december.events.map((e) => e.title);
		expect(titles).toEqual(['Spotkanie sołeckie', 'Kiermasz świąteczny']);
		expect(december.events[1]).toMatchObject({ place: 'Świetlica w Guzowie', days: ['2026-12-12'], going: 1 });

		// A two-day event takes both days; one starting in the previous month shows from the 1st.
		await event('Turniej halowy', '2026-11-30T08:00:00Z', { end: '2026-12-01T15:00:00Z' });
		const again = await groupCalendar(ctx, null, 'wiskitki', {
			month: '2026-12',
			list: false,
			unit: null,
			place: null
		});
		expect(again.events.find((e) => e.title === 'Turniej halowy')!.days).toEqual(['2026-12-01']);
		const november = await groupCalendar(ctx, null, 'wiskitki', {
			month: '2026-11',
			list: false,
			unit: null,
			place: null
		});
		expect(november.events.map((e) => [e.title, e.days])).toEqual([
			['Wczorajszy koncert', ['2026-11-25']],
			['Turniej halowy', ['2026-11-30']]
		]);

		const upcoming = await groupCalendar(ctx, null, 'wiskitki', { month: null, list: true, unit: null, place: null });
		expect(upcoming.events.map((e) => e.title)).toEqual([
			'Turniej halowy',
			'Spotkanie sołeckie',
			'Kiermasz świąteczny'
		]);

		expect(
			(await refused(groupCalendar(ctx, null, 'wiskitki', { month: '2026-13', list: false, unit: null, place: null })))
				.code
		).toBe('validation');
		expect(
			(await refused(groupCalendar(ctx, null, 'wiskitki', { month: null, list: true, unit: 'nie-ma', place: null })))
				.code
		).toBe('not_found');
		expect(
			(await refused(groupCalendar(ctx, null, 'zamknieta', { month: null, list: true, unit: null, place: null }))).code
		).toBe('unauthenticated');
		expect(
			(await groupCalendar(ctx, author, 'zamknieta', { month: '2026-12', list: false, unit: null, place: null })).events
		).toHaveLength(1);
	});

	it('is an iCalendar feed for a public group only', async () => {
		const feed = await groupEventFeed(ctx, 'wiskitki');
		expect(feed.events.map((e) => e.body.split('\n')[0])).toContain('Kiermasz świąteczny');
		const ics = calendarToIcs(
			'Wydarzenia – Wiskitki',
			feed.events.map((post) => ({ post, url: `http://tablica.test/g/wiskitki/p/${post.id}` })),
			clock.now()
		);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(feed.events.length);
		expect(ics).toContain('X-WR-CALNAME:Wydarzenia – Wiskitki\r\n');
		expect(ics).toContain('SUMMARY:Kiermasz świąteczny\r\n');
		expect(ics).toContain('DTSTART:20261212T100000Z\r\n');
		// As a calendar app reads it (ical.js, Mozilla's RFC 5545 parser).
		const parsed = new ICAL.Component(ICAL.parse(ics));
		const fair = parsed
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v))
			.find((e) => e.summary === 'Kiermasz świąteczny')!;
		expect(fair.location).toBe('Świetlica w Guzowie');
		expect(fair.startDate.toJSDate().toISOString()).toBe('2026-12-12T10:00:00.000Z');
		expect(fair.endDate.toJSDate().toISOString()).toBe('2026-12-12T11:00:00.000Z');
		expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe('Wydarzenia – Wiskitki');
		expect((await refused(groupEventFeed(ctx, 'zamknieta'))).code).toBe('forbidden');
	});
});

describe('the reminder the day before', () => {
	it('tells those coming, once, between 9:00 and 21:00 the day before, and not the interested', async () => {
		const post = await event('Jasełka w szkole', '2026-11-28T16:00:00Z', { place: 'Szkoła w Wiskitkach' });
		await respondToEvent(ctx, anna, post.id, 'going');
		await respondToEvent(ctx, jan, post.id, 'interested');
		await ctx.db
			.insertInto('push_subscriptions')
			.values({
				user_id: anna.id,
				endpoint: 'https://fcm.googleapis.com/fcm/send/anna',
				p256dh: 'x',
				auth: 'y',
				created_at: clock.now(),
				last_used_at: null
			})
			.execute();
		const told = async (userId: string) =>
			ctx.db
				.selectFrom('notifications')
				.select(['kind', 'detail'])
				.where('user_id', '=', userId)
				.where('post_id', '=', post.id)
				.execute();

		// Thursday: two days before — nothing; Friday 8:00 — too early; Friday 9:00 — sent.
		expect(await remindTomorrowsEvents(ctx)).toBe(0);
		clock.set('2026-11-27T07:00:00Z');
		expect(await remindTomorrowsEvents(ctx)).toBe(0);
		clock.set('2026-11-27T08:00:00Z');
		expect(await remindTomorrowsEvents(ctx)).toBe(1);
		expect(await told(anna.id)).toEqual([
			{
				kind: 'event_reminder',
				detail: 'Jutro o 17:00, Szkoła w Wiskitkach: Jasełka w szkole. Zapisano Cię jako „Wezmę udział”.'
			}
		]);
		expect(await told(jan.id)).toEqual([]);
		const pushes = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'body_text'])
			.where('channel', '=', 'push')
			.where('body_text', 'like', '%Szkoła w Wiskitkach%')
			.execute();
		expect(pushes).toEqual([
			{
				recipient: `user:${anna.id}`,
				body_text: `Jutro o 17:00, Szkoła w Wiskitkach. http://tablica.test/g/wiskitki/p/${post.id}`
			}
		]);
		clock.set('2026-11-27T15:00:00Z');
		expect(await remindTomorrowsEvents(ctx)).toBe(0);
		expect(await told(anna.id)).toHaveLength(1);
		clock.set('2026-11-26T10:00:00Z');
	});

	it('leaves a late event of the day before until after 21:00 unreminded, and erases answers with the account', async () => {
		const post = await event('Nocne podchody', '2026-11-27T18:00:00Z');
		await respondToEvent(ctx, ewa, post.id, 'going');
		clock.set('2026-11-26T20:30:00Z'); // 21:30 in Warsaw
		expect(await remindTomorrowsEvents(ctx)).toBe(0);
		clock.set('2026-11-26T10:00:00Z');
		await ctx.db.transaction().execute((tx) => erasePersonalData(tx, ewa.id, clock.now()));
		expect(
			await ctx.db.selectFrom('event_responses').select('post_id').where('user_id', '=', ewa.id).execute()
		).toEqual([]);
		expect((await getPost(ctx, null, post.id)).post.event!.going).toBe(0);
	});
});
