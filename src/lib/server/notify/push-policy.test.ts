import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { makeUser, openTestDatabase, refusal, testCtx } from '../testing/fixtures';
import { deliverDue, type Transport } from './delivery';
import { DAILY_PUSH_CAP, isQuiet } from './push-policy';
import { pushQuietHours, setPushQuietHours } from './member-settings';
import { createGroup, getGroup } from '../groups/groups';
import { loadDemoMunicipalities } from '../testing/fixtures';
import { groupedNotifications, notify, whoDid } from './notifications';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let person: Actor;
let nightOwl: Actor;
const pushed: string[] = [];
// The push service's side is push.test.ts's; here only what delivery decides to send.
const recordPush: Transport = async (m) => {
	pushed.push(`${m.recipient}:${m.subject}`);
	return `push-${m.id}`;
};

const queuePush = async (userId: string, subject: string, alertPostId: string | null = null) =>
	(
		await ctx.db
			.insertInto('outbox')
			.values({
				channel: 'push',
				recipient: `user:${userId}`,
				subject,
				body_text: subject,
				alert_post_id: alertPostId,
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
const state = (id: string) =>
	ctx.db
		.selectFrom('outbox')
		.select(['status', 'next_attempt_at', 'attempts', 'last_error'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
const deliver = () => deliverDue(ctx.db, clock, { push: recordPush });

beforeAll(async () => {
	database = await openTestDatabase();
	// 23:30 in Warsaw (UTC+1 in December).
	({ ctx, clock } = testCtx(database, '2026-12-10T22:30:00Z'));
	person = await makeUser(ctx, 'osoba@t.pl', { name: 'Anna Nowak' });
	nightOwl = await makeUser(ctx, 'sowa@t.pl');
}, 120_000);
afterAll(async () => database?.close());

describe('quiet hours and the daily cap of pushes', () => {
	it('knows hours that run past midnight', () => {
		expect([21, 22, 23, 0, 6, 7].map((h) => isQuiet(h, 22, 7))).toEqual([false, true, true, true, true, false]);
		expect([12, 13, 14].map((h) => isQuiet(h, 13, 14))).toEqual([false, true, false]);
	});

	it('holds a push during quiet hours until 7:00 Warsaw time; an urgent alert goes at once', async () => {
		const { id: postId } = await ctx.db
			.insertInto('posts')
			.values({
				group_id: (await groupId()).toString(),
				author_id: person.id,
				category: 'safety',
				body: 'Awaria wodociągu',
				body_folded: 'awaria wodociagu',
				status: 'published',
				reaction_counts: '{}',
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const announcement = await queuePush(person.id, 'Ogłoszenie gminy');
		const alert = await queuePush(person.id, 'Awaria wodociągu', postId);
		const r = await deliver();
		expect(r).toMatchObject({ sent: 1, deferred: 1 });
		expect(pushed).toEqual([`user:${person.id}:Awaria wodociągu`]);
		expect(await state(alert)).toMatchObject({ status: 'sent' });
		expect(await state(announcement)).toMatchObject({
			status: 'pending',
			attempts: 0,
			next_attempt_at: new Date('2026-12-11T06:00:00Z')
		});
		// At 7:00 it goes.
		clock.set('2026-12-11T06:00:00Z');
		await deliver();
		expect(await state(announcement)).toMatchObject({ status: 'sent' });
	});

	it('sends a night owl’s push at night when they turned quiet hours off; refuses equal hours', async () => {
		clock.set('2026-12-11T23:00:00Z');
		expect(await pushQuietHours(ctx, nightOwl)).toEqual({ start: 22, end: 7 });
		expect((await refusal(setPushQuietHours(ctx, nightOwl, { quiet: true, start: 5, end: 5 }))).code).toBe(
			'validation'
		);
		expect((await refusal(setPushQuietHours(ctx, nightOwl, { quiet: true, start: 24, end: 5 }))).code).toBe(
			'validation'
		);
		expect(await pushQuietHours(ctx, nightOwl)).toEqual({ start: 22, end: 7 });
		await setPushQuietHours(ctx, nightOwl, { quiet: false });
		const id = await queuePush(nightOwl.id, 'Przypomnienie o wydarzeniu');
		await deliver();
		expect(await state(id)).toMatchObject({ status: 'sent' });
		await setPushQuietHours(ctx, nightOwl, { quiet: true, start: 1, end: 5 });
		expect(await pushQuietHours(ctx, nightOwl)).toEqual({ start: 1, end: 5 });
	});

	it(`skips pushes past ${DAILY_PUSH_CAP} a day; urgent alerts are not counted nor capped`, async () => {
		clock.set('2026-12-12T09:00:00Z');
		const ids = [];
		for (let i = 1; i <= DAILY_PUSH_CAP + 2; i++) ids.push(await queuePush(person.id, `Ogłoszenie ${i}`));
		const r = await deliver();
		expect(r).toMatchObject({ sent: DAILY_PUSH_CAP, skipped: 2 });
		expect(await state(ids.at(-1)!)).toMatchObject({ status: 'skipped', last_error: expect.stringContaining('limit') });
		// The next day counts anew.
		clock.set('2026-12-13T09:00:00Z');
		const tomorrow = await queuePush(person.id, 'Ogłoszenie jutro');
		await deliver();
		expect(await state(tomorrow)).toMatchObject({ status: 'sent' });
	});
});

describe('grouped notifications', () => {
	it('reads several people doing the same on one post as one line, with Polish plurals', async () => {
		expect(whoDid(['Anna']).who).toBe('Anna');
		expect(whoDid(['Anna', 'Jan']).who).toBe('Anna i Jan');
		expect(whoDid(['Anna', 'Jan', 'Ewa']).who).toBe('Anna i 2 inne osoby');
		expect(whoDid(['A', 'B', 'C', 'D', 'E', 'F']).who).toBe('A i 5 innych osób');
		const group = await groupId();
		const post = (await ctx.db.selectFrom('posts').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		for (const name of ['Jan', 'Ewa', 'Jan', 'Piotr', 'Zofia'])
			await notify(ctx.db, clock, {
				userId: nightOwl.id,
				kind: 'comment_on_post',
				groupId: group,
				postId: post,
				actorName: name
			});
		await notify(ctx.db, clock, {
			userId: nightOwl.id,
			kind: 'reaction_on_post',
			groupId: group,
			postId: post,
			actorName: 'Ola'
		});
		const entries = await groupedNotifications(ctx, nightOwl);
		expect(entries.map((e) => [e.text, e.count, e.unread])).toEqual([
			['Ola reaguje na Twój post w grupie „Wiskitki”.', 1, true],
			['Zofia i 3 inne osoby komentują Twój post w grupie „Wiskitki”.', 5, true]
		]);
	});
});

let group: string | undefined;
async function groupId(): Promise<string> {
	if (group) return group;
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = (await getGroup(ctx.db, 'wiskitki')).id;
	return group;
}
