import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { addComment } from '../feed/comments';
import { formatDate } from '../../format';
import { editPost } from '../feed/authoring';
import { listNotifications } from '../notify/notifications';
import { listOutbox } from '../notify/outbox';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { automationStatement } from './automation';
import { getStatement } from './decisions';
import { decidePost } from './content-decisions';
import { decideReports, fileReport } from './reports';
import { imposeSanction } from './sanctions';
import { addWord } from './word-lists';

const DAY = 86_400_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, moderator: Actor, anna: Actor, jan: Actor;
let group: Group;

async function member(email: string, name: string): Promise<Actor> {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, group, 'Mieszkam w gminie');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

/** The statement of reasons the author got last: the page's view and the e-mail's text. */
async function lastStatement(author: Actor) {
	const n = (await listNotifications(ctx, author)).find((x) => x.kind === 'moderation_decision')!;
	const view = await getStatement(ctx, author, n.link!.split('/')[2]);
	const mail = (await listOutbox(ctx.db, { recipient: author.email }))[0];
	return { view, mail: mail.body_text };
}

const reject = (postId: string) =>
	decidePost(ctx, moderator, postId, { decision: 'reject', ground: 'vulgarity', reason: 'Wulgaryzmy w poście.' });

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
	await ctx.db
		.updateTable('groups')
		.set({ member_posts_need_approval: true, new_member_days: 0 })
		.where('id', '=', group.id)
		.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	moderator = await member('mod@t.pl', 'Moderatorka');
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	anna = await member('anna@t.pl', 'Anna');
	jan = await member('jan@t.pl', 'Jan');
	clock.advance(30 * DAY);
});
afterAll(async () => database?.close());

describe('automationStatement', () => {
	it('names automated detection and decision, or the person, in plain words', () => {
		expect(automationStatement({ automatedDetection: true, automatedDecision: true, basedOnReport: false })).toEqual({
			detection: expect.stringContaining('wykrył automatyczny system moderacji'),
			decision: expect.stringContaining('Decyzję podjął automatyczny system')
		});
		const human = automationStatement({ automatedDetection: false, automatedDecision: false, basedOnReport: true });
		expect(human.detection).toContain('zgłosiła osoba');
		expect(human.detection).toContain('nie użyto środków zautomatyzowanych');
		expect(human.decision).toContain('osoba moderująca');
	});
});

describe('a statement of reasons says whether automated means detected the content', () => {
	it('held by the engine when it was sent: automated detection, a human decision', async () => {
		const held = await createPost(ctx, anna, group, { body: 'Ale zajebisty festyn, kurwa!', category: 'other' });
		expect(held.status).toBe('pending');
		await reject(held.id);
		const { view, mail } = await lastStatement(anna);
		expect(view).toMatchObject({ automatedDetection: true, automatedDecision: false, basedOnReport: false });
		expect(view.automation.detection).toContain('wykrył automatyczny system moderacji');
		expect(view.automation.decision).toContain('osoba moderująca');
		expect(mail).toContain(view.automation.detection);
		expect(mail).toContain(view.automation.decision);
	});

	it('held only by the group policy (members wait for approval): not automated', async () => {
		const held = await createPost(ctx, jan, group, { body: 'Sprzedam rower, stan dobry.', category: 'other' });
		expect(held.status).toBe('pending');
		await reject(held.id);
		const { view, mail } = await lastStatement(jan);
		expect(view).toMatchObject({ automatedDetection: false, automatedDecision: false });
		expect(view.automation.detection).toContain('nie użyto środków zautomatyzowanych');
		expect(mail).toContain(view.automation.detection);
		expect(mail).not.toContain('wykrył automatyczny');
	});

	it('held by the engine, then edited clean: the current text was not detected automatically', async () => {
		const held = await createPost(ctx, anna, group, { body: 'Co za kurwa bałagan na rynku.', category: 'other' });
		clock.advance(60_000);
		await editPost(ctx, anna, held.id, { body: 'Co za bałagan na rynku.', category: 'other' });
		await reject(held.id);
		const { view } = await lastStatement(anna);
		expect(view.automatedDetection).toBe(false);
	});

	it('reported by a person and removed by a moderator: not automated, and says a person reported it', async () => {
		const post = await createPost(ctx, moderator, group, { body: 'Zebranie wiejskie w piątek.', category: 'other' });
		await fileReport(ctx, jan, {
			postId: post.id,
			ground: 'insult',
			explanation: 'Ten post obraża mieszkańców wsi.',
			name: 'Jan',
			email: 'jan@t.pl',
			goodFaith: true
		});
		await ctx.db.updateTable('memberships').set({ role: 'member' }).where('user_id', '=', moderator.id).execute();
		const second = await member('mod2@t.pl', 'Druga osoba moderująca');
		await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', second.id).execute();
		await decideReports(ctx, second, { postId: post.id }, { outcome: 'remove', ground: 'insult', reason: 'Obraża.' });
		const { view, mail } = await lastStatement(moderator);
		expect(view).toMatchObject({ automatedDetection: false, automatedDecision: false, basedOnReport: true });
		expect(view.automation.detection).toContain('zgłosiła osoba');
		expect(mail).toContain(view.automation.detection);
	});
});

