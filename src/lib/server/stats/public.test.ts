import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { addComment } from '../feed/comments';
import { recordViews, setPostReaction, sharePost } from '../feed/engagement';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { setPopulation } from '../municipalities/municipalities';
import { renderSiteText, resetSitePage, saveSitePage, getSitePage } from '../site/pages';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff } from '../units/staff';
import { refreshRecentStats } from './daily';
import { filterDirectory, groupDirectory, potential, suggestGroups, topPosts } from './public';
import { formatMinutes, unitReport } from './unit-report';
import { sendMonthlyUnitReports } from './unit-report-mail';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, anna: Actor, jan: Actor, teacher: Actor, coordinator: Actor;
let group: Group;
let schoolId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-10-05T08:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await createGroup(ctx, operator, {
		slug: 'puszcza-marianska',
		municipalityCode: '1438032',
		name: 'Puszcza Mariańska – forum',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	schoolId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa', type: 'primarySchool' });
	teacher = await makeUser(ctx, 'nauczycielka@t.pl', { name: 'Nauczycielka' });
	const { token } = await inviteStaff(ctx, operator, schoolId, { email: teacher.email, role: 'editor' });
	await acceptInvitation(ctx, teacher, token);
	coordinator = await makeUser(ctx, 'koordynator@t.pl', { name: 'Koordynatorka' });
	await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
	for (const [email, name] of [
		['anna@t.pl', 'Anna'],
		['jan@t.pl', 'Jan']
	]) {
		const a = await makeUser(ctx, email, { name });
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
		if (name === 'Anna') anna = a;
		else jan = a;
	}
});
afterAll(async () => database?.close());

