import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { AppError } from '../core/errors';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createPost } from './create-post';
import { addComment } from './comments';
import { followPost, follows } from './follows';

let database: Database;
let ctx: Ctx;
let group: Group, hidden: Group;
let author: Actor, follower: Actor, commenter: Actor, bystander: Actor, outsider: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	for (const [slug, isPublic] of [
		['wiskitki', true],
		['zamknieta', false]
	] as const)
		await createGroup(ctx, operator, {
			slug,
			municipalityCode: '1438053',
			name: slug,
			membershipQuestion: 'Czy mieszkasz w gminie?',
			isPublic
		});
	group = await getGroup(ctx.db, 'wiskitki');
	hidden = await getGroup(ctx.db, 'zamknieta');
	for (const g of [group, hidden])
		await ctx.db
			.updateTable('groups')
			.set({ member_posts_need_approval: false, new_member_days: 0 })
			.where('id', '=', g.id)
			.execute();
	group = await getGroup(ctx.db, 'wiskitki');
	hidden = await getGroup(ctx.db, 'zamknieta');
	author = await makeUser(ctx, 'autor@t.pl', { name: 'Anna Autorka' });
	follower = await makeUser(ctx, 'obserwuje@t.pl');
	commenter = await makeUser(ctx, 'pisze@t.pl', { name: 'Jan Komentujący' });
	bystander = await makeUser(ctx, 'czyta@t.pl');
	outsider = await makeUser(ctx, 'obcy@t.pl');
	for (const a of [author, follower, commenter, bystander]) {
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await requestMembership(ctx, author, hidden, 'Tak');
	await decideMembership(ctx, operator, hidden, author.id, true);
}, 180_000);
afterAll(async () => database?.close());

const told = async (userId: string, postId: string) =>
	(
		await ctx.db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', userId)
			.where('post_id', '=', postId)
			.orderBy('id')
			.execute()
	).map((n) => n.kind);

describe('following a post', () => {
	it('tells followers of new comments; the author follows without asking; muting silences anyone', async () => {
		const post = await createPost(ctx, author, group, { body: 'Zgubiony pies w Guzowie', category: 'lostFound' });
		expect(await follows(ctx.db, post.id, author, author.id)).toBe(true);
		expect(await follows(ctx.db, post.id, follower, author.id)).toBe(false);
		expect(await follows(ctx.db, post.id, null, author.id)).toBe(false);
		expect(await followPost(ctx, follower, post.id, true)).toEqual({ following: true });
		expect(await follows(ctx.db, post.id, follower, author.id)).toBe(true);

		const first = await addComment(ctx, commenter, post.id, { body: 'Widziałem go przy sklepie.' });
		expect(await told(author.id, post.id)).toEqual(['comment_on_post']);
		expect(await told(follower.id, post.id)).toEqual(['comment_on_followed']);
		expect(await told(bystander.id, post.id)).toEqual([]);
		expect(await told(commenter.id, post.id)).toEqual([]);

		// The follower's own comment tells the others, not the follower; a reply tells the one answered once.
		await addComment(ctx, follower, post.id, { body: 'Dzięki, idę tam.', parentId: first.id });
		expect(await told(commenter.id, post.id)).toEqual(['reply_to_comment']);
		expect(await told(follower.id, post.id)).toEqual(['comment_on_followed']);

		// Muted: the author hears nothing more, nor does the follower who stopped.
		expect(await followPost(ctx, author, post.id, false)).toEqual({ following: false });
		await followPost(ctx, follower, post.id, false);
		expect(await follows(ctx.db, post.id, author, author.id)).toBe(false);
		await addComment(ctx, bystander, post.id, { body: 'Też szukam.' });
		expect(await told(author.id, post.id)).toEqual(['comment_on_post', 'comment_on_post']);
		expect(await told(follower.id, post.id)).toEqual(['comment_on_followed']);
		// …and a muted person is not told of a reply to their comment either.
		await addComment(ctx, bystander, post.id, { body: 'Mam zdjęcie.', parentId: first.id });
		await followPost(ctx, commenter, post.id, false);
		await addComment(ctx, bystander, post.id, { body: 'Jeszcze jedno.', parentId: first.id });
		expect(await told(commenter.id, post.id)).toEqual(['reply_to_comment', 'reply_to_comment']);
	});

	it('is for signed-in readers of the post only, and changes nothing on refusal', async () => {
		const secret = await createPost(ctx, author, hidden, { body: 'Tylko dla członków', category: 'other' });
		const outcome = async (actor: Actor | null, postId: string) => {
			try {
				return (await followPost(ctx, actor, postId, true)).following ? 'ok' : 'muted';
			} catch (e) {
				if (e instanceof AppError) return e.code;
				throw e;
			}
		};
		expect({
			anonymous: await outcome(null, secret.id),
			outsider: await outcome(outsider, secret.id),
			member: await outcome(author, secret.id),
			noSuchPost: await outcome(follower, '999999'),
			notAnId: await outcome(follower, 'abc')
		}).toEqual({
			anonymous: 'unauthenticated',
			outsider: 'forbidden',
			member: 'ok',
			noSuchPost: 'not_found',
			notAnId: 'not_found'
		});
		const rows = await ctx.db.selectFrom('post_follows').select('user_id').where('post_id', '=', secret.id).execute();
		expect(rows.map((r) => r.user_id)).toEqual([author.id]);
	});
});
