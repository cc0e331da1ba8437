import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { decideComment, decidePost } from '../moderation/content-decisions';
import { getStatement } from '../moderation/decisions';
import { listNotifications } from '../notify/notifications';
import { createPost } from './create-post';
import { addComment, listComments } from './comments';
import { editComment } from './comment-authoring';
import { getPost } from './feed-query';
import { reviseHeldComment, reviseHeldPost } from './revise-held';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, anna: Actor, jan: Actor;
let group: Group;

async function member(email: string, name: string): Promise<Actor> {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, group, 'Mieszkam w gminie');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

const status = async (id: string) =>
	await ctx.db
		.selectFrom('posts')
		.select(['status', 'body', 'edited_at'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

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
		.set({ member_posts_need_approval: false, new_member_days: 0 })
		.where('id', '=', group.id)
		.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	anna = await member('anna@t.pl', 'Anna');
	jan = await member('jan@t.pl', 'Jan');
	clock.advance(86_400_000);
});
afterAll(async () => database?.close());

describe('"Popraw i wyślij ponownie"', () => {
	it('a post held for a word says which, and appears at once when the word is changed', async () => {
		const held = await createPost(ctx, anna, group, { body: 'Zajebisty festyn w Guzowie!', category: 'other' });
		expect(held).toMatchObject({
			status: 'pending',
			reasons: ['Słowo „Zajebisty” zatrzyma post. Zmień je, a post ukaże się od razu.']
		});
		// Another person cannot, and bad input changes nothing.
		await expect(
			reviseHeldPost(ctx, jan, held.id, { body: 'Świetny festyn', category: 'other' })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(reviseHeldPost(ctx, anna, held.id, { body: '  ', category: 'other' })).rejects.toMatchObject({
			code: 'validation'
		});
		expect((await status(held.id)).body).toBe('Zajebisty festyn w Guzowie!');

		const still = await reviseHeldPost(ctx, anna, held.id, { body: 'Zajebisty festyn!', category: 'other' });
		expect(still.status).toBe('pending');
		const fixed = await reviseHeldPost(ctx, anna, held.id, { body: 'Świetny festyn w Guzowie!', category: 'other' });
		expect(fixed).toMatchObject({ id: held.id, status: 'published', reasons: [] });
		expect(await status(held.id)).toMatchObject({ status: 'published', body: 'Świetny festyn w Guzowie!' });
		// Published now: no longer a held post to correct this way.
		await expect(reviseHeldPost(ctx, anna, held.id, { body: 'Inny tekst', category: 'other' })).rejects.toMatchObject({
			code: 'conflict'
		});
	});

	it('is refused once a moderator has decided', async () => {
		const held = await createPost(ctx, anna, group, { body: 'Zajebisty koncert!', category: 'other' });
		await decidePost(ctx, operator, held.id, { decision: 'reject', ground: 'vulgarity', reason: 'Wulgaryzm.' });
		await expect(
			reviseHeldPost(ctx, anna, held.id, { body: 'Świetny koncert!', category: 'other' })
		).rejects.toMatchObject({ code: 'conflict' });
	});
});

describe('"Popraw i wyślij ponownie" for a comment', () => {
	let postId: string;
	const comment = async (id: string, viewer: Actor | null) =>
		(await listComments(ctx, viewer, postId)).flatMap((c) => [c, ...c.replies]).find((c) => c.id === id);
	const count = async () => (await getPost(ctx, null, postId)).post.counts.comments;

	beforeAll(async () => {
		postId = (await createPost(ctx, jan, group, { body: 'Festyn w Guzowie w sobotę', category: 'other' })).id;
	});

	it('a comment held for a word says which; corrected, it appears at once with no trace of the held text', async () => {
		const before = await count();
		const held = await addComment(ctx, anna, postId, { body: 'Zajebisty festyn!' });
		expect(held).toMatchObject({
			status: 'pending',
			reasons: ['Słowo „Zajebisty” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.']
		});
		// Another person cannot, and bad input changes nothing.
		await expect(reviseHeldComment(ctx, jan, held.id, { body: 'Świetny festyn!' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(reviseHeldComment(ctx, null, held.id, { body: 'Świetny festyn!' })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(reviseHeldComment(ctx, anna, held.id, { body: '  ' })).rejects.toMatchObject({ code: 'validation' });
		expect((await comment(held.id, anna))?.body).toBe('Zajebisty festyn!');

		// Still with the word: it keeps waiting, with the reason.
		clock.advance(60_000);
		expect(await reviseHeldComment(ctx, anna, held.id, { body: 'Zajebisty festyn, naprawdę!' })).toEqual({
			id: held.id,
			status: 'pending',
			reasons: ['Słowo „Zajebisty” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.']
		});
		expect(await comment(held.id, jan)).toBeUndefined();
		expect(await count()).toBe(before);

		clock.advance(60_000);
		expect(await reviseHeldComment(ctx, anna, held.id, { body: 'Świetny festyn!' })).toEqual({
			id: held.id,
			status: 'published',
			reasons: []
		});
		expect(await count()).toBe(before + 1);
		// Readers see the comment as if written so: not "edytowano", no history with the held texts.
		expect(await comment(held.id, jan)).toMatchObject({
			body: 'Świetny festyn!',
			status: 'published',
			editedAt: null,
			history: []
		});
		// Published now: no longer a held comment to correct this way (an edit is the way).
		await expect(reviseHeldComment(ctx, anna, held.id, { body: 'Inny tekst' })).rejects.toMatchObject({
			code: 'conflict',
			message: 'Tego komentarza nie można już poprawić w ten sposób — zobacz go pod postem.'
		});
	});

	it('an edit held for a word and corrected keeps only the published text in the history', async () => {
		const { id } = await addComment(ctx, anna, postId, { body: 'Będę na festynie.' });
		clock.advance(60_000);
		expect((await editComment(ctx, anna, id, { body: 'Będę na zajebistym festynie.' })).status).toBe('pending');
		clock.advance(60_000);
		expect((await reviseHeldComment(ctx, anna, id, { body: 'Będę na świetnym festynie.' })).status).toBe('published');
		const seen = await comment(id, jan);
		expect(seen?.editedAt).toBe(clock.now().toISOString());
		expect(seen?.history.map((h) => h.body)).toEqual(['Będę na festynie.']);
	});

	it('is refused once a moderator has decided', async () => {
		const rejected = await addComment(ctx, anna, postId, { body: 'Zajebisty koncert!' });
		await decideComment(ctx, operator, rejected.id, { decision: 'reject', ground: 'vulgarity', reason: 'Wulgaryzm.' });
		await expect(reviseHeldComment(ctx, anna, rejected.id, { body: 'Świetny koncert!' })).rejects.toMatchObject({
			code: 'conflict'
		});
		const approved = await addComment(ctx, anna, postId, { body: 'Zajebisty pokaz!' });
		await decideComment(ctx, operator, approved.id, { decision: 'approve' });
		await expect(reviseHeldComment(ctx, anna, approved.id, { body: 'Świetny pokaz!' })).rejects.toMatchObject({
			code: 'conflict'
		});
		expect((await comment(approved.id, jan))?.body).toBe('Zajebisty pokaz!');
	});

	it('a new member: corrected, the comment still waits for the rule, and its rejection is not put down to the engine', async () => {
		await ctx.db.updateTable('groups').set({ new_member_days: 14 }).where('id', '=', group.id).execute();
		try {
			const newcomer = await member('ola@t.pl', 'Ola');
			const held = await addComment(ctx, newcomer, postId, { body: 'Zajebisty festyn!' });
			// The group holds a newcomer's comment anyway: changing the word does not make it appear at once.
			expect(held.reasons).toEqual(['Słowo „Zajebisty” zatrzyma komentarz. Zmień je.']);
			clock.advance(60_000);
			expect(await reviseHeldComment(ctx, newcomer, held.id, { body: 'Świetny festyn!' })).toEqual({
				id: held.id,
				status: 'pending',
				reasons: [
					'W pierwszych dniach członkostwa w grupie Twoje posty i komentarze ukazują się po akceptacji moderatora.'
				]
			});
			clock.advance(60_000);
			await decideComment(ctx, operator, held.id, { decision: 'reject', ground: 'spam', reason: 'Nie na temat.' });
			const n = (await listNotifications(ctx, newcomer)).find((x) => x.kind === 'moderation_decision')!;
			const statement = await getStatement(ctx, newcomer, n.link!.split('/')[2]);
			expect(statement).toMatchObject({ scope: 'comment', automatedDetection: false });
		} finally {
			await ctx.db.updateTable('groups').set({ new_member_days: 0 }).where('id', '=', group.id).execute();
		}
	});
});