describe('a sanction’s statement says what it was imposed for and how that came to the moderators', () => {
	let postId: string;
	const sanction = (who: Actor, basis: { postId?: string; commentId?: string } = {}, kind = 'warn') =>
		imposeSanction(ctx, moderator, group, {
			userId: who.id,
			kind,
			days: 7,
			ground: 'insult',
			reason: 'Obraźliwe wpisy wobec sąsiadów.',
			...basis
		});
	const report = (by: Actor, target: { postId?: string; commentId?: string }) =>
		fileReport(ctx, by, {
			...target,
			ground: 'insult',
			explanation: 'Obraża sąsiadów z ulicy Szkolnej.',
			name: by.displayName,
			email: by.email,
			goodFaith: true
		});

	beforeAll(async () => {
		await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
		postId = (await createPost(ctx, moderator, group, { body: 'Festyn w Guzowie w sobotę.', category: 'other' })).id;
	});

	it('for a comment the engine held: automated detection; the kind and end said once, in the decision', async () => {
		const ola = await member('ola@t.pl', 'Ola');
		const held = await addComment(ctx, ola, postId, { body: 'Zajebisty bałagan na tym festynie!' });
		expect(held.status).toBe('pending');
		const decisionId = await sanction(ola, { commentId: held.id }, 'mute');
		const { view, mail } = await lastStatement(ola);
		expect(view).toMatchObject({
			id: decisionId,
			scope: 'account',
			sanctionFor: 'comment',
			automatedDetection: true,
			automatedDecision: false,
			basedOnReport: false,
			facts: 'Obraźliwe wpisy wobec sąsiadów.',
			href: `/g/wiskitki/p/${postId}#k${held.id}`,
			excerpt: 'Zajebisty bałagan na tym festynie!'
		});
		expect(view.automation.detection).toBe(
			'Sankcję nałożono w związku z komentarzem, który wykrył automatyczny system moderacji, gdy został wysłany (użyto środków zautomatyzowanych).'
		);
		expect(mail).toContain(view.automation.detection);
		expect(mail).not.toContain('osoba moderująca grupę nałożyła');
		const until = formatDate(new Date(clock.now().getTime() + 7 * DAY));
		expect(mail).toContain(`Twoje konto w grupie „Wiskitki” nie może publikować ani komentować do ${until}.`);
		expect(mail).toContain('Uzasadnienie: Obraźliwe wpisy wobec sąsiadów.\n');
		expect(mail.split(until)).toHaveLength(2);
		expect(mail).not.toContain('wyciszenie');
	});

	it('for a post a person reported: the notice, no automated means', async () => {
		const piotr = await member('piotr@t.pl', 'Piotr');
		const post = await createPost(ctx, piotr, group, { body: 'Sąsiedzi z Szkolnej to banda.', category: 'other' });
		await decidePost(ctx, moderator, post.id, { decision: 'approve' });
		await report(jan, { postId: post.id });
		await sanction(piotr, { postId: post.id });
		const { view, mail } = await lastStatement(piotr);
		expect(view).toMatchObject({ sanctionFor: 'post', automatedDetection: false, basedOnReport: true });
		expect(view.href).toBe(`/g/wiskitki/p/${post.id}`);
		expect(view.automation.detection).toBe(
			'Sankcję nałożono w związku z postem, który zgłosiła osoba korzystająca z serwisu; do jego wykrycia nie użyto środków zautomatyzowanych.'
		);
		expect(mail).toContain(view.automation.detection);
		expect(mail).toContain('otrzymało ostrzeżenie ważne do');
	});

	it('for a comment published with a word the group watches: the engine flagged it', async () => {
		await addWord(ctx, moderator, group, { pattern: 'bazarek', isRegex: false, action: 'flag' });
		const ewa = await member('ewa@t.pl', 'Ewa');
		const flagged = await addComment(ctx, ewa, postId, { body: 'Czy ktoś wie, kiedy otwierają bazarek w Guzowie?' });
		expect(flagged).toMatchObject({ status: 'published', reasons: [] });
		await sanction(ewa, { commentId: flagged.id });
		const { view } = await lastStatement(ewa);
		expect(view).toMatchObject({ sanctionFor: 'comment', automatedDetection: true, basedOnReport: false });
	});

	it('for a comment nobody reported and the engine let through: the moderator’s own initiative', async () => {
		const adam = await member('adam@t.pl', 'Adam');
		const clean = await addComment(ctx, adam, postId, { body: 'Ci z Guzowa jak zwykle się wymądrzają.' });
		expect(clean.status).toBe('published');
		await sanction(adam, { commentId: clean.id });
		const { view, mail } = await lastStatement(adam);
		expect(view).toMatchObject({ sanctionFor: 'comment', automatedDetection: false, basedOnReport: false });
		expect(view.automation.detection).toBe(
			'Osoba moderująca grupę nałożyła sankcję z własnej inicjatywy, w związku z komentarzem, który zauważyła; do jego wykrycia nie użyto środków zautomatyzowanych.'
		);
		expect(mail).toContain(view.automation.detection);
	});

	it('for nothing in particular: the moderator’s own initiative, no link', async () => {
		const kasia = await member('kasia@t.pl', 'Kasia');
		await sanction(kasia);
		const { view, mail } = await lastStatement(kasia);
		expect(view).toMatchObject({ sanctionFor: null, href: null, excerpt: null, basedOnReport: false });
		expect(view.automation.detection).toBe(
			'Osoba moderująca grupę nałożyła sankcję z własnej inicjatywy; nie użyto środków zautomatyzowanych.'
		);
		expect(mail).toContain(view.automation.detection);
	});

	it('refuses content the person did not write, or of another group, and writes nothing', async () => {
		const tomek = await member('tomek@t.pl', 'Tomek');
		const others = await addComment(ctx, jan, postId, { body: 'Dzień dobry sąsiedzi.' });
		const before = await ctx.db
			.selectFrom('sanctions')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await expect(sanction(tomek, { commentId: others.id })).rejects.toMatchObject({ code: 'validation' });
		await expect(sanction(tomek, { postId })).rejects.toMatchObject({ code: 'validation' });
		await expect(sanction(tomek, { commentId: '999999' })).rejects.toMatchObject({ code: 'validation' });
		const after = await ctx.db
			.selectFrom('sanctions')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});

describe('the statement says each fact once', () => {
	it('a report is said once, in the sentence on how the content came up', async () => {
		const view = await getStatement(
			ctx,
			operator,
			(
				await ctx.db
					.selectFrom('moderation_log')
					.select('id')
					.where('restriction', '=', true)
					.where('report_id', 'is not', null)
					.where('action', '=', 'remove')
					.executeTakeFirstOrThrow()
			).id
		);
		const said = [view.facts, view.automation.detection, view.automation.decision].join(' ');
		expect(said.match(/zgłosi/g)).toHaveLength(1);
	});
});
