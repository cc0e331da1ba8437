import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, refusal, testCtx } from '../testing/fixtures';
import { createPost } from '../feed/create-post';
import { getPost, listFeed } from '../feed/feed-query';
import { parseCsv } from '../text/csv';
import { layoutText } from '../testing/pdf-text';
import { assertResultsVisible, closePoll, pollResults, votePoll } from './polls';
import { pollResultsCsv, pollResultsPdf } from './exports';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let group: Group;
let author: Actor, anna: Actor, jan: Actor, ewa: Actor, outsider: Actor, operator: Actor, librarian: Actor;
let libraryId: string;
let placeId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-26T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?',
		isPublic: true
	});
	await ctx.db
		.updateTable('groups')
		.set({ member_posts_need_approval: false, new_member_days: 0 })
		.where('slug', '=', 'wiskitki')
		.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	author = await makeUser(ctx, 'autor@t.pl');
	anna = await makeUser(ctx, 'anna@t.pl');
	jan = await makeUser(ctx, 'jan@t.pl');
	ewa = await makeUser(ctx, 'ewa@t.pl');
	outsider = await makeUser(ctx, 'obcy@t.pl');
	librarian = await makeUser(ctx, 'biblioteka@t.pl');
	for (const a of [author, anna, jan, ewa]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	const unit = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438053',
			name: 'Biblioteka w Wiskitkach',
			slug: 'biblioteka',
			type: 'library',
			created_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	libraryId = unit.id;
	await ctx.db
		.insertInto('unit_members')
		.values({ unit_id: libraryId, user_id: librarian.id, role: 'editor' })
		.execute();
	const place = await ctx.db
		.insertInto('places')
		.values({ group_id: group.id, name: 'Guzów', kind: 'locality', area_id: null, created_at: clock.now() })
		.returning('id')
		.executeTakeFirstOrThrow();
	placeId = place.id;
	await ctx.db
		.insertInto('member_places')
		.values({ group_id: group.id, user_id: anna.id, place_id: placeId })
		.execute();
}, 180_000);
afterAll(async () => database?.close());

const refused = refusal;

const poll = (options: string[], extra: Record<string, unknown> = {}) => ({
	options,
	closesAt: new Date('2026-12-01T18:00:00Z'),
	...extra
});

