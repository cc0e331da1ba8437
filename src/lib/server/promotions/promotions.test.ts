import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group, PackageCode } from '../db/schema';
import { listFeed } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { setPinned } from '../feed/pinning';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { describeNotification, listNotifications } from '../notify/notifications';
import { setMemberNotificationSettings } from '../notify/member-settings';
import { digestContent, queueWeeklyDigest } from '../notify/digest';
import { setAlertPreferences } from '../alerts/alerts';
import { sendAlert } from '../alerts/send';
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
import {
	cancelPromotion,
	markPromotionSeen,
	promotePost,
	promotionForm,
	promotionPanel,
	promotionQuota
} from './promotions';

const DAY = 86_400_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, teacher: Actor, clerk: Actor, coordinator: Actor, anna: Actor, jan: Actor, ewa: Actor;
let outsider: Actor;
let group: Group;
let schoolId: string, officeId: string, subscriptionId: string;

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

/** The group's package from a day on (a subscription_packages row, as signing a contract writes it). */
const packageFrom = (pkg: PackageCode, day: string) =>
	ctx.db
		.insertInto('subscription_packages')
		.values({ subscription_id: subscriptionId, package: pkg, valid_from: day })
		.onConflict((oc) => oc.columns(['subscription_id', 'valid_from']).doUpdateSet({ package: pkg }))
		.execute();

const schoolPost = async (body: string, as = teacher) =>
	(await createPost(ctx, as, group, { body, category: 'education', unitId: schoolId })).id;

const counts = async () => ({
	promotions: Number(
		(
			await ctx.db
				.selectFrom('promotions')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	),
	notifications: Number(
		(
			await ctx.db
				.selectFrom('notifications')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('kind', '=', 'promoted_post')
				.executeTakeFirstOrThrow()
		).n
	),
	outbox: Number(
		(
			await ctx.db
				.selectFrom('outbox')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('promotion_id', 'is not', null)
				.executeTakeFirstOrThrow()
		).n
	)
});

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2027-01-04T09:00:00Z'));
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
	subscriptionId = (
		await ctx.db.selectFrom('subscriptions').select('id').where('group_id', '=', group.id).executeTakeFirstOrThrow()
	).id;
	schoolId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa w Wiskitkach', type: 'primarySchool' });
	officeId = await addUnit(ctx, operator, '1438053', { name: 'Urząd Gminy Wiskitki', type: 'office' });
	teacher = await makeUser(ctx, 'sp@t.pl', { name: 'SP' });
	clerk = await makeUser(ctx, 'ug@t.pl', { name: 'UG' });
	await staff(schoolId, teacher);
	await staff(officeId, clerk);
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
	anna = await member('anna@t.pl', 'Anna');
	jan = await member('jan@t.pl', 'Jan');
	ewa = await member('ewa@t.pl', 'Ewa');
	outsider = await makeUser(ctx, 'obcy@t.pl');
	// Jan turned "ogłoszenia gminy" off; Ewa allowed pushes on a device.
	await setMemberNotificationSettings(ctx, jan, group, { announcements: false });
	await ctx.db
		.insertInto('push_subscriptions')
		.values({
			user_id: ewa.id,
			endpoint: 'https://fcm.googleapis.com/fcm/send/ewa',
			p256dh: 'p256dh',
			auth: 'auth',
			user_agent: 'test',
			created_at: clock.now()
		})
		.execute();
});
afterAll(async () => database?.close());

