import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { editPost } from '../feed/authoring';
import { listNotifications } from '../notify/notifications';
import { listOutbox } from '../notify/outbox';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { automationStatement } from './automation';
import { getStatement } from './decisions';
import { decidePost } from './content-decisions';
import { decideReports, fileReport } from './reports';

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