describe('a poll in a post', () => {
	it('takes one vote a member, changeable until it closes; results after voting or closing', async () => {
		const post = await createPost(ctx, author, group, {
			body: 'Gdzie postawić nową ławkę?\nZagłosujcie do poniedziałku.',
			category: 'other',
			poll: poll(['Przy szkole', 'Przy kościele', 'Na rynku'])
		});
		expect(post.status).toBe('published');
		expect((await getPost(ctx, anna, post.id)).post.poll).toMatchObject({
			options: ['Przy szkole', 'Przy kościele', 'Na rynku'],
			multiple: false,
			closed: false,
			voters: 0,
			results: null,
			myVotes: []
		});

		expect(await votePoll(ctx, anna, post.id, [2])).toMatchObject({ voters: 1, results: [0, 0, 1], myVotes: [2] });
		expect(await votePoll(ctx, jan, post.id, [0])).toMatchObject({ voters: 2, results: [1, 0, 1], myVotes: [0] });
		// Changing the vote replaces it.
		expect(await votePoll(ctx, anna, post.id, [0])).toMatchObject({ voters: 2, results: [2, 0, 0], myVotes: [0] });
		// Who has not voted sees no results while it is open; the feed says the same per reader.
		expect((await getPost(ctx, ewa, post.id)).post.poll).toMatchObject({ voters: 2, results: null, myVotes: [] });
		const inFeed = (await listFeed(ctx, jan, group)).items.find((i) => i.id === post.id)!;
		expect(inFeed.poll).toMatchObject({ results: [2, 0, 0], myVotes: [0] });
		expect((await listFeed(ctx, ewa, group)).items.find((i) => i.id === post.id)!.poll!.results).toBeNull();

		// Only its author closes it early; then everyone sees the results and no one votes.
		expect((await refused(closePoll(ctx, anna, post.id))).code).toBe('forbidden');
		expect(await closePoll(ctx, author, post.id)).toMatchObject({ closed: true, results: [2, 0, 0] });
		expect((await getPost(ctx, null, post.id)).post.poll).toMatchObject({ closed: true, results: [2, 0, 0] });
		expect((await refused(votePoll(ctx, ewa, post.id, [1]))).message).toBe(
			'Głosowanie w tej ankiecie jest zakończone.'
		);
		expect((await refused(closePoll(ctx, author, post.id))).code).toBe('conflict');
	});

	it('closes by itself at its time; several choices where allowed', async () => {
		const post = await createPost(ctx, author, group, {
			body: 'Jakie zajęcia w świetlicy?',
			category: 'other',
			poll: poll(['Szachy', 'Taniec', 'Robotyka'], { multiple: true, closesAt: new Date('2026-11-26T12:00:00Z') })
		});
		expect(await votePoll(ctx, anna, post.id, [0, 2])).toMatchObject({
			voters: 1,
			results: [1, 0, 1],
			myVotes: [0, 2]
		});
		expect(await votePoll(ctx, jan, post.id, [2])).toMatchObject({ voters: 2, results: [1, 0, 2] });
		clock.set('2026-11-26T12:00:00Z');
		expect((await getPost(ctx, ewa, post.id)).post.poll).toMatchObject({ closed: true, results: [1, 0, 2] });
		expect((await refused(votePoll(ctx, ewa, post.id, [1]))).code).toBe('conflict');
		clock.set('2026-11-26T10:00:00Z');
	});

	it('refuses bad polls and bad votes, writing nothing', async () => {
		const make = (p: unknown, extra: Record<string, unknown> = {}) =>
			createPost(ctx, author, group, { body: 'Ankieta', category: 'other', poll: p, ...extra });
		const cases: [unknown, string][] = [
			[poll(['Tak']), 'poll.options'],
			[poll(Array.from({ length: 11 }, (_, i) => `Opcja ${i}`)), 'poll.options'],
			[poll(['Tak', 'tak']), 'poll.options'],
			[poll(['Tak', '   ']), 'poll.options.1'],
			[poll(['Tak', 'Nie'], { closesAt: new Date('2026-11-26T10:05:00Z') }), 'poll.closesAt'],
			[poll(['Tak', 'Nie'], { closesAt: new Date('2028-01-01T10:00:00Z') }), 'poll.closesAt'],
			[poll(['Tak', 'Nie'], { consultation: true }), 'poll.consultation']
		];
		const before = await ctx.db
			.selectFrom('posts')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		for (const [p, field] of cases) expect(Object.keys((await refused(make(p))).fields ?? {})).toContain(field);
		const after = await ctx.db
			.selectFrom('posts')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);

		const post = await make(poll(['Tak', 'Nie']));
		for (const bad of [[], [2], [-1], ['0'], 'Tak', [0, 1]])
			expect((await refused(votePoll(ctx, anna, post.id, bad))).code).toBe('validation');
		expect((await refused(votePoll(ctx, null, post.id, [0]))).code).toBe('unauthenticated');
		expect((await refused(votePoll(ctx, outsider, post.id, [0]))).code).toBe('forbidden');
		const plain = await createPost(ctx, author, group, { body: 'Bez ankiety', category: 'other' });
		expect((await refused(votePoll(ctx, anna, plain.id, [0]))).message).toBe('Ten post nie ma ankiety.');
		expect(await ctx.db.selectFrom('poll_votes').select('user_id').where('post_id', '=', post.id).execute()).toEqual(
			[]
		);
	});

	it('screens the options like the post’s text', async () => {
		const post = await createPost(ctx, anna, group, {
			body: 'Kto jest najgorszy w gminie?',
			category: 'other',
			poll: poll(['Sąsiad spod piątki', 'ty chuju jebany'])
		});
		expect(post.status).toBe('pending');
		const clean = await createPost(ctx, anna, group, {
			body: 'Kto jest najgorszy w gminie?',
			category: 'other',
			poll: poll(['Sąsiad spod piątki', 'Sąsiad spod siódemki'])
		});
		expect(clean.status).toBe('published');
	});
});

