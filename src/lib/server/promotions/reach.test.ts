import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { foldText } from '../text/fold';
import { formatLift } from '../../format';
import { unitReport } from '../stats/unit-report';
import { unitReportPdf } from '../documents/documents';
import { unitWorkspace } from '../units/workspace';
import { layoutText } from '../testing/pdf-text';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { baselineBasis, lift, median, promotionReach, promotionReport } from './reach';
import { maintainViewPartitions } from '../stats/view-partitions';
import { fixedClock } from '../core/clock';

let database: Database;
let ctx: Ctx;
let source: Group, t1: Group, t2: Group;
let school: string, library: string, ops: string;
let promoted: string, promotion: string, opsPromotion: string;
let baseA: string;
const users: Actor[] = [];

const code = '1438053';
const at = (iso: string) => new Date(iso);

async function unit(slug: string, name: string, type: string): Promise<string> {
	const { id } = await ctx.db
		.insertInto('units')
		.values({ municipality_code: code, slug, name, type, created_at: at('2026-01-01T00:00:00Z') })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function post(
	unitId: string,
	body: string,
	published: string,
	extra: Record<string, unknown> = {}
): Promise<string> {
	const { id } = await ctx.db
		.insertInto('posts')
		.values({
			group_id: source.id,
			author_id: users[0].id,
			unit_id: unitId,
			body,
			body_folded: foldText(body),
			category: 'official',
			status: 'published',
			created_at: at(published),
			published_at: at(published),
			reaction_counts: '{}',
			...extra
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Views as "viewer@day" pairs, in the order of days (the first of a viewer is their first view). */
async function views(postId: string, pairs: string[]) {
	const rows = pairs.map((p) => ({ post_id: postId, viewer_key: p.split('@')[0], day: p.split('@')[1] }));
	await ctx.db.insertInto('post_views').values(rows).execute();
	await ctx.db
		.insertInto('post_viewers')
		.values(rows.map((r) => ({ post_id: r.post_id, viewer_key: r.viewer_key, first_day: r.day })))
		.onConflict((oc) => oc.doNothing())
		.execute();
}
const manyViews = (postId: string, day: string, n: number) =>
	views(
		postId,
		Array.from({ length: n }, (_, i) => `x${i}@${day}`)
	);
const react = (postId: string, user: number, when: string, via: string | null = null) =>
	ctx.db
		.insertInto('post_reactions')
		.values({ post_id: postId, user_id: users[user].id, kind: 'like', created_at: at(when), via_group_id: via })
		.execute();
const comment = (
	postId: string,
	when: string,
	via: string | null = null,
	status: 'published' | 'hidden' = 'published'
) =>
	ctx.db
		.insertInto('comments')
		.values({
			post_id: postId,
			author_id: users[0].id,
			body: 'Dziękujemy!',
			status,
			reaction_counts: '{}',
			created_at: at(when),
			via_group_id: via
		})
		.execute();
const promote = (postId: string, unitId: string, starts: string, ends: string, extra: Record<string, unknown> = {}) =>
	ctx.db
		.insertInto('promotions')
		.values({
			post_id: postId,
			group_id: source.id,
			unit_id: unitId,
			sponsor_name: 'Urząd Gminy Wiskitki',
			starts_at: at(starts),
			ends_at: at(ends),
			created_at: at(starts),
			...extra
		})
		.returning('id')
		.executeTakeFirstOrThrow()
		.then((r) => r.id);

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database, '2027-01-20T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	for (const [slug, municipalityCode, name] of [
		['wiskitki', code, 'Wiskitki'],
		['puszcza-marianska', '1438032', 'Puszcza Mariańska'],
		['radziejowice', '1438042', 'Radziejowice']
	])
		await createGroup(ctx, operator, { slug, municipalityCode, name, membershipQuestion: 'Czy mieszkasz w gminie?' });
	[source, t1, t2] = await Promise.all(
		['wiskitki', 'puszcza-marianska', 'radziejowice'].map((s) => getGroup(ctx.db, s))
	);
	for (let i = 0; i < 3; i++) users.push(await makeUser(ctx, `u${i}@t.pl`));
	school = await unit('szkola', 'Szkoła Podstawowa w Wiskitkach', 'primarySchool');
	library = await unit('biblioteka', 'Biblioteka Gminna', 'library');
	ops = await unit('ops', 'Ośrodek Pomocy Społecznej', 'socialHelp');

	// The baseline: four unpromoted posts of the school in the 90 days before 5 January 2027, each
	// counted on its first 4 Warsaw days (the promotion runs on 5–8 January).
	baseA = await post(school, 'Post A', '2026-12-01T09:00:00Z');
	await views(baseA, ['v1@2026-12-01', 'v2@2026-12-01', 'v3@2026-12-01', 'v1@2026-12-02', 'v4@2026-12-02']);
	await views(baseA, ['v5@2026-12-04', 'v6@2026-12-05']); // the 5th day is outside
	await react(baseA, 0, '2026-12-01T10:00:00Z');
	await react(baseA, 1, '2026-12-04T22:00:00Z'); // 23:00 on 4 December in Warsaw: inside
	await react(baseA, 2, '2026-12-04T23:30:00Z'); // 00:30 on 5 December in Warsaw: outside
	await comment(baseA, '2026-12-02T12:00:00Z');
	await comment(baseA, '2026-12-02T12:00:00Z', null, 'hidden');
	const baseB = await post(school, 'Post B', '2026-12-10T09:00:00Z');
	await views(baseB, ['v1@2026-12-10', 'v1@2026-12-11']);
	const baseC = await post(school, 'Post C', '2026-12-20T09:00:00Z');
	await manyViews(baseC, '2026-12-20', 10);
	await react(baseC, 0, '2026-12-20T10:00:00Z');
	const baseD = await post(school, 'Post D', '2026-12-28T09:00:00Z');
	await react(baseD, 0, '2026-12-28T10:00:00Z');
	// Left out of the baseline, each with 50 views that would move the median: a promoted post, an
	// urgent alert, a post older than 90 days, another unit's post, a post of another group.
	const earlier = await post(school, 'Post wyróżniony w grudniu', '2026-12-15T09:00:00Z');
	await promote(earlier, school, '2026-12-15T09:00:00Z', '2026-12-16T09:00:00Z');
	const alert = await post(school, 'Komunikat pilny', '2026-12-16T09:00:00Z', {
		urgent_until: at('2026-12-17T09:00:00Z')
	});
	const old = await post(school, 'Post z września', '2026-10-01T09:00:00Z');
	const other = await post(library, 'Post biblioteki', '2026-12-17T09:00:00Z');
	const elsewhere = await post(school, 'Post w innej grupie', '2026-12-18T09:00:00Z', { group_id: t1.id });
	for (const [id, day] of [
		[earlier, '2026-12-15'],
		[alert, '2026-12-16'],
		[old, '2026-10-01'],
		[other, '2026-12-17'],
		[elsewhere, '2026-12-18']
	])
		await manyViews(id, day, 50);

	// The promoted post: 5–8 January (10:00 to 10:00 in Warsaw: four Warsaw days).
	promoted = await post(
		school,
		'Zapraszamy na jasełka w szkole, w piątek o 17:00 w sali gimnastycznej. Wstęp wolny, po przedstawieniu kiermasz ciast.',
		'2027-01-05T07:00:00Z',
		{ view_count: 14, unique_viewer_count: 9, reaction_count: 3, comment_count: 3, share_count: 2 }
	);
	promotion = await promote(promoted, school, '2027-01-05T09:00:00Z', '2027-01-08T09:00:00Z', {
		notified: 40,
		pushed: 4,
		texted: 1,
		emailed: 3,
		by_sms: true
	});
	await views(promoted, [
		...['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'].map((v) => `${v}@2027-01-05`),
		'v1@2027-01-06',
		'v2@2027-01-06',
		'v3@2027-01-06',
		'v5@2027-01-08',
		'v9@2027-01-09',
		'v1@2027-01-09'
	]);
	for (const g of [t1, t2])
		await ctx.db
			.insertInto('cross_posts')
			.values({ post_id: promoted, group_id: g.id, promotion_id: promotion, created_at: at('2027-01-05T09:00:00Z') })
			.execute();
	await ctx.db
		.insertInto('cross_post_views')
		.values([
			{ post_id: promoted, group_id: t1.id, viewer_key: 'v1', day: '2027-01-05' },
			{ post_id: promoted, group_id: t1.id, viewer_key: 'v2', day: '2027-01-05' },
			{ post_id: promoted, group_id: t1.id, viewer_key: 'v1', day: '2027-01-06' },
			{ post_id: promoted, group_id: t2.id, viewer_key: 'v3', day: '2027-01-05' }
		])
		.execute();
	await react(promoted, 0, '2027-01-05T10:00:00Z');
	await react(promoted, 1, '2027-01-06T10:00:00Z', t1.id);
	await react(promoted, 2, '2027-01-08T22:30:00Z'); // 23:30 on the last day in Warsaw: during
	await comment(promoted, '2027-01-05T11:00:00Z');
	await comment(promoted, '2027-01-06T11:00:00Z', t2.id);
	await comment(promoted, '2027-01-09T11:00:00Z');
	await ctx.db
		.insertInto('post_shares')
		.values([
			{ post_id: promoted, created_at: at('2027-01-06T12:00:00Z'), viewer_key: 's1' },
			{ post_id: promoted, created_at: at('2027-01-10T12:00:00Z'), viewer_key: 's2' }
		])
		.execute();
	const message = (
		channel: 'push' | 'sms' | 'email',
		status: 'pending' | 'sent' | 'failed' | 'dead',
		promotionId: string | null = promotion
	) => ({
		channel,
		status,
		recipient: 'ktos@t.pl',
		body_text: 'Jasełka',
		created_at: at('2027-01-05T09:00:00Z'),
		promotion_id: promotionId
	});
	await ctx.db
		.insertInto('outbox')
		.values([
			message('push', 'sent'),
			message('push', 'sent'),
			message('push', 'sent'),
			message('push', 'pending'),
			message('email', 'sent'),
			message('email', 'sent'),
			message('email', 'dead'),
			message('email', 'failed'),
			message('sms', 'sent'),
			message('email', 'sent', null)
		])
		.execute();

	// The social-help centre's promotion, cancelled on its second day; the centre has no posts to compare with.
	const opsPost = await post(ops, 'Dyżur pracownika socjalnego', '2027-01-10T08:00:00Z');
	opsPromotion = await promote(opsPost, ops, '2027-01-10T09:00:00Z', '2027-01-13T09:00:00Z', {
		cancelled_at: at('2027-01-11T12:00:00Z'),
		sponsor_name: 'Ośrodek Pomocy Społecznej'
	});
}, 180_000);
afterAll(async () => database?.close());