describe("the units' report", () => {
	it('counts residents’ questions under the unit’s posts and the median time to the unit’s first reply, per Warsaw month', async () => {
		// October: two posts of the school.
		const first = await createPost(ctx, teacher, group, {
			body: 'Zebranie rodziców w czwartek o 17:00.',
			category: 'education',
			unitId: schoolId
		});
		clock.set('2026-10-05T09:00:00Z');
		const q1 = await addComment(ctx, anna, first.id, { body: 'Czy obecność jest obowiązkowa?' });
		clock.set('2026-10-05T09:30:00Z');
		// A resident's answer does not count as the unit's.
		await addComment(ctx, jan, first.id, { body: 'Chyba nie.', parentId: q1.id });
		clock.set('2026-10-05T10:00:00Z');
		await addComment(ctx, teacher, first.id, { body: 'Tak, prosimy o obecność.', parentId: q1.id });
		clock.set('2026-10-05T11:00:00Z');
		await addComment(ctx, teacher, first.id, { body: 'Jeszcze jedno uzupełnienie.', parentId: q1.id });
		// Not a question: no question mark.
		await addComment(ctx, jan, first.id, { body: 'Dziękujemy za informację.' });
		clock.set('2026-10-20T08:00:00Z');
		const second = await createPost(ctx, teacher, group, {
			body: 'Dzień otwarty szkoły w sobotę.',
			category: 'education',
			unitId: schoolId
		});
		clock.set('2026-10-20T08:10:00Z');
		const q2 = await addComment(ctx, jan, second.id, { body: 'O której się zaczyna?' });
		clock.set('2026-10-20T11:10:00Z');
		await addComment(ctx, teacher, second.id, { body: 'O 10:00.', parentId: q2.id });
		clock.set('2026-10-20T12:00:00Z');
		await addComment(ctx, anna, second.id, { body: 'Czy będzie parking?' });
		await recordViews(ctx, [first.id, second.id], `user:${anna.id}`);
		await setPostReaction(ctx, jan, second.id, 'like');
		// 31 October, 23:30 UTC is already November in Warsaw: not October's.
		clock.set('2026-10-31T23:30:00Z');
		await createPost(ctx, teacher, group, {
			body: 'Listopadowe ogłoszenie szkoły.',
			category: 'education',
			unitId: schoolId
		});

		clock.set('2026-11-02T10:00:00Z');
		const report = await unitReport(ctx, 'wiskitki', null);
		expect(report.month).toBe('2026-10');
		expect(report.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
		const school = report.units.find((u) => u.name === 'Szkoła Podstawowa')!;
		// Replies after 60 and 180 minutes; the parking question has none.
		expect(school.months[5]).toMatchObject({
			month: '2026-10',
			posts: 2,
			views: 2,
			uniqueViewers: 2,
			reactions: 1,
			questions: 3,
			answered: 2,
			medianReplyMinutes: 120
		});
		expect(school.months[4]).toMatchObject({ posts: 0, questions: 0, medianReplyMinutes: null });
		expect((await unitReport(ctx, 'wiskitki', '2026-11')).units[0].months[5]).toMatchObject({ posts: 1, questions: 0 });
		await expect(unitReport(ctx, 'wiskitki', '2026-13')).rejects.toMatchObject({ code: 'validation' });
		await expect(unitReport(ctx, 'wiskitki', '2027-01')).rejects.toMatchObject({ code: 'validation' });
		expect([formatMinutes(45), formatMinutes(200), formatMinutes(60 * 24 * 2 + 60 * 4)]).toEqual([
			'45 min',
			'3 godz. 20 min',
			'2 dni 4 godz.'
		]);
	});

	it('is e-mailed to the coordinators once per month, from the 1st, through the outbox', async () => {
		clock.set('2026-11-02T10:00:00Z');
		expect(await sendMonthlyUnitReports(ctx)).toBe(1);
		expect(await sendMonthlyUnitReports(ctx)).toBe(0);
		const mail = await ctx.db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', coordinator.email)
			.executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Raport aktywności jednostek gminy Wiskitki – październik 2026');
		expect(mail.body_text).toContain('Szkoła Podstawowa: 2 posty, 2 wyświetlenia, 1 reakcja');
		expect(mail.body_text).toContain('mediana czasu odpowiedzi: 2 godz.');
		expect(mail.body_text).toContain('/pliki/raport-jednostek/wiskitki.pdf?miesiac=2026-10');
		// The group without a package gets nothing; November's report waits for December.
		clock.set('2026-11-30T22:59:00Z');
		expect(await sendMonthlyUnitReports(ctx)).toBe(0);
		clock.set('2026-11-30T23:05:00Z');
		expect(await sendMonthlyUnitReports(ctx)).toBe(1);
	});
});

describe('public statistics', () => {
	it('rank posts by what people did with them, per period and municipality', async () => {
		clock.set('2026-12-01T10:00:00Z');
		const other = await getGroup(ctx.db, 'puszcza-marianska');
		const quiet = await createPost(ctx, operator, group, { body: 'Cichy komunikat.', category: 'official' });
		const shared = await createPost(ctx, operator, group, { body: 'Udostępniany komunikat.', category: 'official' });
		const liked = await createPost(ctx, operator, other, { body: 'Komunikat z reakcjami.', category: 'official' });
		await sharePost(ctx, anna, shared.id, `user:${anna.id}`);
		await setPostReaction(ctx, operator, liked.id, 'like');
		await recordViews(ctx, [quiet.id], `user:${jan.id}`);
		const week = await topPosts(ctx, 7, null, 3);
		// A share counts twice: 2 > 1.
		expect(week.map((p) => p.id)).toEqual([shared.id, liked.id, quiet.id]);
		expect(week[1]).toMatchObject({ municipality: 'Puszcza Mariańska', reactions: 1, reactionsByKind: { like: 1 } });
		expect((await topPosts(ctx, 7, other.id)).map((p) => p.id)).toEqual([liked.id]);
		// Older than 7 days: only in the 90-day list.
		clock.set('2026-12-12T10:00:00Z');
		expect(await topPosts(ctx, 7, null)).toEqual([]);
		expect((await topPosts(ctx, 90, null)).map((p) => p.id)).toContain(shared.id);
	});

	it('the directory filters by voivodeship and finds municipalities without Polish letters', async () => {
		clock.set('2026-12-13T10:00:00Z');
		await refreshRecentStats(ctx.db, clock);
		const all = await groupDirectory(ctx);
		expect(all.map((g) => g.slug)).toEqual(['wiskitki', 'puszcza-marianska']);
		expect(filterDirectory(all, 'MARIANSKA').map((g) => g.slug)).toEqual(['puszcza-marianska']);
		expect(filterDirectory(all, '', 'mazowieckie')).toHaveLength(2);
		expect(filterDirectory(all, '', 'lubelskie')).toHaveLength(0);
		expect((await suggestGroups(ctx, 'wisk')).map((s) => s.slug)).toEqual(['wiskitki']);
		expect(await suggestGroups(ctx, '   ')).toEqual([]);
	});

	it('population: the operator only, validated, and the share of residents on /potencjal', async () => {
		await expect(
			setPopulation(ctx, null, '1438053', { population: '9850', populationYear: '2025' })
		).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(
			setPopulation(ctx, anna, '1438053', { population: '9850', populationYear: '2025' })
		).rejects.toMatchObject({ code: 'forbidden' });
		for (const bad of [
			{ population: 'dużo', populationYear: '2025' },
			{ population: '0', populationYear: '2025' },
			{ population: '9850', populationYear: '1999' },
			{ population: '', populationYear: '2025' }
		]) {
			await expect(setPopulation(ctx, operator, '1438053', bad)).rejects.toMatchObject({ code: 'validation' });
		}
		expect((await potential(ctx)).rows.find((r) => r.slug === 'wiskitki')).toMatchObject({
			population: null,
			membersShare: null
		});
		await setPopulation(ctx, operator, '1438053', { population: '9 850', populationYear: '2025' });
		const row = (await potential(ctx)).rows.find((r) => r.slug === 'wiskitki')!;
		expect(row).toMatchObject({ population: 9850, populationYear: 2025 });
		expect(row.membersShare).toBeCloseTo(row.members / 9850, 10);
	});
});

describe('site pages', () => {
	it('only the operator edits; unknown placeholders are refused and change nothing; HTML is shown as text', async () => {
		const before = await getSitePage(ctx.db, 'o-nas');
		const input = { title: 'O nas', body: 'Prowadzimy {{grupy}} grupy i mamy {{czlonkowie}} członków.' };
		await expect(saveSitePage(ctx, null, 'o-nas', input)).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(saveSitePage(ctx, anna, 'o-nas', input)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveSitePage(ctx, operator, 'nie-ma', input)).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			saveSitePage(ctx, operator, 'o-nas', { title: 'O nas', body: 'Mamy {{liczba_krow}} krów w [[galeria]] gminie.' })
		).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('{{liczba_krow}}, [[galeria]]') });
		await expect(saveSitePage(ctx, operator, 'o-nas', { title: '', body: 'x' })).rejects.toMatchObject({
			code: 'validation'
		});
		expect(await getSitePage(ctx.db, 'o-nas')).toEqual(before);
		await saveSitePage(ctx, operator, 'o-nas', input);
		expect((await getSitePage(ctx.db, 'o-nas')).body).toBe(input.body);
		await resetSitePage(ctx, operator, 'o-nas');
		expect(await getSitePage(ctx.db, 'o-nas')).toEqual(before);

		const html = renderSiteText(
			'## Tytuł\n\nMamy {{grupy}} grupy. <img src=x onerror=alert(1)> [link](javascript:alert(1))\n\n[[dokumenty]]\n',
			{ grupy: '3 <b>' },
			{ dokumenty: '<ul class="docs"></ul>' }
		);
		expect(html).toContain('<h2>Tytuł</h2>');
		expect(html).toContain('Mamy 3 &lt;b&gt; grupy. &lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('href="javascript');
		expect(html).toContain('<ul class="docs"></ul>');
	});
});
