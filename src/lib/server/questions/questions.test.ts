import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { addCoordinator } from '../subscriptions/customers';
import { createPost } from '../feed/create-post';
import { addComment, listComments } from '../feed/comments';
import { editPost } from '../feed/authoring';
import { decidePost } from '../moderation/content-decisions';
import { getPost, listFeed } from '../feed/feed-query';
import { addUnit } from '../units/units';
import { unitWorkspace } from '../units/workspace';
import { unitReport } from '../stats/unit-report';
import { municipalityPage, forgetPublicStats } from '../stats/public';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import {
	answerDueAt,
	forwardChoices,
	forwardQuestion,
	officeQuestions,
	questionFigures,
	remindOverdueQuestions,
	unitOpenQuestions
} from './questions';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let group: Group;
let office: string, library: string, otherCommune: string;
let resident: Actor, neighbour: Actor, clerk: Actor, librarian: Actor, coordinator: Actor, moderator: Actor;
let operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-12-04T09:00:00Z')); // a Friday
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await ctx.db
		.updateTable('groups')
		.set({ member_posts_need_approval: false, new_member_days: 0 })
		.where('id', '=', group.id)
		.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	coordinator = await makeUser(ctx, 'koordynator@t.pl', { name: 'Maria Koordynator' });
	await addCoordinator(ctx, operator, '1438053', coordinator.email);
	office = await addUnit(ctx, coordinator, '1438053', { name: 'Urząd Gminy Wiskitki', type: 'office' });
	library = await addUnit(ctx, coordinator, '1438053', { name: 'Biblioteka Publiczna', type: 'library' });
	const elsewhere = (
		await ctx.db
			.selectFrom('municipalities')
			.select('teryt_code')
			.where('teryt_code', '!=', '1438053')
			.executeTakeFirstOrThrow()
	).teryt_code;
	otherCommune = await addUnit(ctx, operator, elsewhere, { name: 'Urząd innej gminy', type: 'office' });
	resident = await makeUser(ctx, 'anna@t.pl', { name: 'Anna Mieszkanka' });
	neighbour = await makeUser(ctx, 'jan@t.pl', { name: 'Jan Sąsiad' });
	moderator = await makeUser(ctx, 'mod@t.pl');
	clerk = await makeUser(ctx, 'sekretariat@urzad.test', { name: 'Ewa Urzędniczka' });
	librarian = await makeUser(ctx, 'biblioteka@t.pl', { name: 'Piotr Bibliotekarz' });
	for (const a of [resident, neighbour, moderator]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	await ctx.db
		.insertInto('unit_members')
		.values([
			{ unit_id: office, user_id: clerk.id, role: 'editor' },
			{ unit_id: library, user_id: librarian.id, role: 'unitAdmin' }
		])
		.execute();
}, 180_000);
afterAll(async () => database?.close());

async function outcome(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		if (e instanceof AppError) return e.code;
		throw e;
	}
}

const ask = (body: string, to: string | null, extra: Record<string, unknown> = {}) =>
	createPost(ctx, resident, group, { body, category: 'questions', questionTo: to, ...extra });
const question = (postId: string) =>
	ctx.db.selectFrom('questions').selectAll().where('post_id', '=', postId).executeTakeFirst();
const notices = (userId: string, kind: string) =>
	ctx.db
		.selectFrom('notifications')
		.select(['post_id', 'comment_id', 'actor_name', 'detail'])
		.where('user_id', '=', userId)
		.where('kind', '=', kind)
		.orderBy('id')
		.execute();