describe('median and lift', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([])).toBeNull();
		expect(median([7])).toBe(7);
		expect(median([10, 0, 6, 2])).toBe(4);
		expect(median([5, 1, 9])).toBe(5);
		expect(lift(12, 4)).toBe(3);
		expect(lift(3, 0)).toBeNull();
		expect(lift(3, null)).toBeNull();
		expect([formatLift(3), formatLift(8 / 3), formatLift(0.5), formatLift(12.4), formatLift(null)]).toEqual([
			'×3,0',
			'×2,7',
			'×0,5',
			'×12',
			'—'
		]);
	});

	it('says in one sentence what it compares, with Polish plurals', () => {
		expect(baselineBasis(4, 4)).toBe(
			'Mediana postów niewyróżnionych jednostki z 90 dni przed wyróżnieniem (4 posty, bez komunikatów pilnych) z pierwszych 4 dni od dnia publikacji, w porównaniu z 4 dniami wyróżnienia.'
		);
		expect(baselineBasis(1, 1)).toContain('(1 post, bez komunikatów pilnych) z pierwszego dnia od dnia publikacji');
		expect(baselineBasis(5, 2)).toContain('(5 postów');
		expect(baselineBasis(0, 3)).toContain('nie ma z czym porównać');
	});
});

describe('promotionReach', () => {
	it('compares the promotion’s days with the median of the unit’s unpromoted posts on as many first days', async () => {
		const r = await promotionReach(ctx.db, promotion, ctx.clock.now());
		expect(r.promotion).toMatchObject({ status: 'ended', firstDay: '2027-01-05', lastDay: '2027-01-08', days: 4 });
		// Views [6, 2, 10, 0] → 4; viewers [5, 1, 10, 0] → 3; reactions [2, 0, 1, 1] → 1; comments [1, 0, 0, 0] → 0.
		expect(r.baseline.posts).toBe(4);
		expect(r.baseline.median).toEqual({ views: 4, uniqueViewers: 3, reactions: 1, comments: 0 });
		expect(r.during).toEqual({ views: 12, uniqueViewers: 8, reactions: 3, comments: 2, shares: 1 });
		expect(r.after).toEqual({ views: 2, uniqueViewers: 2 });
		expect(r.baseline.lift.views).toBe(3);
		expect(r.baseline.lift.uniqueViewers).toBeCloseTo(8 / 3);
		expect(r.baseline.lift.reactions).toBe(3);
		expect(r.baseline.lift.comments).toBeNull();
		expect(r.baseline.basis).toContain('(4 posty, bez komunikatów pilnych) z pierwszych 4 dni');
		expect(r.total).toEqual({ views: 14, uniqueViewers: 9, reactions: 3, comments: 3, shares: 2 });
	});

	it('counts deliveries from the counters and the promotion’s outbox messages by status', async () => {
		const r = await promotionReach(ctx.db, promotion, ctx.clock.now());
		expect(r.delivered).toEqual({
			notified: 40,
			pushed: 4,
			texted: 1,
			emailed: 3,
			outbox: {
				push: { sent: 3, queued: 1, failed: 0 },
				sms: { sent: 1, queued: 0, failed: 0 },
				email: { sent: 2, queued: 0, failed: 2 }
			}
		});
	});

	it('splits views, reactions and comments between the source group and each cross-post target', async () => {
		const r = await promotionReach(ctx.db, promotion, ctx.clock.now());
		const by = Object.fromEntries(r.groups.map((g) => [g.slug, g]));
		expect(r.groups[0]).toMatchObject({ slug: 'wiskitki', source: true });
		expect(by['wiskitki']).toMatchObject({ views: 10, uniqueViewers: 9, reactions: 2, comments: 2 });
		expect(by['puszcza-marianska']).toMatchObject({
			source: false,
			views: 3,
			uniqueViewers: 2,
			reactions: 1,
			comments: 0
		});
		expect(by['radziejowice']).toMatchObject({ source: false, views: 1, uniqueViewers: 1, reactions: 0, comments: 1 });
	});

	it('ends a cancelled promotion on the day it was cancelled; without baseline posts there is no lift', async () => {
		const r = await promotionReach(ctx.db, opsPromotion, ctx.clock.now());
		expect(r.promotion).toMatchObject({
			status: 'cancelled',
			firstDay: '2027-01-10',
			lastDay: '2027-01-11',
			days: 2,
			endsAt: '2027-01-11T12:00:00.000Z'
		});
		expect(r.baseline).toMatchObject({ posts: 0, median: null, lift: { views: null, uniqueViewers: null } });
		expect(r.baseline.basis).toContain('nie ma z czym porównać');
	});
});