describe('a consultation and its results for the council', () => {
	it('is a unit’s; only members who named a place vote; exports the results as CSV and PDF', async () => {
		const post = await createPost(ctx, librarian, group, {
			body: 'Konsultacje: godziny otwarcia biblioteki w soboty',
			category: 'culture',
			unitId: libraryId,
			poll: poll(['8:00–12:00', '10:00–14:00'], { consultation: true })
		});
		expect(post.status).toBe('published');
		expect((await refused(votePoll(ctx, jan, post.id, [0]))).code).toBe('forbidden');
		expect(await votePoll(ctx, anna, post.id, [1])).toMatchObject({ voters: 1, results: [0, 1] });

		// Open: the unit's staff follow the results; a member who has not voted may not export them.
		const forStaff = await pollResults(ctx, librarian, post.id);
		expect(forStaff).toMatchObject({ runs: true, results: [0, 1], consultation: true, by: 'Biblioteka w Wiskitkach' });
		const forJan = await pollResults(ctx, jan, post.id);
		expect(forJan.results).toBeNull();
		expect(() => assertResultsVisible(forJan)).toThrow(AppError);

		await closePoll(ctx, librarian, post.id);
		const results = await pollResults(ctx, null, post.id);
		assertResultsVisible(results);
		expect(parseCsv(pollResultsCsv(results).toString('utf8'), ';')).toEqual([
			['Odpowiedź', 'Głosy', 'Odsetek głosujących'],
			['8:00–12:00', '0', '0,0%'],
			['10:00–14:00', '1', '100,0%']
		]);
		const text = layoutText(await pollResultsPdf(results, clock.now()))!;
		expect(text).toContain('Wyniki konsultacji');
		expect(text).toContain('Konsultacje: godziny otwarcia biblioteki w soboty');
		expect(text).toContain('Prowadzi: Biblioteka w Wiskitkach');
		expect(text).toContain('1 osoba zagłosowała');
		expect(text).toMatch(/10:00–14:00\s+1\s+100,0%/);
	});
});

describe('who may do what with a poll (authorization matrix)', () => {
	it('vote, see the results while open, close: anonymous, outsider, member, author, unit staff, operator', async () => {
		const byMember = await createPost(ctx, author, group, {
			body: 'Matryca: ankieta mieszkańca',
			category: 'other',
			poll: poll(['A', 'B'])
		});
		const byUnit = await createPost(ctx, librarian, group, {
			body: 'Matryca: ankieta biblioteki',
			category: 'culture',
			unitId: libraryId,
			poll: poll(['A', 'B'])
		});
		const outcome = (p: Promise<unknown>) =>
			p.then(
				() => 'ok',
				(e: unknown) => (e instanceof AppError ? e.code : String(e))
			);
		const row = async (who: Actor | null, postId: string) => ({
			seesResults: await pollResults(ctx, who, postId).then((r) => r.results !== null),
			vote: await outcome(votePoll(ctx, who, postId, [0]))
		});
		const matrix = {
			anonymous: await row(null, byMember.id),
			outsider: await row(outsider, byMember.id),
			member: await row(ewa, byMember.id),
			author: await row(author, byMember.id),
			unitStaff: await row(librarian, byUnit.id),
			operator: await row(operator, byMember.id)
		};
		expect(matrix).toEqual({
			anonymous: { seesResults: false, vote: 'unauthenticated' },
			outsider: { seesResults: false, vote: 'forbidden' },
			member: { seesResults: false, vote: 'ok' },
			author: { seesResults: true, vote: 'ok' },
			// As with reactions: whoever may react to the post may vote.
			unitStaff: { seesResults: true, vote: 'ok' },
			operator: { seesResults: true, vote: 'ok' }
		});
		const closing = {
			anonymous: await outcome(closePoll(ctx, null, byMember.id)),
			outsider: await outcome(closePoll(ctx, outsider, byMember.id)),
			member: await outcome(closePoll(ctx, ewa, byMember.id)),
			operator: await outcome(closePoll(ctx, operator, byMember.id)),
			otherUnitStaffOnMembersPoll: await outcome(closePoll(ctx, librarian, byMember.id)),
			author: await outcome(closePoll(ctx, author, byMember.id)),
			unitStaff: await outcome(closePoll(ctx, librarian, byUnit.id))
		};
		expect(closing).toEqual({
			anonymous: 'unauthenticated',
			outsider: 'forbidden',
			member: 'forbidden',
			operator: 'forbidden',
			otherUnitStaffOnMembersPoll: 'forbidden',
			author: 'ok',
			unitStaff: 'ok'
		});
	});
});
