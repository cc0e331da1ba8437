import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, LiveEvent, Notifier } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { listNotifications } from '../notify/notifications';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addComment, listComments } from './comments';
import { listQueue } from '../moderation/queue';
import { decideComment, decidePost } from '../moderation/content-decisions';
import { recordViews, setPostReaction, sharePost } from './engagement';
import { getPost, listFeed, listOwnPendingPosts, searchPosts } from './feed-query';
import { createPost } from './create-post';
import { setPinned } from './pinning';
import { FeedRowCache } from '../cache/feed-rows';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, moderator: Actor, resident: Actor, other: Actor;
let group: Group;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	moderator = await makeUser(ctx, 'mod@t.pl', { name: 'Moderatorka' });
	resident = await makeUser(ctx, 'anna@t.pl', { name: 'Anna Nowak' });
	other = await makeUser(ctx, 'jan@t.pl', { name: 'Jan Kowalski' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum mieszkańców gminy',
		membershipQuestion: 'Czy mieszkasz w gminie Wiskitki?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	for (const a of [moderator, resident, other]) {
		await requestMembership(ctx, a, group, 'Tak, w Wiskitkach');
		await decideMembership(ctx, operator, group, a.id, true);
	}
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
});
afterAll(async () => database?.close());

describe('the feed', () => {
	it('counts members as they are approved', async () => {
		expect((await getGroup(ctx.db, 'wiskitki')).member_count).toBe(3);
	});

	it('holds a member post for approval, then publishes it and tells the author', async () => {
		const events: LiveEvent[] = [];
		const off = database.notifier.subscribe((e) => events.push(e));
		const created = await createPost(ctx, resident, group, {
			body: 'Zgubiłam żółwia przy ul. Kościuszki.',
			category: 'lostFound'
		});
		expect(created.status).toBe('pending');
		expect(created.reasons[0]).toContain('akceptacji');
		expect((await listFeed(ctx, other, group)).items.map((i) => i.id)).not.toContain(created.id);
		expect((await listOwnPendingPosts(ctx, resident, group)).map((p) => p.id)).toEqual([created.id]);
		await expect(getPost(ctx, other, created.id)).rejects.toMatchObject({ code: 'not_found' });

		clock.advance(60_000);
		await decidePost(ctx, moderator, created.id, { decision: 'approve' });
		const feed = await listFeed(ctx, other, group);
		expect(feed.items[0]).toMatchObject({
			id: created.id,
			status: 'published',
			author: { type: 'user', name: 'Anna Nowak' }
		});
		const notes = await listNotifications(ctx, resident);
		expect(notes[0]).toMatchObject({ kind: 'post_approved', post_id: created.id });
		await expect
			.poll(() => events.filter((e) => e.type === 'post').map((e) => e.type === 'post' && e.postId))
			.toContain(created.id);
		off();
		await expect(
			decidePost(ctx, moderator, created.id, { decision: 'reject', ground: 'spam', reason: 'spam' })
		).rejects.toMatchObject({ code: 'conflict' });
	});

	it('rejects with a reason the author sees, and requires that reason', async () => {
		const { id } = await createPost(ctx, other, group, { body: 'Sprzedam opony zimowe', category: 'classifieds' });
		await expect(
			decidePost(ctx, moderator, id, { decision: 'reject', ground: 'commercial', reason: '' })
		).rejects.toMatchObject({ code: 'validation', fields: { reason: expect.any(String) } });
		await expect(
			decidePost(ctx, moderator, id, { decision: 'reject', reason: 'Ogłoszenia handlowe tylko w czwartki' })
		).rejects.toMatchObject({ code: 'validation', fields: { ground: expect.any(String) } });
		expect((await getPost(ctx, other, id)).post.status).toBe('pending');
		await decidePost(ctx, moderator, id, {
			decision: 'reject',
			ground: 'commercial',
			reason: 'Ogłoszenia handlowe tylko w czwartki'
		});
		const { post } = await getPost(ctx, other, id);
		expect(post).toMatchObject({ status: 'rejected', moderationReason: 'Ogłoszenia handlowe tylko w czwartki' });
		expect((await listNotifications(ctx, other))[0]).toMatchObject({
			kind: 'moderation_decision',
			detail: expect.stringContaining('nie został opublikowany'),
			link: expect.stringMatching(/^\/decyzje\/\d+$/)
		});
	});

	it('publishes moderators at once and validates input without writing anything', async () => {
		const before = await ctx.db
			.selectFrom('posts')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		await expect(createPost(ctx, moderator, group, { body: '  ', category: 'official' })).rejects.toMatchObject({
			code: 'validation',
			fields: { body: 'Napisz treść posta.' }
		});
		await expect(createPost(ctx, moderator, group, { body: 'x', category: 'polityka' })).rejects.toMatchObject({
			fields: { category: 'Wybierz kategorię z listy.' }
		});
		await expect(
			createPost(ctx, moderator, group, {
				body: 'Festyn',
				category: 'culture',
				event: { start: new Date('2026-12-12T10:00:00Z'), end: new Date('2026-12-12T09:00:00Z') }
			})
		).rejects.toMatchObject({ fields: { 'event.end': 'Wydarzenie nie może się skończyć, zanim się zacznie.' } });
		const after = await ctx.db
			.selectFrom('posts')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
		const ok = await createPost(ctx, moderator, group, {
			body: 'Festyn gminny',
			category: 'culture',
			event: { start: new Date('2026-12-12T10:00:00Z'), place: 'Rynek' }
		});
		expect(ok.status).toBe('published');
		expect((await getPost(ctx, null, ok.id)).post.event).toEqual({
			start: '2026-12-12T10:00:00.000Z',
			end: null,
			place: 'Rynek',
			going: 0,
			interested: 0,
			myResponse: null
		});
	});

	it('orders pinned first, then newest, and pages by cursor without gaps or repeats', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 25; i++) {
			clock.advance(1000);
			ids.push(
				(await createPost(ctx, moderator, group, { body: `Komunikat nr ${i}`, category: i % 2 ? 'official' : 'sport' }))
					.id
			);
		}
		await setPinned(ctx, moderator, ids[3], true);
		const p1 = await listFeed(ctx, null, group, { limit: 10 });
		expect(p1.featured.map((f) => f.id)).toEqual([ids[3]]);
		expect(p1.items[0].id).toBe(ids[24]);
		const seen = [...p1.items.map((i) => i.id)];
		let cursor = p1.nextCursor;
		while (cursor) {
			const p = await listFeed(ctx, null, group, { limit: 10, cursor });
			expect(p.featured).toEqual([]);
			seen.push(...p.items.map((i) => i.id));
			cursor = p.nextCursor;
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).not.toContain(ids[3]);
		const all = await ctx.db
			.selectFrom('posts')
			.select('id')
			.where('status', '=', 'published')
			.where('pinned', '=', false)
			.execute();
		expect(seen.length).toBe(all.length);
		const sport = await listFeed(ctx, null, group, { category: 'sport', limit: 50 });
		expect(sport.items.every((i) => i.category === 'sport')).toBe(true);
		expect(sport.items.length).toBe(13);
		await expect(listFeed(ctx, null, group, { cursor: 'zepsuty' })).rejects.toMatchObject({ code: 'validation' });
	});

	it('publishes a unit post at once, with its images in order', async () => {
		const publisher = await makeUser(ctx, 'szkola@t.pl', { name: 'Redakcja szkoły' });
		const unit = await ctx.db
			.insertInto('units')
			.values({
				municipality_code: '1438053',
				slug: 'sp',
				name: 'Szkoła Podstawowa w Wiskitkach',
				type: 'primarySchool',
				created_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await ctx.db
			.insertInto('unit_members')
			.values({ unit_id: unit.id, user_id: publisher.id, role: 'editor' })
			.execute();
		const images = ['a', 'b'].map((c, i) => ({
			fileName: c.repeat(32) + '.webp',
			width: 800,
			height: 600 + i,
			alt: `Zdjęcie ${i + 1}`
		}));
		const created = await createPost(ctx, publisher, group, {
			body: 'Dzień otwarty szkoły',
			category: 'education',
			unitId: unit.id,
			images
		});
		expect(created.status).toBe('published');
		const { post } = await getPost(ctx, null, created.id);
		expect(post.author).toEqual({
			type: 'unit',
			name: 'Szkoła Podstawowa w Wiskitkach',
			unit: { slug: 'sp', type: 'primarySchool', typeLabel: 'Szkoła podstawowa', verified: true, logoUrl: null }
		});
		expect(post.images).toEqual([
			{ url: `/media/${'a'.repeat(32)}.webp`, width: 800, height: 600, alt: 'Zdjęcie 1' },
			{ url: `/media/${'b'.repeat(32)}.webp`, width: 800, height: 601, alt: 'Zdjęcie 2' }
		]);
		await expect(
			createPost(ctx, publisher, group, {
				body: 'x',
				category: 'education',
				unitId: unit.id,
				images: [{ ...images[0], alt: '' }]
			})
		).rejects.toMatchObject({ fields: { 'images.0.alt': expect.stringContaining('Opisz każde zdjęcie') } });
		const unitFeed = await listFeed(ctx, null, group, { unitSlug: 'sp' });
		expect(unitFeed.items.map((i) => i.id)).toEqual([created.id]);
	});

	it('searches ignoring diacritics and case', async () => {
		const found = await searchPosts(ctx, null, group, 'ZOLWIA');
		expect(found.map((f) => f.body)).toEqual(['Zgubiłam żółwia przy ul. Kościuszki.']);
		expect(await searchPosts(ctx, null, group, 'kosciuszki')).toHaveLength(1);
		expect(await searchPosts(ctx, null, group, '100%')).toHaveLength(0);
	});

	it('threads comments one level deep and notifies the right people', async () => {
		const { id: postId } = await createPost(ctx, moderator, group, {
			body: 'Gdzie oddać elektrośmieci?',
			category: 'municipal'
		});
		const c1 = await addComment(ctx, resident, postId, { body: 'W PSZOK-u przy Fabrycznej.' });
		const c2 = await addComment(ctx, other, postId, { body: 'Dziękuję!', parentId: c1.id });
		const c3 = await addComment(ctx, moderator, postId, { body: 'Zgadza się.', parentId: c2.id });
		const threads = await listComments(ctx, null, postId);
		expect(threads).toHaveLength(1);
		expect(threads[0].replies.map((r) => r.id)).toEqual([c2.id, c3.id]);
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(3);
		const annaNotes = await listNotifications(ctx, resident);
		expect(annaNotes[0]).toMatchObject({ kind: 'reply_to_comment', actor_name: 'Jan Kowalski' });
		const modNotes = await listNotifications(ctx, moderator);
		expect(modNotes.filter((n) => n.post_id === postId).map((n) => n.kind)).toEqual([
			'comment_on_post',
			'comment_on_post'
		]);
		await expect(addComment(ctx, other, postId, { body: 'x', parentId: '999999' })).rejects.toMatchObject({
			code: 'validation'
		});
	});

	it('holds a vulgar comment for a moderator, who publishes or rejects it', async () => {
		const { id: postId } = await createPost(ctx, moderator, group, {
			body: 'Remont drogi w Guzowie',
			category: 'municipal'
		});
		const held = await addComment(ctx, other, postId, { body: 'Zajebiście, w końcu!' });
		expect(held).toMatchObject({
			status: 'pending',
			reasons: ['Słowo „Zajebiście” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.']
		});
		expect((await listComments(ctx, null, postId)).map((c) => c.id)).not.toContain(held.id);
		expect((await listComments(ctx, other, postId)).find((c) => c.id === held.id)).toMatchObject({
			status: 'pending',
			reason: 'Słowo „Zajebiście” zatrzyma komentarz. Zmień je, a komentarz ukaże się od razu.'
		});
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(0);
		expect((await listQueue(ctx, moderator, group)).held.filter((i) => i.kind === 'comment').map((c) => c.id)).toEqual([
			held.id
		]);
		await expect(listQueue(ctx, other, group)).rejects.toMatchObject({ code: 'forbidden' });

		await decideComment(ctx, moderator, held.id, { decision: 'approve' });
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(1);
		expect((await listNotifications(ctx, other))[0]).toMatchObject({ kind: 'comment_approved' });

		const second = await addComment(ctx, other, postId, { body: 'ch*j z tym' });
		await expect(
			decideComment(ctx, moderator, second.id, { decision: 'reject', ground: 'vulgarity', reason: '' })
		).rejects.toMatchObject({ code: 'validation' });
		await decideComment(ctx, moderator, second.id, {
			decision: 'reject',
			ground: 'vulgarity',
			reason: 'Wulgaryzmy są niezgodne z regulaminem grupy'
		});
		expect((await listNotifications(ctx, other))[0]).toMatchObject({
			kind: 'moderation_decision',
			detail: expect.stringContaining('komentarz')
		});
		await expect(decideComment(ctx, moderator, second.id, { decision: 'approve' })).rejects.toMatchObject({
			code: 'conflict'
		});
		expect((await getPost(ctx, null, postId)).post.counts.comments).toBe(1);
		// A moderator's own words are trusted.
		expect((await addComment(ctx, moderator, postId, { body: 'Bez takich k***a słów, proszę' })).status).toBe(
			'published'
		);
	});

	it('keeps one reaction per person, changeable and removable', async () => {
		const { id } = await createPost(ctx, resident, group, {
			body: 'Piękny zachód słońca nad Pisią',
			category: 'other'
		});
		await decidePost(ctx, moderator, id, { decision: 'approve' });
		await setPostReaction(ctx, other, id, 'like');
		await setPostReaction(ctx, moderator, id, 'love');
		let r = await setPostReaction(ctx, other, id, 'wow');
		expect(r).toMatchObject({ total: 2, byKind: { love: 1, wow: 1 } });
		r = await setPostReaction(ctx, other, id, null);
		expect(r).toMatchObject({ total: 1, byKind: { love: 1 } });
		const { post } = await getPost(ctx, moderator, id);
		expect(post.myReaction).toBe('love');
		expect(post.counts).toMatchObject({ reactions: 1, byKind: { love: 1 } });
		await expect(setPostReaction(ctx, other, id, 'kocham')).rejects.toMatchObject({ code: 'validation' });
		const reactionNotes = (await listNotifications(ctx, resident)).filter(
			(n) => n.kind === 'reaction_on_post' && n.post_id === id
		);
		expect(reactionNotes).toHaveLength(2);
	});

	it('counts a view once per viewer per day, and shares', async () => {
		const { id } = await createPost(ctx, moderator, group, { body: 'Przerwa w dostawie wody', category: 'municipal' });
		expect(await recordViews(ctx, [id], 'anon:abc')).toBe(1);
		expect(await recordViews(ctx, [id, id], 'anon:abc')).toBe(0);
		expect(await recordViews(ctx, [id], `user:${other.id}`)).toBe(1);
		clock.advance(24 * 3600_000);
		expect(await recordViews(ctx, [id], 'anon:abc')).toBe(1);
		expect(await sharePost(ctx, null, id, 'anon:abc')).toBe(1);
		expect(await sharePost(ctx, other, id, `user:${other.id}`)).toBe(2);
		expect((await getPost(ctx, null, id)).post.counts).toMatchObject({ views: 3, shares: 2 });
	});

	it('counts a share once per person and post, and nothing for crawlers', async () => {
		const { id } = await createPost(ctx, moderator, group, {
			body: 'Zbiórka elektrośmieci w sobotę',
			category: 'municipal'
		});
		for (let i = 0; i < 5; i++) expect(await sharePost(ctx, null, id, 'anon:abc')).toBe(1);
		for (let i = 0; i < 5; i++) expect(await sharePost(ctx, other, id, `user:${other.id}`)).toBe(2);
		expect(await sharePost(ctx, null, id, null)).toBe(2);
		expect(await recordViews(ctx, [id], null)).toBe(0);
		expect((await getPost(ctx, null, id)).post.counts).toMatchObject({ views: 0, shares: 2 });
		expect(
			await ctx.db.selectFrom('post_shares').select('viewer_key').where('post_id', '=', id).orderBy('id').execute()
		).toEqual([{ viewer_key: 'anon:abc' }, { viewer_key: `user:${other.id}` }]);
	});
});