describe('who sees a promotion’s reach report', () => {
	type Role =
		| 'anonymous'
		| 'resident'
		| 'editor'
		| 'unitAdmin'
		| 'otherUnitStaff'
		| 'coordinator'
		| 'otherCoordinator'
		| 'operator';
	// 1 = allowed; the report of the school's promotion, and the school's workspace that links to it.
	const matrix: Record<Role, [number, number]> = {
		anonymous: [0, 0],
		resident: [0, 0],
		editor: [1, 1],
		unitAdmin: [1, 1],
		otherUnitStaff: [0, 0],
		coordinator: [1, 1],
		otherCoordinator: [0, 0],
		operator: [1, 1]
	};
	let n = 0;
	async function actor(role: Role): Promise<Actor | null> {
		if (role === 'anonymous') return null;
		const a = await makeUser(ctx, `${role}${++n}@t.pl`, { operator: role === 'operator' });
		if (role === 'editor' || role === 'unitAdmin')
			await ctx.db.insertInto('unit_members').values({ unit_id: school, user_id: a.id, role }).execute();
		if (role === 'otherUnitStaff')
			await ctx.db.insertInto('unit_members').values({ unit_id: library, user_id: a.id, role: 'unitAdmin' }).execute();
		if (role === 'coordinator' || role === 'otherCoordinator')
			await ctx.db
				.insertInto('coordinators')
				.values({ municipality_code: role === 'coordinator' ? code : '1438032', user_id: a.id })
				.execute();
		return a;
	}
	for (const [role, [report, workspace]] of Object.entries(matrix) as [Role, [number, number]][]) {
		for (const [action, allowed, run] of [
			['the report', report, (a: Actor | null) => promotionReport(ctx, a, school, promotion)],
			['the workspace', workspace, (a: Actor | null) => unitWorkspace(ctx, a, school)]
		] as const)
			it(`${role} ${allowed ? 'sees' : 'does not see'} ${action}`, async () => {
				const result = run(await actor(role));
				if (allowed) await expect(result).resolves.toBeTruthy();
				else
					await expect(result).rejects.toMatchObject({
						name: 'AppError',
						code: role === 'anonymous' ? 'unauthenticated' : 'forbidden'
					});
			});
	}

	it('a promotion of another unit, or no id at all, is not found even for the operator', async () => {
		const operator = await actor('operator');
		await expect(promotionReport(ctx, operator, school, opsPromotion)).rejects.toMatchObject({
			code: 'not_found'
		});
		await expect(promotionReport(ctx, operator, school, 'x1')).rejects.toMatchObject({ code: 'not_found' });
		await expect(promotionReport(ctx, operator, '999999', promotion)).rejects.toMatchObject({ code: 'not_found' });
		const report = await promotionReport(ctx, operator, school, promotion);
		expect(report.unit.name).toBe('Szkoła Podstawowa w Wiskitkach');
	});

	it('the workspace marks the promoted post and links to its promotion', async () => {
		const w = await unitWorkspace(ctx, await actor('editor'), school);
		const marked = w.published.filter((p) => p.promotion);
		expect(marked.map((p) => [p.id, p.promotion!.id, p.promotion!.status]).sort()).toContainEqual([
			promoted,
			promotion,
			'ended'
		]);
		expect(w.published.find((p) => p.id === baseA)?.promotion).toBeNull();
	});
});