const count = async (table: 'posts' | 'questions') =>
	Number(
		(
			await ctx.db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('residents’ questions to the office', () => {
	it('refuses an addressee that does not fit, and writes nothing', async () => {
		const before = [await count('posts'), await count('questions')];
		const refused = async (input: Record<string, unknown>, actor: Actor = resident) => {
			try {
				await createPost(ctx, actor, group, { body: 'Kiedy odbiór śmieci?', category: 'questions', ...input });
			} catch (e) {
				if (e instanceof AppError) return [e.code, e.fields?.questionTo ?? e.fields?.unitId ?? e.message];
				throw e;
			}
			return ['ok'];
		};
		expect(await refused({ category: 'other', questionTo: office })).toEqual([
			'validation',
			'Wybierz kategorię „Pytania” albo „Nie kieruję do nikogo”.'
		]);
		expect(await refused({ questionTo: otherCommune })).toEqual([
			'validation',
			'Wybierz urząd albo jednostkę z listy.'
		]);
		expect(await refused({ questionTo: '999999' })).toEqual(['validation', 'Wybierz urząd albo jednostkę z listy.']);
		expect(await refused({ questionTo: 'urzad' })).toEqual(['validation', 'Wybierz urząd albo jednostkę z listy.']);
		expect(await refused({ questionTo: office, unitId: library }, librarian)).toEqual([
			'validation',
			'Publikując jako jednostka, wybierz „Nie kieruję do nikogo”.'
		]);
		expect([await count('posts'), await count('questions')]).toEqual(before);
	});

	it('waits from publication, is answered by the first comment of the unit’s staff, shown first and marked', async () => {
		const asked = await ask('Do kiedy można złożyć wniosek o dodatek węglowy?', office);
		expect(asked.status).toBe('published');
		expect(await question(asked.id)).toMatchObject({ unit_id: office, state: 'waiting', answered_at: null });
		// The office's staff hear of it; the card says whom it asks and that it waits.
		expect((await notices(clerk.id, 'question_asked')).map((n) => n.post_id)).toEqual([asked.id]);
		const card = (await listFeed(ctx, null, group, {})).items.find((p) => p.id === asked.id)!;
		expect(card.question).toEqual({
			unit: 'Urząd Gminy Wiskitki',
			state: 'waiting',
			stateLabel: 'czeka na odpowiedź',
			forwardedFrom: null,
			answeredAt: null,
			answerCommentId: null
		});

		// A neighbour's comment, and another unit's staff, do not answer for the office.
		clock.advance(30 * 60_000);
		const guess = await addComment(ctx, neighbour, asked.id, { body: 'Chyba do końca miesiąca?' });
		await addComment(ctx, librarian, asked.id, { body: 'Proszę zapytać w sekretariacie urzędu.' });
		expect((await question(asked.id))?.state).toBe('waiting');

		// The office's clerk answers in a reply to the neighbour: the thread comes first, the reply is marked.
		clock.advance(90 * 60_000);
		const answer = await addComment(ctx, clerk, asked.id, { body: 'Do 15 grudnia, w pokoju 12.', parentId: guess.id });
		const q = await question(asked.id);
		expect(q).toMatchObject({ state: 'answered', answer_comment_id: answer.id });
		expect(q!.answered_at!.toISOString()).toBe(clock.now().toISOString());
		expect(await notices(resident.id, 'question_answered')).toEqual([
			{ post_id: asked.id, comment_id: answer.id, actor_name: 'Urząd Gminy Wiskitki', detail: null }
		]);
		const thread = await listComments(ctx, resident, asked.id);
		expect(thread[0].id).toBe(guess.id);
		expect(thread[0].replies.map((r) => [r.body, r.officialAnswer])).toEqual([['Do 15 grudnia, w pokoju 12.', true]]);
		expect(thread.slice(1).every((c) => !c.officialAnswer)).toBe(true);
		const { post } = await getPost(ctx, resident, asked.id);
		expect(post.question).toMatchObject({ state: 'answered', stateLabel: 'odpowiedziano', answerCommentId: answer.id });

		// A later comment of the staff changes nothing.
		clock.advance(60_000);
		await addComment(ctx, clerk, asked.id, { body: 'Uzupełnienie: wnioski także przez ePUAP.' });
		expect((await question(asked.id))?.answer_comment_id).toBe(answer.id);
		expect(await notices(resident.id, 'question_answered')).toHaveLength(1);
	});

	it('is forwarded by the unit asked or the coordinator only, then answered by the new unit', async () => {
		const asked = await ask('Czy biblioteka będzie otwarta w Wigilię?', office);
		const got: Record<string, string> = {};
		const people: Record<string, Actor | null> = {
			anonymous: null,
			resident,
			neighbour,
			librarian,
			moderator,
			operator
		};
		for (const [who, actor] of Object.entries(people))
			got[who] = await outcome(() => forwardQuestion(ctx, actor, asked.id, library));
		expect(got).toEqual({
			anonymous: 'unauthenticated',
			resident: 'forbidden',
			neighbour: 'forbidden',
			librarian: 'forbidden',
			moderator: 'forbidden',
			// The operator acts for every municipality, as in the rest of the office's tools.
			operator: 'ok'
		});
		// The operator moved it: back to the office, then the clerk forwards it properly.
		await ctx.db
			.updateTable('questions')
			.set({ unit_id: office, state: 'waiting', forwarded_from: null, forwarded_at: null })
			.where('post_id', '=', asked.id)
			.execute();
		expect(await forwardChoices(ctx, resident, asked.id)).toBeNull();
		expect((await forwardChoices(ctx, clerk, asked.id))?.map((u) => u.name)).toEqual(['Biblioteka Publiczna']);
		expect(await outcome(() => forwardQuestion(ctx, clerk, asked.id, office))).toBe('validation');
		expect(await outcome(() => forwardQuestion(ctx, clerk, asked.id, otherCommune))).toBe('validation');
		expect(await outcome(() => forwardQuestion(ctx, clerk, 'abc', library))).toBe('not_found');
		expect(await forwardQuestion(ctx, clerk, asked.id, library)).toEqual({ unit: 'Biblioteka Publiczna' });
		expect(await question(asked.id)).toMatchObject({ state: 'forwarded', unit_id: library, forwarded_from: office });
		expect((await notices(resident.id, 'question_forwarded')).at(-1)).toMatchObject({
			post_id: asked.id,
			actor_name: 'Urząd Gminy Wiskitki',
			detail: 'Biblioteka Publiczna'
		});
		expect((await notices(librarian.id, 'question_asked')).map((n) => n.post_id)).toContain(asked.id);
		// Now the office may no longer forward it; the library answers it.
		expect(await outcome(() => forwardQuestion(ctx, clerk, asked.id, office))).toBe('forbidden');
		await addComment(ctx, clerk, asked.id, { body: 'Przekazaliśmy do biblioteki.' });
		expect((await question(asked.id))?.state).toBe('forwarded');
		clock.advance(27 * 3_600_000);
		await addComment(ctx, librarian, asked.id, { body: 'W Wigilię zamknięte, zapraszamy 27 grudnia.' });
		expect((await question(asked.id))?.state).toBe('answered');
		expect(await outcome(() => forwardQuestion(ctx, librarian, asked.id, office))).toBe('conflict');
	});

	it('lists open questions with their age in working days, for the unit and for the coordinator', async () => {
		clock.set('2026-12-04T10:00:00Z'); // Friday
		const asked = await ask('Czy w bibliotece są jeszcze miejsca na warsztaty?', library);
		clock.set('2026-12-08T12:00:00Z'); // Tuesday: Monday and Tuesday have passed
		const open = await unitOpenQuestions(ctx, library);
		expect(open.map((q) => [q.postId, q.workingDays, q.overdue])).toEqual([[asked.id, 2, false]]);
		expect((await unitWorkspace(ctx, librarian, library)).questions.map((q) => q.postId)).toEqual([asked.id]);
		expect((await unitWorkspace(ctx, clerk, office)).questions).toEqual([]);
		const people: Record<string, Actor | null> = { anonymous: null, resident, clerk, librarian, coordinator, operator };
		const got: Record<string, string> = {};
		for (const [who, actor] of Object.entries(people))
			got[who] = await outcome(() => officeQuestions(ctx, actor, '1438053'));
		expect(got).toEqual({
			anonymous: 'unauthenticated',
			resident: 'forbidden',
			clerk: 'forbidden',
			librarian: 'forbidden',
			coordinator: 'ok',
			operator: 'ok'
		});
		const all = await officeQuestions(ctx, coordinator, null);
		expect(all.municipality.code).toBe('1438053');
		expect(all.questions.map((q) => [q.unit, q.excerpt])).toEqual([
			['Biblioteka Publiczna', 'Czy w bibliotece są jeszcze miejsca na warsztaty?']
		]);
	});

	it('reminds the coordinators and the unit once, after two working days', async () => {
		// Asked on Friday 4 December: Monday and Tuesday are its two working days; due Wednesday at 8:00.
		const asked = (await unitOpenQuestions(ctx, library))[0];
		expect(answerDueAt(new Date(asked.askedAt)).toISOString()).toBe('2026-12-09T07:00:00.000Z');
		clock.set('2026-12-09T06:30:00Z');
		expect(await remindOverdueQuestions(ctx)).toBe(0);
		clock.set('2026-12-09T07:10:00Z');
		expect(await remindOverdueQuestions(ctx)).toBe(1);
		expect(await remindOverdueQuestions(ctx)).toBe(0);
		const mails = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'subject', 'body_text'])
			.where('subject', 'like', '%2 dni robocze%')
			.execute();
		expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
			['koordynator@t.pl', 'Pytanie mieszkańca czeka na odpowiedź ponad 2 dni robocze – gmina Wiskitki']
		]);
		expect(mails[0].body_text).toContain(
			'- do: Biblioteka Publiczna (zadane 04.12.2026): „Czy w bibliotece są jeszcze'
		);
		expect(mails[0].body_text).toContain(`/g/wiskitki/p/${asked.postId}`);
		expect((await notices(coordinator.id, 'question_overdue')).map((n) => n.post_id)).toEqual([asked.postId]);
		expect((await notices(librarian.id, 'question_overdue')).map((n) => n.post_id)).toEqual([asked.postId]);
		expect((await unitOpenQuestions(ctx, library))[0].overdue).toBe(true);
	});

	it('held by moderation, waits from its approval, when the unit hears of it', async () => {
		await ctx.db.updateTable('groups').set({ member_posts_need_approval: true }).where('id', '=', group.id).execute();
		group = await getGroup(ctx.db, 'wiskitki');
		try {
			const asked = await ask('Czy urząd wydaje worki na odpady zielone?', office);
			expect(asked.status).toBe('pending');
			expect((await notices(clerk.id, 'question_asked')).map((n) => n.post_id)).not.toContain(asked.id);
			expect((await unitOpenQuestions(ctx, office)).map((q) => q.postId)).not.toContain(asked.id);
			await decidePost(ctx, moderator, asked.id, { decision: 'approve' });
			expect((await notices(clerk.id, 'question_asked')).map((n) => n.post_id)).toContain(asked.id);
			const open = (await unitOpenQuestions(ctx, office)).find((q) => q.postId === asked.id)!;
			expect(open.askedAt).toBe(clock.now().toISOString());
			await ctx.db.deleteFrom('posts').where('id', '=', asked.id).execute();
		} finally {
			await ctx.db
				.updateTable('groups')
				.set({ member_posts_need_approval: false })
				.where('id', '=', group.id)
				.execute();
			group = await getGroup(ctx.db, 'wiskitki');
		}
	});

	it('asks nobody once its author moves it out of "Pytania"', async () => {
		const asked = await ask('Czy ktoś wie, gdzie oddać stare meble?', office);
		expect(await question(asked.id)).toBeDefined();
		await editPost(ctx, resident, asked.id, { body: 'Oddam stare meble, odbiór w Guzowie.', category: 'classifieds' });
		expect(await question(asked.id)).toBeUndefined();
		expect((await getPost(ctx, resident, asked.id)).post.question).toBeNull();
		expect((await unitOpenQuestions(ctx, office)).map((q) => q.postId)).not.toContain(asked.id);
		await ctx.db.deleteFrom('posts').where('id', '=', asked.id).execute();
	});

	it('counts asked and answered questions and the median time to answer, in the report and on the public page', async () => {
		const december = await questionFigures(
			ctx.db,
			group.id,
			new Date('2026-12-01T00:00:00Z'),
			new Date('2027-01-01T00:00:00Z')
		);
		// Three questions: answered after 2 h and after ~27 h (forwarded), one still open.
		expect(december.asked).toBe(3);
		expect(december.answered).toBe(2);
		expect(december.medianMinutes).toBeGreaterThan(120);
		const report = await unitReport(ctx, 'wiskitki', '2026-12', 1);
		const month = (name: string) => report.units.find((u) => u.name === name)?.months[0];
		expect(month('Urząd Gminy Wiskitki')).toMatchObject({ questions: 1, answered: 1, medianReplyMinutes: 120 });
		expect(month('Biblioteka Publiczna')).toMatchObject({ questions: 2, answered: 1 });
		forgetPublicStats();
		const page = await municipalityPage(ctx, 'wiskitki');
		expect(page.questions90).toMatchObject({ asked: 3, answered: 2 });
		expect(page.questions90.medianLabel).not.toBe('—');
	});
});
