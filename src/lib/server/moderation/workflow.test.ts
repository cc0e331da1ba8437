import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { addComment, listComments } from '../feed/comments';
import { setPostReaction } from '../feed/engagement';
import { getPost } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { listNotifications } from '../notify/notifications';
import { listOutbox } from '../notify/outbox';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { decideAppeal, fileAppeal, getStatement } from './decisions';
import { searchLog } from './log-view';
import { listQueue } from './queue';
import { decidePost, resubmitPost } from './content-decisions';
import { decideReports, fileReport } from './reports';
import { imposeSanction, liftSanction, listSanctions } from './sanctions';
import { parsePeriod, transparencyReport } from './transparency';
import { addWord, listWords, removeWord } from './word-lists';

const DAY = 86_400_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, modA: Actor, modB: Actor, anna: Actor, jan: Actor, ewa: Actor, piotr: Actor, editor: Actor;
let group: Group;
let unitId: string;
let n = 0;

async function member(name: string): Promise<Actor> {
	const a = await makeUser(ctx, `${name.toLowerCase().replace(/\s+/g, '.')}${++n}@t.pl`, { name });
	await requestMembership(ctx, a, group, 'Mieszkam w gminie');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

const report = (a: Actor, target: { postId?: string; commentId?: string }, extra: Record<string, unknown> = {}) =>
	fileReport(ctx, a, {
		...target,
		ground: 'insult',
		explanation: 'Obraża sąsiadów z ulicy Szkolnej.',
		name: a.displayName,
		email: `${a.id}@zglaszajacy.pl`,
		goodFaith: true,
		...extra
	});

async function publishedPost(author: Actor = modA, body = 'Zebranie wiejskie w Guzowie w piątek o 18:00.') {
	return (await createPost(ctx, author, group, { body, category: 'municipal' })).id;
}

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true, name: 'Operator' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	modA = await member('Moderator A');
	modB = await member('Moderator B');
	await ctx.db
		.updateTable('memberships')
		.set({ role: 'moderator' })
		.where('user_id', 'in', [modA.id, modB.id])
		.execute();
	anna = await member('Anna');
	jan = await member('Jan');
	ewa = await member('Ewa');
	piotr = await member('Piotr');
	editor = await makeUser(ctx, 'redakcja@szkola.pl', { name: 'Redakcja SP' });
	unitId = (
		await ctx.db
			.insertInto('units')
			.values({
				municipality_code: '1438053',
				slug: 'sp',
				name: 'Szkoła Podstawowa',
				type: 'primarySchool',
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await ctx.db.insertInto('unit_members').values({ unit_id: unitId, user_id: editor.id, role: 'editor' }).execute();
	clock.advance(30 * DAY);
});
afterAll(async () => database?.close());

describe("a group's word list", () => {
	it('rejects bad entries with a clear message and stores nothing', async () => {
		await expect(addWord(ctx, modA, group, { pattern: '(a+)+', isRegex: true, action: 'hold' })).rejects.toMatchObject({
			code: 'validation',
			fields: { pattern: expect.stringContaining('Zagnieżdżone') }
		});
		await expect(addWord(ctx, modA, group, { pattern: '[abc', isRegex: true, action: 'hold' })).rejects.toMatchObject({
			code: 'validation',
			fields: { pattern: expect.stringContaining('wyrażenie regularne') }
		});
		await expect(addWord(ctx, modA, group, { pattern: 'x?', isRegex: true, action: 'hold' })).rejects.toMatchObject({
			code: 'validation',
			fields: { pattern: expect.stringContaining('pustego') }
		});
		await expect(addWord(ctx, modA, group, { pattern: '!!!', action: 'hold' })).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(addWord(ctx, modA, group, { pattern: 'dzban', action: 'zrob-cos' })).rejects.toMatchObject({
			code: 'validation',
			fields: { action: expect.any(String) }
		});
		await expect(addWord(ctx, anna, group, { pattern: 'dzban', action: 'hold' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect(await listWords(ctx, modA, group)).toEqual([]);
	});

	it('holds, blocks, flags and allows, ignoring case and diacritics for plain words', async () => {
		await addWord(ctx, modA, group, { pattern: 'dzban*', action: 'hold' });
		await expect(addWord(ctx, modA, group, { pattern: 'dzban*', action: 'hold' })).rejects.toMatchObject({
			code: 'conflict'
		});
		await addWord(ctx, modA, group, { pattern: 'blik na telefon', action: 'block' });
		await addWord(ctx, modA, group, { pattern: 'wysypisk*', action: 'flag' });
		await addWord(ctx, modA, group, { pattern: '\\bPiS\\b', isRegex: true, action: 'allow' });
		const postId = await publishedPost();

		const held = await addComment(ctx, anna, postId, { body: 'Ale z niego DZBANY.' });
		expect(held.status).toBe('pending');
		expect(held.reasons.join(' ')).toContain('„DZBANY”');

		// A unit publishes at once, unless a block entry matches; then moderators are alerted.
		const unitPost = await createPost(ctx, editor, group, {
			body: 'Wyślij kod BLIK na telefon dyrekcji.',
			category: 'education',
			unitId
		});
		expect(unitPost.status).toBe('pending');
		const alerts = (await listNotifications(ctx, modB)).filter((x) => x.kind === 'moderation_alert');
		expect(alerts[0].detail).toContain('Pilne');
		expect((await listOutbox(ctx.db, { recipient: modB.email }))[0].subject).toContain('Pilne');

		// A flagged word publishes, puts the post in the queue's review list and tells moderators.
		const flagged = await createPost(ctx, editor, group, {
			body: 'Nielegalne wysypisko przy drodze do Nowych Kęsz zostało uprzątnięte.',
			category: 'education',
			unitId
		});
		expect(flagged.status).toBe('published');
		expect((await listQueue(ctx, modA, group)).flagged.map((i) => i.id)).toContain(flagged.id);
		expect((await listNotifications(ctx, modA))[0]).toMatchObject({
			kind: 'moderation_alert',
			detail: expect.stringContaining('wysypisko')
		});

		// "allow" removes the engine's finding it covers (here: a party acronym in a local matter).
		const allowed = await createPost(ctx, editor, group, {
			body: 'Radny z PiS odwiedził naszą szkołę.',
			category: 'education',
			unitId
		});
		const { post } = await getPost(ctx, editor, allowed.id);
		expect(post.status).toBe('published');
		const stored = await ctx.db
			.selectFrom('posts')
			.select('findings')
			.where('id', '=', allowed.id)
			.executeTakeFirstOrThrow();
		expect(stored.findings.filter((f) => f.category === 'national_politics')).toEqual([]);
	});

	it('keeps an audit line for every change, searchable', async () => {
		const words = await listWords(ctx, modA, group);
		await removeWord(ctx, modA, group, words.find((w) => w.pattern === 'dzban*')!.id);
		await expect(removeWord(ctx, modA, group, '999999')).rejects.toMatchObject({ code: 'not_found' });
		const { lines } = await searchLog(ctx, modA, group, { q: 'dzban' });
		// The word is found in the list changes and in the content held because of it.
		expect(lines.map((l) => l.action)).toEqual(['word_removed', 'hold', 'word_added']);
		expect((await searchLog(ctx, modA, group, { action: 'word_added' })).lines).toHaveLength(4);
		await expect(searchLog(ctx, modA, group, { from: '26.11.2026' })).rejects.toMatchObject({ code: 'validation' });
		await expect(searchLog(ctx, anna, group, {})).rejects.toMatchObject({ code: 'forbidden' });
		// Membership decisions are moderation actions too.
		expect((await searchLog(ctx, modA, group, { action: 'member_approved', q: 'Anna' })).lines).toMatchObject([
			{ actorName: 'Operator', subjectName: 'Anna' }
		]);
	});
});

describe('new members', () => {
	it('are always held for the days the group sets, then follow the normal policy', async () => {
		await ctx.db.updateTable('groups').set({ new_member_days: 7 }).where('id', '=', group.id).execute();
		group = await getGroup(ctx.db, 'wiskitki');
		const newcomer = await member('Nowy');
		const postId = await publishedPost();
		const first = await addComment(ctx, newcomer, postId, { body: 'Dziękuję za informację.' });
		expect(first).toMatchObject({
			status: 'pending',
			reasons: [expect.stringContaining('W pierwszych dniach członkostwa')]
		});
		expect((await addComment(ctx, anna, postId, { body: 'Dziękuję za informację.' })).status).toBe('published');
		clock.advance(8 * DAY);
		expect((await addComment(ctx, newcomer, postId, { body: 'Będę na zebraniu.' })).status).toBe('published');
		await ctx.db.updateTable('groups').set({ new_member_days: 0 }).where('id', '=', group.id).execute();
		group = await getGroup(ctx.db, 'wiskitki');
	});
});

describe('the queue', () => {
	it('shows findings, the author history, and lets a moderator ask for an edit', async () => {
		const { id } = await createPost(ctx, jan, group, {
			body: 'Sprzedam drewno opałowe, tel. 600 700 800, cena 300 zł za metr.',
			category: 'classifieds'
		});
		const queue = await listQueue(ctx, modA, group);
		const item = queue.held.find((i) => i.id === id)!;
		expect(item.author).toMatchObject({ name: 'Jan', held: 1, memberSince: expect.any(String) });
		expect(item.findings.length).toBeGreaterThan(0);
		// A membership approved without a recorded decision (imported data, the demo) is still one.
		const membership = ctx.db.updateTable('memberships').where('user_id', '=', jan.id).where('group_id', '=', group.id);
		const { decided_at } = await ctx.db
			.selectFrom('memberships')
			.select('decided_at')
			.where('user_id', '=', jan.id)
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		await membership.set({ decided_at: null }).execute();
		const undecided = (await listQueue(ctx, modA, group)).held.find((i) => i.id === id)!;
		expect(undecided.author.memberSince).toEqual(expect.any(String));
		await membership.set({ decided_at }).execute();
		await expect(decidePost(ctx, modA, id, { decision: 'ask_edit', reason: '' })).rejects.toMatchObject({
			code: 'validation'
		});
		await decidePost(ctx, modA, id, {
			decision: 'ask_edit',
			reason: 'Usuń numer telefonu — ogłoszenia firm tylko w pakiecie.'
		});
		expect((await getPost(ctx, jan, id)).post.status).toBe('changes_requested');
		expect((await listNotifications(ctx, jan))[0]).toMatchObject({ kind: 'changes_requested' });
		await expect(resubmitPost(ctx, anna, id, { body: 'Cudzy post' })).rejects.toMatchObject({ code: 'forbidden' });
		const again = await resubmitPost(ctx, jan, id, { body: 'Oddam drewno opałowe sąsiadom, szczegóły w wiadomości.' });
		expect(again.status).toBe('pending');
		await expect(resubmitPost(ctx, jan, id, { body: 'Jeszcze raz' })).rejects.toMatchObject({ code: 'conflict' });
		await decidePost(ctx, modB, id, { decision: 'approve' });
		expect((await getPost(ctx, anna, id)).post.status).toBe('published');
		// The log finds the post's decisions by its text, not the lines of comments under it.
		await addComment(ctx, anna, id, { body: 'Chętnie wezmę.' });
		const byText = await searchLog(ctx, modA, group, { q: 'drewno opałowe sąsiadom' });
		expect(byText.lines.map((l) => l.action)).toEqual(['approve', 'hold', 'ask_edit']);
	});
});

describe('reports, hiding, statements and appeals', () => {
	let postId: string;
	let commentId: string;

	it('require the DSA notice fields and change nothing when they are missing', async () => {
		postId = await publishedPost();
		commentId = (
			await addComment(ctx, piotr, postId, {
				body: 'Sklep przy rynku sprzedaje przeterminowane mięso, sprawdzajcie daty.'
			})
		).id;
		await expect(report(anna, { commentId }, { goodFaith: false })).rejects.toMatchObject({
			code: 'validation',
			fields: { goodFaith: expect.stringContaining('dobrej wierze') }
		});
		await expect(report(anna, { commentId }, { explanation: 'zle' })).rejects.toMatchObject({
			code: 'validation',
			fields: { explanation: expect.any(String) }
		});
		await expect(report(anna, { commentId }, { email: 'nie-email' })).rejects.toMatchObject({ code: 'validation' });
		await expect(report(anna, { commentId, postId })).rejects.toMatchObject({ code: 'validation' });
		await expect(report(piotr, { commentId })).rejects.toMatchObject({
			code: 'validation',
			message: expect.stringContaining('własnej')
		});
		expect(await ctx.db.selectFrom('reports').selectAll().execute()).toEqual([]);
	});

	it('acknowledge each notice; distinct members reaching the threshold hide the comment', async () => {
		await ctx.db.updateTable('groups').set({ report_hide_threshold: 2 }).where('id', '=', group.id).execute();
		const first = await report(anna, { commentId });
		expect(first.hidden).toBe(false);
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'report_received',
			detail: expect.stringContaining(`nr ${first.id}`)
		});
		expect((await listOutbox(ctx.db, { recipient: `${anna.id}@zglaszajacy.pl` }))[0].subject).toBe(
			`Potwierdzenie zgłoszenia nr ${first.id}`
		);
		await expect(report(anna, { commentId })).rejects.toMatchObject({ code: 'conflict' });
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(1);

		const second = await report(jan, { commentId });
		expect(second.hidden).toBe(true);
		expect((await listComments(ctx, null, postId)).map((c) => c.id)).not.toContain(commentId);
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(0);
		const statement = (await listNotifications(ctx, piotr)).find((x) => x.kind === 'moderation_decision')!;
		expect(statement.link).toMatch(/^\/decyzje\/\d+$/);
		const view = await getStatement(ctx, piotr, statement.link!.split('/')[2]);
		expect(view).toMatchObject({
			action: 'hide',
			scope: 'comment',
			automatedDecision: true,
			basedOnReport: true,
			canAppeal: true,
			groundText: expect.stringContaining('§ 4 ust. 2')
		});
		await expect(getStatement(ctx, anna, view.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await listOutbox(ctx.db, { recipient: piotr.email }))[0].body_text).toContain(`/decyzje/${view.id}`);
	});

	it("put publishers' notices about their own posts first", async () => {
		const schoolPost = (
			await createPost(ctx, editor, group, { body: 'Dzień otwarty w szkole w sobotę.', category: 'education', unitId })
		).id;
		const rude = (
			await addComment(ctx, jan, schoolPost, { body: 'Zadania domowe w trzeciej klasie są o wiele za trudne.' })
		).id;
		await report(editor, { commentId: rude }, { ground: 'hate' });
		const queue = await listQueue(ctx, modA, group);
		expect(queue.reported[0]).toMatchObject({ id: rude, fromPublisher: true });
		expect(queue.reported.map((i) => i.id)).toContain(commentId);
		await decideReports(ctx, modA, { commentId: rude }, { outcome: 'keep', reason: 'Krytyka, bez naruszenia.' });
		expect((await listNotifications(ctx, editor))[0]).toMatchObject({
			kind: 'report_decided',
			detail: expect.stringContaining('pozostaje widoczny')
		});
	});

	it('a removal can be appealed; only a different moderator decides; reversal restores at once', async () => {
		await expect(
			decideReports(ctx, modA, { commentId }, { outcome: 'remove', ground: 'insult' })
		).rejects.toMatchObject({ code: 'validation' });
		await decideReports(
			ctx,
			modA,
			{ commentId },
			{ outcome: 'remove', ground: 'insult', reason: 'Obraźliwe uogólnienie o mieszkańcach ulicy.' }
		);
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({
			kind: 'report_decided',
			detail: expect.stringContaining('usunięty')
		});
		const removal = (await listNotifications(ctx, piotr)).find((x) => x.kind === 'moderation_decision')!;
		const decisionId = removal.link!.split('/')[2];
		expect((await getStatement(ctx, piotr, decisionId)).action).toBe('remove');

		await expect(fileAppeal(ctx, anna, decisionId, { body: 'Nie moja sprawa, ale...' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(fileAppeal(ctx, piotr, decisionId, { body: 'krótko' })).rejects.toMatchObject({ code: 'validation' });
		await fileAppeal(ctx, piotr, decisionId, { body: 'To była przenośnia, nikogo konkretnego nie obraziłem.' });
		await expect(fileAppeal(ctx, piotr, decisionId, { body: 'Jeszcze raz to samo odwołanie.' })).rejects.toMatchObject({
			code: 'conflict'
		});
		const appeal = (await listQueue(ctx, modB, group)).appeals.find((a) => a.decisionId === decisionId)!;
		expect((await listQueue(ctx, modA, group)).appeals.find((a) => a.id === appeal.id)!.ownDecision).toBe(true);

		await expect(decideAppeal(ctx, modA, appeal.id, true, 'Sam zmieniam zdanie.')).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('inny moderator')
		});
		await expect(decideAppeal(ctx, anna, appeal.id, true, 'Nie jestem moderatorem.')).rejects.toMatchObject({
			code: 'forbidden'
		});
		await decideAppeal(ctx, modB, appeal.id, true, 'Wypowiedź ostra, ale nie narusza regulaminu.');
		expect((await listComments(ctx, null, postId)).map((c) => c.id)).toContain(commentId);
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(1);
		expect((await listNotifications(ctx, piotr))[0]).toMatchObject({
			kind: 'appeal_decided',
			detail: expect.stringContaining('Uwzględniliśmy')
		});
		expect((await getStatement(ctx, piotr, decisionId)).appeal).toMatchObject({ status: 'reversed' });
		await expect(decideAppeal(ctx, modB, appeal.id, false, 'Drugi raz to samo.')).rejects.toMatchObject({
			code: 'conflict'
		});
	});

	it('closes appeals six months after the decision', async () => {
		const { id } = await createPost(ctx, jan, group, { body: 'Reklama mojego sklepu.', category: 'other' });
		await decidePost(ctx, modA, id, {
			decision: 'reject',
			ground: 'commercial',
			reason: 'Reklama firm tylko w pakiecie.'
		});
		const decisionId = (await listNotifications(ctx, jan))
			.find((x) => x.kind === 'moderation_decision')!
			.link!.split('/')[2];
		clock.advance(184 * DAY);
		await expect(fileAppeal(ctx, jan, decisionId, { body: 'Spóźnione odwołanie od decyzji.' })).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('Termin')
		});
	});
});

describe('sanctions', () => {
	it('mute stops posting and commenting until the end date, not reading or reacting', async () => {
		const postId = await publishedPost();
		await expect(
			imposeSanction(ctx, modA, group, {
				userId: jan.id,
				kind: 'mute',
				days: 0,
				ground: 'insult',
				reason: 'Obrażanie innych.'
			})
		).rejects.toMatchObject({ code: 'validation' });
		await expect(
			imposeSanction(ctx, modA, group, {
				userId: modB.id,
				kind: 'mute',
				days: 3,
				ground: 'insult',
				reason: 'Obrażanie innych członków.'
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			imposeSanction(ctx, anna, group, {
				userId: jan.id,
				kind: 'mute',
				days: 3,
				ground: 'insult',
				reason: 'Obrażanie innych członków.'
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await imposeSanction(ctx, modA, group, {
			userId: jan.id,
			kind: 'mute',
			days: 3,
			ground: 'insult',
			reason: 'Obrażanie innych członków grupy.'
		});
		await expect(addComment(ctx, jan, postId, { body: 'Dzień dobry' })).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('wyciszenie')
		});
		await expect(createPost(ctx, jan, group, { body: 'Post', category: 'other' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await setPostReaction(ctx, jan, postId, 'like');
		expect((await listNotifications(ctx, jan))[0]).toMatchObject({
			kind: 'moderation_decision',
			link: expect.stringMatching(/^\/decyzje\//)
		});
		clock.advance(3 * DAY + 1000);
		expect((await addComment(ctx, jan, postId, { body: 'Przepraszam wszystkich.' })).status).toBe('published');
	});

	it('ban ends membership and refuses rejoining; lifting or an upheld appeal reversal restores', async () => {
		const members = (await getGroup(ctx.db, 'wiskitki')).member_count;
		const decisionId = await imposeSanction(ctx, modA, group, {
			userId: ewa.id,
			kind: 'ban',
			days: 30,
			ground: 'hate',
			reason: 'Mowa nienawiści wobec sąsiadów.'
		});
		expect((await getGroup(ctx.db, 'wiskitki')).member_count).toBe(members - 1);
		await expect(requestMembership(ctx, ewa, group, 'Chcę wrócić')).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('wykluczone z tej grupy')
		});
		await fileAppeal(ctx, ewa, decisionId, { body: 'To pomyłka, nie pisałam tego komentarza.' });
		const appeal = (await listQueue(ctx, modB, group)).appeals.find((a) => a.decisionId === decisionId)!;
		await decideAppeal(ctx, modB, appeal.id, true, 'Konto zostało przejęte, wyjaśnione.');
		expect((await getGroup(ctx.db, 'wiskitki')).member_count).toBe(members);
		expect((await listSanctions(ctx, modA, group, ewa.id))[0]).toMatchObject({ kind: 'ban', active: false });
		expect((await addComment(ctx, ewa, await publishedPost(), { body: 'Dziękuję.' })).status).toBe('published');

		await imposeSanction(ctx, modA, group, {
			userId: anna.id,
			kind: 'suspend',
			days: 10,
			ground: 'other',
			reason: 'Zawieszenie na czas wyjaśnień.'
		});
		const suspension = (await listSanctions(ctx, modA, group, anna.id))[0];
		await liftSanction(ctx, modB, group, suspension.id);
		await expect(liftSanction(ctx, modB, group, suspension.id)).rejects.toMatchObject({ code: 'not_found' });
		expect((await addComment(ctx, anna, await publishedPost(), { body: 'Dziękuję.' })).status).toBe('published');
	});
});

describe('the transparency report', () => {
	it('counts notices, actions by type and ground, automated share, decision time and appeals', async () => {
		const r = await transparencyReport(
			ctx.db,
			parsePeriod({ od: '2026-01-01', do: '2027-12-31' }, clock.now()),
			group.id
		);
		expect(r.notices).toMatchObject({ total: 3, fromPublishers: 1 });
		expect(r.notices.byGround.find((g) => g.key === 'insult')?.count).toBe(2);
		const byType = Object.fromEntries(r.actions.byType.map((c) => [c.key, c.count]));
		expect(byType).toMatchObject({ hide: 1, remove: 1, mute: 1, ban: 1, suspend: 1, ask_edit: 1 });
		expect(r.automated.decided).toBeGreaterThanOrEqual(2);
		expect(r.automated.total).toBe(r.actions.total);
		expect(r.medianMinutesToDecision).not.toBeNull();
		expect(r.appeals).toMatchObject({ received: 2, reversed: 2, upheld: 0, open: 0 });
		const all = await transparencyReport(ctx.db, parsePeriod({ od: '2026-01-01', do: '2027-12-31' }, clock.now()));
		expect(all.notices.total).toBe(3);
		const empty = await transparencyReport(
			ctx.db,
			parsePeriod({ od: '2020-01-01', do: '2020-01-31' }, clock.now()),
			group.id
		);
		expect(empty).toMatchObject({ notices: { total: 0 }, actions: { total: 0 }, medianMinutesToDecision: null });
		expect(() => parsePeriod({ od: '2026-02-01', do: '2026-01-01' }, clock.now())).toThrow('Początek okresu');
	});
});