describe('the monthly units’ report', () => {
	it('lists each unit’s promotions of the month with deliveries, views and lift', async () => {
		const r = await unitReport(ctx, 'wiskitki', '2027-01');
		const schoolRow = r.units.find((u) => u.slug === 'szkola')!;
		expect(schoolRow.promoted).toHaveLength(1);
		expect(schoolRow.promoted[0]).toMatchObject({
			promotionId: promotion,
			firstDay: '2027-01-05',
			lastDay: '2027-01-08',
			delivered: 48,
			views: 12,
			uniqueViewers: 8,
			viewsLift: 3
		});
		expect(schoolRow.promoted[0].excerpt).toBe('Zapraszamy na jasełka w szkole, w piątek o 17:00 w sali…');
		expect(r.units.find((u) => u.slug === 'ops')!.promoted[0]).toMatchObject({
			status: 'cancelled',
			viewsLift: null
		});
		const december = await unitReport(ctx, 'wiskitki', '2026-12');
		expect(december.units.find((u) => u.slug === 'szkola')!.promoted.map((p) => p.firstDay)).toEqual(['2026-12-15']);
	});

	it('the PDF has "Wyróżnione posty" per unit in a month with promotions, and not otherwise', async () => {
		const text = layoutText(await unitReportPdf(ctx, 'wiskitki', '2027-01'));
		if (text === null) return;
		const section = text.slice(text.indexOf('Wyróżnione posty – styczeń 2027'));
		expect(section.length).toBeLessThan(text.length);
		const school = section.slice(section.indexOf('Szkoła Podstawowa w Wiskitkach'));
		expect(school).toMatch(/Zapraszamy na jasełka.*05\.01\.2027–08\.01\.2027\s+48\s+12\s+8\s+×3,0/);
		expect(section).toMatch(/Dyżur pracownika socjalnego\s+10\.01\.2027–[\s\S]*?—[\s\S]*?11\.01\.2027 \(odwołane\)/);
		expect(section.replace(/\s+/g, ' ')).toContain(
			'Wzrost: wyświetlenia wobec mediany postów niewyróżnionych jednostki z 90 dni przed wyróżnieniem'
		);
		const november = layoutText(await unitReportPdf(ctx, 'wiskitki', '2026-11'))!;
		expect(november).toContain('Raport aktywności komunikacyjnej');
		expect(november).not.toContain('Wyróżnione posty');
	});
});

describe('after the raw views of its days are dropped (35 days on)', () => {
	it('the report is the same: the promoted post’s views are kept apart, the baseline from the aggregates', async () => {
		const now = ctx.clock.now();
		const before = await promotionReach(ctx.db, promotion, now);
		const dropped = await maintainViewPartitions(ctx.db, fixedClock(new Date(now.getTime() + 200 * 86_400_000)));
		expect(dropped.trimmed).toBeGreaterThan(0);
		const remaining = await ctx.db
			.selectFrom('post_views')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.execute();
		expect(remaining[0].n).toBe('0');
		expect(await promotionReach(ctx.db, promotion, now)).toEqual(before);
	});
});
