import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { imposeSanction } from '../moderation/sanctions';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addComment, listComments } from './comments';
import { setCommentReaction } from './engagement';
import { createPost } from './create-post';
import { getPost } from './feed-query';
import { deleteComment, editComment } from './comment-authoring';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let group: Group;
let operator: Actor, moderator: Actor, anna: Actor, jan: Actor;
let postId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	moderator = await makeUser(ctx, 'mod@t.pl', { name: 'Moderatorka' });
	anna = await makeUser(ctx, 'anna@t.pl', { name: 'Anna Nowak' });
	jan = await makeUser(ctx, 'jan@t.pl', { name: 'Jan Kowalski' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	for (const a of [moderator, anna, jan]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	postId = (await createPost(ctx, moderator, group, { body: 'Remont drogi w Guzowie', category: 'municipal' })).id;
}, 180_000);
afterAll(async () => database?.close());

const commentCount = async () => (await getPost(ctx, null, postId)).post.counts.comments;
const find = async (id: string, actor: Actor | null = null) => {
	const all = (await listComments(ctx, actor, postId)).flatMap((c) => [c, ...c.replies]);
	return all.find((c) => c.id === id);
};

describe('editing one’s own comment', () => {
	it('keeps the earlier text in the history and marks the comment edited', async () => {
		const { id } = await addComment(ctx, anna, postId, { body: 'Kiedy koniec remontu?' });
		expect((await find(id))?.editedAt).toBeNull();
		clock.advance(60_000);
		expect(await editComment(ctx, anna, id, { body: 'Kiedy koniec remontu drogi?' })).toEqual({
			status: 'published',
			reasons: []
		});
		clock.advance(60_000);
		await editComment(ctx, anna, id, { body: 'Kiedy będzie koniec remontu drogi?' });
		const c = await find(id);
		expect(c).toMatchObject({ body: 'Kiedy będzie koniec remontu drogi?', status: 'published' });
		expect(c?.editedAt).toBe(clock.now().toISOString());
		expect(c?.history.map((h) => h.body)).toEqual(['Kiedy koniec remontu drogi?', 'Kiedy koniec remontu?']);
		// The same text again changes nothing.
		await editComment(ctx, anna, id, { body: 'Kiedy będzie koniec remontu drogi?' });
		expect((await find(id))?.history).toHaveLength(2);
	});

	it('screens the new text as a new comment: a vulgar edit waits for a moderator and leaves the count', async () => {
		const { id } = await addComment(ctx, anna, postId, { body: 'Świetnie, w końcu!' });
		const before = await commentCount();
		expect(await editComment(ctx, anna, id, { body: 'Zajebiście, w końcu!' })).toEqual({
			status: 'pending',
			reasons: ['Słowo „Zajebiście” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.']
		});
		expect(await commentCount()).toBe(before - 1);
		expect(await find(id)).toBeUndefined();
		expect(await find(id, anna)).toMatchObject({
			status: 'pending',
			reason: 'Słowo „Zajebiście” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.'
		});
		// Corrected, it is published again, as a new clean comment would be.
		expect((await editComment(ctx, anna, id, { body: 'Wspaniale, w końcu!' })).status).toBe('published');
		expect(await commentCount()).toBe(before);
	});

	it('refuses anyone but the author, and bad input, changing nothing', async () => {
		const { id } = await addComment(ctx, anna, postId, { body: 'Mój komentarz' });
		await expect(editComment(ctx, null, id, { body: 'Cudzy' })).rejects.toMatchObject({ code: 'unauthenticated' });
		for (const someone of [jan, moderator, operator])
			await expect(editComment(ctx, someone, id, { body: 'Cudzy' })).rejects.toMatchObject({
				code: 'forbidden',
				message: 'Ten komentarz może zmienić tylko jego autor.'
			});
		await expect(editComment(ctx, anna, id, { body: '   ' })).rejects.toMatchObject({
			code: 'validation',
			message: 'Napisz treść komentarza.'
		});
		await expect(editComment(ctx, anna, id, { body: 'x'.repeat(5001) })).rejects.toMatchObject({ code: 'validation' });
		await expect(editComment(ctx, anna, '999999', { body: 'Nowy' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(editComment(ctx, anna, 'abc', { body: 'Nowy' })).rejects.toMatchObject({ code: 'not_found' });
		expect(await find(id)).toMatchObject({ body: 'Mój komentarz', editedAt: null, history: [] });
	});

	it('needs the right to comment: a muted author may not edit, but may delete', async () => {
		const muted = await makeUser(ctx, 'ola@t.pl');
		await requestMembership(ctx, muted, group, 'Tak');
		await decideMembership(ctx, operator, group, muted.id, true);
		const { id } = await addComment(ctx, muted, postId, { body: 'Zanim mnie wyciszono' });
		await imposeSanction(ctx, operator, group, {
			userId: muted.id,
			kind: 'mute',
			days: 7,
			ground: 'insult',
			reason: 'Obrażanie innych.'
		});
		await expect(editComment(ctx, muted, id, { body: 'Po wyciszeniu' })).rejects.toMatchObject({ code: 'forbidden' });
		await deleteComment(ctx, muted, id);
		expect(await find(id)).toBeUndefined();
	});
});

describe('deleting one’s own comment', () => {
	it('takes it out of the thread and the count; answers stay under a placeholder', async () => {
		const before = await commentCount();
		const { id } = await addComment(ctx, anna, postId, { body: 'Do usunięcia' });
		const reply = await addComment(ctx, jan, postId, { body: 'Odpowiedź', parentId: id });
		expect(await commentCount()).toBe(before + 2);
		await expect(deleteComment(ctx, jan, id)).rejects.toMatchObject({
			code: 'forbidden',
			message:
				'Ten komentarz może usunąć tylko jego autor. Moderatorzy usuwają komentarze w kolejce moderacji, z uzasadnieniem.'
		});
		await expect(deleteComment(ctx, moderator, id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(deleteComment(ctx, null, id)).rejects.toMatchObject({ code: 'unauthenticated' });
		await deleteComment(ctx, anna, id);
		expect(await commentCount()).toBe(before + 1);
		const head = (await listComments(ctx, jan, postId)).find((c) => c.id === id);
		expect(head).toMatchObject({ status: 'deleted', body: '', authorName: '', mine: false });
		expect(head?.replies.map((r) => r.id)).toEqual([reply.id]);
		// Gone for good: neither deleted twice nor edited.
		await expect(deleteComment(ctx, anna, id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(editComment(ctx, anna, id, { body: 'Wracam' })).rejects.toMatchObject({ code: 'not_found' });
		// The answer deleted too: nothing of the thread is left.
		await deleteComment(ctx, jan, reply.id);
		expect((await listComments(ctx, jan, postId)).find((c) => c.id === id)).toBeUndefined();
		expect(await commentCount()).toBe(before);
	});

	it('a held comment deleted leaves the count as it was', async () => {
		const before = await commentCount();
		const { id, status } = await addComment(ctx, anna, postId, { body: 'Zajebiście!' });
		expect(status).toBe('pending');
		await deleteComment(ctx, anna, id);
		expect(await commentCount()).toBe(before);
		expect(await find(id, anna)).toBeUndefined();
	});
});

describe('reading a thread', () => {
	it('shows each reader their own reaction only, moderators included', async () => {
		const { id } = await addComment(ctx, jan, postId, { body: 'Dziękujemy za informację.' });
		await setCommentReaction(ctx, anna, id, 'love');
		await setCommentReaction(ctx, moderator, id, 'like');
		expect((await find(id, anna))?.myReaction).toBe('love');
		expect((await find(id, moderator))?.myReaction).toBe('like');
		expect((await find(id, jan))?.myReaction).toBeNull();
		expect((await find(id))?.myReaction).toBeNull();
	});
});