describe('promoting a post', () => {
	it('is for Pakiet 2 and 3: on Pakiet 1 it is refused and nothing is written', async () => {
		const postId = await schoolPost('Dzień otwarty szkoły w sobotę');
		await expect(promotePost(ctx, teacher, postId, { days: 3 })).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('Pakiecie nr 2')
		});
		expect(await counts()).toEqual({ promotions: 0, notifications: 0, outbox: 0 });
		expect((await promotionQuota(ctx, group.id)).limit).toBe(0);
		expect((await promotionPanel(ctx, teacher, postId))?.unavailable).toMatch(/Pakiecie nr 2 i nr 3/);
	});

	it('is gated by the package in force at the moment of use (a change from the next period)', async () => {
		const postId = await schoolPost('Zapisy do pierwszej klasy');
		await packageFrom('pakiet2', '2027-01-05');
		await expect(promotePost(ctx, teacher, postId, { days: 1 })).rejects.toMatchObject({ code: 'forbidden' });
		clock.set('2027-01-05T00:30:00+01:00');
		const r = await promotePost(ctx, teacher, postId, { days: 1 });
		expect(r.notified).toBe(2);
		await cancelPromotion(ctx, teacher, r.promotionId);
	});

	it('tells every member with "ogłoszenia gminy" on in the app and by push, in one go', async () => {
		clock.set('2027-01-06T09:00:00Z');
		const postId = await schoolPost('Festyn rodzinny w niedzielę o 14:00\nZapraszamy całe rodziny.');
		const before = await counts();
		const r = await promotePost(ctx, teacher, postId, { days: 3 });
		expect(r).toMatchObject({ notified: 2, pushed: 1, texted: 0 });
		expect(new Date(r.endsAt).getTime() - clock.now().getTime()).toBe(3 * DAY);
		const annaSees = await listNotifications(ctx, anna);
		expect(annaSees[0]).toMatchObject({ kind: 'promoted_post', post_id: postId, group_slug: 'wiskitki' });
		expect(describeNotification(annaSees[0])).toBe(
			'Szkoła Podstawowa w Wiskitkach wyróżnia w grupie „Wiskitki”: Festyn rodzinny w niedzielę o 14:00'
		);
		expect((await listNotifications(ctx, jan)).some((n) => n.kind === 'promoted_post')).toBe(false);
		const pushes = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'subject', 'body_text'])
			.where('promotion_id', '=', r.promotionId)
			.execute();
		expect(pushes).toEqual([
			{
				recipient: `user:${ewa.id}`,
				subject: 'Szkoła Podstawowa w Wiskitkach: ważne w grupie „Wiskitki”',
				body_text: `Festyn rodzinny w niedzielę o 14:00 http://tablica.test/g/wiskitki/p/${postId}`
			}
		]);
		const stored = await ctx.db
			.selectFrom('promotions')
			.selectAll()
			.where('id', '=', r.promotionId)
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({ notified: 2, pushed: 1, sponsor_name: 'Szkoła Podstawowa w Wiskitkach' });
		expect((await counts()).notifications - before.notifications).toBe(2);
	});

	it('shows on top below urgent alerts, above pinned posts, until the reader scrolls past or dismisses it', async () => {
		const pinned = (
			await createPost(ctx, clerk, group, { body: 'Godziny pracy urzędu', category: 'official', unitId: officeId })
		).id;
		await setPinned(ctx, operator, pinned, true);
		const alert = await sendAlert(ctx, clerk, group, {
			unitId: officeId,
			kind: 'utilities',
			title: 'Brak wody',
			body: 'Awaria wodociągu na ul. Polnej.',
			until: new Date(clock.now().getTime() + 6 * 3_600_000),
			channels: []
		}).catch(() => null);
		clock.advance(60_000);
		await schoolPost('Nowszy zwykły post szkoły');
		const feed = await listFeed(ctx, anna, group);
		const top = feed.featured.map((p) => p.body.split('\n')[0]);
		const promotedAt = top.indexOf('Festyn rodzinny w niedzielę o 14:00');
		expect(promotedAt).toBeGreaterThanOrEqual(0);
		expect(top.indexOf('Godziny pracy urzędu')).toBeGreaterThan(promotedAt);
		if (alert) expect(top[0]).toMatch(/^Brak wody/);
		const promoted = feed.featured[promotedAt];
		expect(promoted.promotion).toMatchObject({ sponsor: 'Szkoła Podstawowa w Wiskitkach' });
		expect(feed.items.some((p) => p.id === promoted.id)).toBe(false);

		// Scrolled past: it leaves the top and stays in the feed in its place, still labelled.
		await markPromotionSeen(ctx, anna, promoted.promotion!.id, false);
		const after = await listFeed(ctx, anna, group);
		expect(after.featured.some((p) => p.id === promoted.id)).toBe(false);
		expect(after.items.find((p) => p.id === promoted.id)?.promotion).not.toBeNull();
		// Others still see it on top; a reader without an account too.
		expect((await listFeed(ctx, ewa, group)).featured.some((p) => p.id === promoted.id)).toBe(true);
		expect((await listFeed(ctx, null, group)).featured.some((p) => p.id === promoted.id)).toBe(true);
		// Dismissing is kept even if a later "seen" arrives.
		await markPromotionSeen(ctx, ewa, promoted.promotion!.id, true);
		await markPromotionSeen(ctx, ewa, promoted.promotion!.id, false);
		const seen = await ctx.db
			.selectFrom('promotion_seen')
			.select('dismissed')
			.where('user_id', '=', ewa.id)
			.executeTakeFirstOrThrow();
		expect(seen.dismissed).toBe(true);
		await expect(markPromotionSeen(ctx, null, promoted.promotion!.id, true)).rejects.toMatchObject({
			code: 'unauthenticated'
		});
	});

	it("leads the weekly digest, whose e-mails count in the promotion's reach", async () => {
		const content = await digestContent(ctx, group);
		expect(content.promoted.map((p) => p.title)).toEqual(['Festyn rodzinny w niedzielę o 14:00']);
		expect(content.promoted[0].from).toBe('Szkoła Podstawowa w Wiskitkach');
		const queued = await queueWeeklyDigest(ctx, group);
		expect(queued.recipients).toBeGreaterThan(0);
		const festyn = await ctx.db
			.selectFrom('promotions')
			.innerJoin('posts', 'posts.id', 'promotions.post_id')
			.select('promotions.emailed')
			.where('posts.body', 'like', 'Festyn%')
			.executeTakeFirstOrThrow();
		expect(festyn.emailed).toBe(queued.recipients);
	});

	it('ends by itself after its days, and the post stays in the feed unlabelled', async () => {
		const now = clock.now();
		clock.set(new Date(now.getTime() + 3 * DAY + 1));
		const feed = await listFeed(ctx, ewa, group);
		const festyn = feed.items.find((p) => p.body.startsWith('Festyn'));
		expect(festyn?.promotion).toBeNull();
		expect(feed.featured.some((p) => p.body.startsWith('Festyn'))).toBe(false);
		clock.set(now);
	});

	it('refuses bad input, other people and a second promotion, changing nothing', async () => {
		const postId = await schoolPost('Konkurs recytatorski');
		const before = await counts();
		for (const days of [0, 8, 'trzy', 2.5, undefined])
			await expect(promotePost(ctx, teacher, postId, { days })).rejects.toMatchObject({ code: 'validation' });
		const residentPost = (await createPost(ctx, anna, group, { body: 'Zgubiłam klucze', category: 'lostFound' })).id;
		await expect(promotePost(ctx, anna, residentPost, { days: 2 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(promotePost(ctx, clerk, postId, { days: 2 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(promotePost(ctx, anna, postId, { days: 2 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(promotePost(ctx, outsider, postId, { days: 2 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(promotePost(ctx, null, postId, { days: 2 })).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(promotePost(ctx, teacher, '999999', { days: 2 })).rejects.toMatchObject({ code: 'not_found' });
		await expect(promotePost(ctx, teacher, postId, { days: 2, sms: true })).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect(await counts()).toEqual(before);
		// The coordinator may promote a unit's post; the same post not twice at once.
		await promotePost(ctx, coordinator, postId, { days: 2 });
		await expect(promotePost(ctx, teacher, postId, { days: 1 })).rejects.toMatchObject({
			code: 'conflict',
			message: 'Ten post jest już wyróżniony.'
		});
	});

	it('counts against the monthly quota from the price list, and a new month starts afresh', async () => {
		await ctx.db
			.insertInto('prices')
			.values({
				package: 'pakiet2',
				plan: 'monthly',
				gross: 550_000,
				vat_rate: 23,
				valid_from: '2027-01-02',
				promotions_per_month: 4,
				created_at: clock.now()
			})
			.execute();
		const quota = await promotionQuota(ctx, group.id);
		expect(quota).toEqual({ month: '2027-01', limit: 4, used: 3, left: 1 });
		await promotePost(ctx, teacher, await schoolPost('Czwarty w miesiącu'), { days: 1 });
		const sixth = await schoolPost('Piąty w miesiącu');
		const before = await counts();
		await expect(promotePost(ctx, teacher, sixth, { days: 1 })).rejects.toMatchObject({
			code: 'conflict',
			message: 'W tym miesiącu wykorzystano już wszystkie wyróżnienia pakietu (4 z 4).'
		});
		expect(await counts()).toEqual(before);
		const form = await promotionForm(ctx, teacher, sixth);
		expect(form).toMatchObject({
			unavailable: null,
			quota: { left: 0 },
			audience: { inApp: 2, push: 1, sms: 0 },
			sms: null,
			maxDays: 7
		});
		expect(await promotionPanel(ctx, anna, sixth)).toBeNull();
		expect(await promotionPanel(ctx, null, sixth)).toBeNull();
		expect(await promotionPanel(ctx, clerk, sixth)).toBeNull();
		clock.set('2027-02-01T08:00:00+01:00');
		expect(await promotionQuota(ctx, group.id)).toMatchObject({ month: '2027-02', used: 0, left: 4 });
		await promotePost(ctx, teacher, sixth, { days: 1 });
	});

	it('a cancelled promotion leaves the top at once; only its unit or the coordinator may cancel', async () => {
		const postId = await schoolPost('Wycieczka klas trzecich');
		const r = await promotePost(ctx, teacher, postId, { days: 2 });
		await expect(cancelPromotion(ctx, anna, r.promotionId)).rejects.toMatchObject({ code: 'forbidden' });
		await cancelPromotion(ctx, coordinator, r.promotionId);
		expect((await listFeed(ctx, anna, group)).featured.some((p) => p.id === postId)).toBe(false);
		await expect(cancelPromotion(ctx, teacher, r.promotionId)).rejects.toMatchObject({ code: 'conflict' });
	});
});

describe('SMS for promoted posts (Pakiet 3)', () => {
	it('go to confirmed phones where the municipality enabled SMS, within its monthly cap', async () => {
		await packageFrom('pakiet3', '2027-02-02');
		clock.set('2027-02-02T09:00:00+01:00');
		await confirmedPhone(ctx, group.id, anna.id, '600 700 800');
		await setAlertPreferences(ctx, anna, group, { kinds: ['utilities'], bySms: true, phone: '600 700 800' });
		const postId = await schoolPost('Bal karnawałowy w szkole');
		// SMS not enabled by the municipality: not offered.
		expect((await promotionForm(ctx, teacher, postId)).sms).toBeNull();
		await ctx.db
			.updateTable('customers')
			.set({ sms_enabled: true, sms_price_grosze: 9, promotion_sms_cap: 2 })
			.where('municipality_code', '=', '1438053')
			.execute();
		const form = await promotionForm(ctx, teacher, postId);
		expect(form.audience.sms).toBe(1);
		// Polish letters make it a Unicode SMS: two parts of 70 characters, two messages counted.
		expect(form.sms).toMatchObject({ available: true, left: 2, segments: 2, priceGrosze: 9 });
		const r = await promotePost(ctx, teacher, postId, { days: 1, sms: true });
		expect(r.texted).toBe(2);
		const sms = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'body_text'])
			.where('promotion_id', '=', r.promotionId)
			.where('channel', '=', 'sms')
			.execute();
		expect(sms).toEqual([
			{
				recipient: '+48600700800',
				body_text: `Szkoła Podstawowa w Wiskitkach: Bal karnawałowy w szkole http://tablica.test/g/wiskitki/p/${postId}`
			}
		]);
		// The cap is used up: the next promotion with SMS is refused whole.
		const next = await schoolPost('Kiermasz świąteczny');
		const before = await counts();
		await expect(promotePost(ctx, teacher, next, { days: 1, sms: true })).rejects.toMatchObject({ code: 'conflict' });
		expect(await counts()).toEqual(before);
		await ctx.db.updateTable('customers').set({ promotion_sms_cap: 1000 }).execute();
		await ctx.db.updateTable('phone_verifications').set({ verified_at: null }).execute();
		expect((await promotePost(ctx, teacher, next, { days: 1, sms: true })).texted).toBe(0);
	});
});

describe('back on Pakiet 1', () => {
	it('the digest has no promoted block, and promoting is refused again', async () => {
		clock.set('2027-03-10T09:00:00+01:00');
		const postId = await schoolPost('Rekrutacja do przedszkola');
		await promotePost(ctx, teacher, postId, { days: 3 });
		expect((await digestContent(ctx, group)).promoted).toHaveLength(1);
		await packageFrom('pakiet1', '2027-03-11');
		clock.set('2027-03-11T09:00:00+01:00');
		const content = await digestContent(ctx, group);
		expect(content.promoted).toEqual([]);
		expect(content.unitPosts.map((p) => p.title)).toContain('Rekrutacja do przedszkola');
		await expect(promotePost(ctx, teacher, await schoolPost('Jeszcze jeden'), { days: 1 })).rejects.toMatchObject({
			code: 'forbidden'
		});
	});
});