describe('a feed page shared by its readers', () => {
	it('reads the page once for everyone, each reader with their own reactions, fresh after a change', async () => {
		const listeners: ((e: LiveEvent) => void)[] = [];
		const bus: Notifier = { publish: async () => {}, subscribe: (l) => (listeners.push(l), () => {}) };
		const { id } = await createPost(ctx, moderator, group, { body: 'Zebranie wiejskie w czwartek', category: 'other' });
		await setPostReaction(ctx, resident, id, 'like');
		let loads = 0;
		const feedQueries = new WeakSet<object>();
		const counting: Ctx = {
			...ctx,
			feedRows: new FeedRowCache(bus, 60_000),
			// Counts the feed queries run (the one reading `cross_posts`), by the results that come back.
			db: ctx.db.withPlugin({
				transformQuery: (a) => {
					if (JSON.stringify(a.node).includes('"cross_posts"')) feedQueries.add(a.queryId);
					return a.node;
				},
				transformResult: async (a) => {
					if (feedQueries.has(a.queryId)) loads++;
					return a.result;
				}
			})
		};
		const item = async (who: Actor | null, c = counting) =>
			(await listFeed(c, who, group)).items.find((i) => i.id === id)!;
		const [mine, theirs, anonymous] = [await item(resident), await item(other), await item(null)];
		expect(loads).toBe(1);
		expect([mine.myReaction, theirs.myReaction, anonymous.myReaction]).toEqual(['like', null, null]);
		expect([mine.counts.reactions, theirs.counts.reactions]).toEqual([1, 1]);

		// A change in the group is announced (from any instance): the next read goes to the database.
		await setPostReaction(ctx, other, id, 'love');
		expect((await item(resident)).counts.reactions).toBe(1);
		listeners.forEach((l) => l({ type: 'post', groupId: group.id, postId: id }));
		expect((await item(resident)).counts.reactions).toBe(2);
		expect(loads).toBe(2);
		// Other groups' events leave the page kept.
		listeners.forEach((l) => l({ type: 'post', groupId: '999999', postId: id }));
		await item(other);
		expect(loads).toBe(2);

		// With the real notifier, the change shows without anything else happening.
		const live: Ctx = { ...ctx, feedRows: new FeedRowCache(database.notifier, 60_000) };
		expect((await item(resident, live)).counts.reactions).toBe(2);
		await setPostReaction(ctx, moderator, id, 'wow');
		await expect.poll(async () => (await item(resident, live)).counts.reactions).toBe(3);

		// Someone who has just written reads past the shared page even before any event arrives.
		const quiet = new FeedRowCache({ publish: async () => {}, subscribe: () => () => {} }, 60_000);
		const unannounced: Ctx = { ...ctx, feedRows: quiet };
		expect((await listFeed(unannounced, other, group)).items.find((i) => i.id === id)!.myReaction).toBe('love');
		await setPostReaction(ctx, other, id, 'sad');
		// Unannounced, the shared counts are the earlier ones; the reader's own part is always read fresh.
		const stale = (await listFeed(unannounced, other, group)).items.find((i) => i.id === id)!;
		expect([stale.myReaction, stale.counts.byKind.sad ?? 0]).toEqual(['sad', 0]);
		quiet.wrote(other.id);
		const after = (await listFeed(unannounced, other, group)).items.find((i) => i.id === id)!;
		expect(after.myReaction).toBe('sad');
		expect(after.counts.byKind).toMatchObject({ sad: 1 });
	});
});
