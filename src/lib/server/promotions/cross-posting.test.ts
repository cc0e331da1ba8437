import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { neighbours } from '../testing/neighbours';
import { decideMembership, getGroup, requestMembership } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { getPost } from '../feed/feed-query';
import { addComment, listComments } from '../feed/comments';
import { editComment } from '../feed/comment-authoring';
import { recordViews, setPostReaction } from '../feed/engagement';
import { imposeSanction } from '../moderation/sanctions';
import { digestContent, queueWeeklyDigest } from '../notify/digest';
import {
	allowCrossPostSource,
	crossPostInto,
	crossPostSources,
	crossPostTargets,
	previewRefusal,
	refuseCrossPostSource,
	regionalReach,
	setRegionalReach
} from './cross-posting';

// Powiat żyrardowski: Radziejowice (the source), Wiskitki, Puszcza Mariańska, Mszczonów;
// Milanówek is in powiat grodziski.
const RADZIEJOWICE = '1438042';
const WISKITKI = '1438053';
const PUSZCZA = '1438032';
const MSZCZONOW = '1438023';
const MILANOWEK = '1405011';

let database: Database;
let ctx: Ctx;
let operator: Actor;
let source: Group;
let wiskitki: Group;
let puszcza: Group;
let mszczonowPrivate: Group;
let milanowek: Group;
let radziejowiceOther: Group;

let n = 0;
let group: ReturnType<typeof neighbours>['group'];
let memberOf: ReturnType<typeof neighbours>['memberOf'];
let promotedPost: ReturnType<typeof neighbours>['promotedPost'];

const names = (groups: { slug: string }[]) => groups.map((g) => g.slug).sort();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	({ group, memberOf, promotedPost } = neighbours(ctx, operator));
	source = await group('radziejowice', RADZIEJOWICE);
	radziejowiceOther = await group('radziejowice-sport', RADZIEJOWICE);
	wiskitki = await group('wiskitki', WISKITKI);
	puszcza = await group('puszcza', PUSZCZA);
	mszczonowPrivate = await group('mszczonow', MSZCZONOW, false);
	milanowek = await group('milanowek', MILANOWEK);
});
afterAll(async () => database?.close());

describe('crossPostTargets and crossPostInto', () => {
	it('by default: the public groups of the other municipalities of the powiat', async () => {
		expect(names(await crossPostTargets(ctx.db, source.id))).toEqual(['puszcza', 'wiskitki']);
		expect(await crossPostTargets(ctx.db, '0')).toEqual([]);
		expect(await crossPostTargets(ctx.db, 'x')).toEqual([]);
	});

	it("the coordinator's list replaces the default; an empty list sends nowhere; refusals are left out", async () => {
		await ctx.db
			.updateTable('groups')
			.set({ cross_post_targets: [milanowek.id, mszczonowPrivate.id, wiskitki.id] })
			.where('id', '=', source.id)
			.execute();
		expect(names(await crossPostTargets(ctx.db, source.id))).toEqual(['milanowek', 'mszczonow', 'wiskitki']);
		await ctx.db
			.insertInto('cross_post_refusals')
			.values({ group_id: milanowek.id, source_group_id: source.id, refused_at: ctx.clock.now() })
			.execute();
		expect(names(await crossPostTargets(ctx.db, source.id))).toEqual(['mszczonow', 'wiskitki']);
		await ctx.db.updateTable('groups').set({ cross_post_targets: [] }).where('id', '=', source.id).execute();
		expect(await crossPostTargets(ctx.db, source.id)).toEqual([]);
		await ctx.db.updateTable('groups').set({ cross_post_targets: null }).where('id', '=', source.id).execute();
		await ctx.db.deleteFrom('cross_post_refusals').execute();
	});

	it('inserts one row per target, once', async () => {
		const postId = await promotedPost(source);
		const rows = await ctx.db.selectFrom('cross_posts').selectAll().where('post_id', '=', postId).execute();
		expect(rows.map((r) => r.group_id).sort()).toEqual([wiskitki.id, puszcza.id].sort());
		const promotionId = rows[0].promotion_id;
		const again = await ctx.db
			.transaction()
			.execute((tx) => crossPostInto(tx, ctx.clock, { promotionId, postId, sourceGroupId: source.id }));
		expect(again).toBe(0);
	});
});

describe("the coordinator's regional reach", () => {
	let coordinator: Actor;
	beforeAll(async () => {
		coordinator = await makeUser(ctx, 'koordynator@radziejowice.pl');
		await ctx.db
			.insertInto('coordinators')
			.values({ municipality_code: RADZIEJOWICE, user_id: coordinator.id })
			.execute();
	});

	it('lists the powiat first, then the voivodeship; says the package does not include it yet', async () => {
		const view = await regionalReach(ctx, coordinator, source.slug, null);
		expect(view.byDefault).toBe(true);
		expect(view.included).toBe(false);
		expect(view.county).toBe('żyrardowski');
		const slugs = view.candidates.map((c) => c.slug);
		expect(slugs.indexOf('milanowek')).toBeGreaterThan(slugs.indexOf('wiskitki'));
		expect(slugs).not.toContain('radziejowice');
		expect(
			view.candidates
				.filter((c) => c.selected)
				.map((c) => c.slug)
				.sort()
		).toEqual(['puszcza', 'wiskitki']);
		expect(view.candidates.find((c) => c.slug === 'mszczonow')).toMatchObject({ samePowiat: true, inDefault: false });
		// A search narrows the rest of the voivodeship; the powiat stays listed.
		const found = await regionalReach(ctx, coordinator, source.slug, 'milan');
		expect(found.candidates.filter((c) => !c.samePowiat).map((c) => c.slug)).toEqual(['milanowek']);
		expect(
			(await regionalReach(ctx, coordinator, source.slug, 'nic-takiego')).candidates.every((c) => c.samePowiat)
		).toBe(true);
	});

	it('only the coordinator (or the operator) sees and saves it', async () => {
		const resident = await memberOf(source);
		await expect(regionalReach(ctx, resident, source.slug, null)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(regionalReach(ctx, null, source.slug, null)).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(
			setRegionalReach(ctx, resident, source.slug, { mode: 'list', targets: [wiskitki.id] })
		).rejects.toMatchObject({ code: 'forbidden' });
		const wiskitkiCoordinator = await makeUser(ctx, `k${++n}@wiskitki.pl`);
		await ctx.db
			.insertInto('coordinators')
			.values({ municipality_code: WISKITKI, user_id: wiskitkiCoordinator.id })
			.execute();
		await expect(regionalReach(ctx, wiskitkiCoordinator, source.slug, null)).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect((await getGroup(ctx.db, source.slug)).cross_post_targets).toBeNull();
	});

	it('saves a list, refuses bad input without changing anything, and goes back to the default', async () => {
		expect(
			await setRegionalReach(ctx, coordinator, source.slug, { mode: 'list', targets: [milanowek.id, wiskitki.id] })
		).toEqual({ byDefault: false, targets: 2 });
		expect((await getGroup(ctx.db, source.slug)).cross_post_targets?.map(String).sort()).toEqual(
			[milanowek.id, wiskitki.id].sort()
		);
		for (const targets of [[source.id], ['999999'], ['abc'], 'wiskitki']) {
			await expect(setRegionalReach(ctx, coordinator, source.slug, { mode: 'list', targets })).rejects.toMatchObject({
				code: 'validation'
			});
		}
		expect((await getGroup(ctx.db, source.slug)).cross_post_targets?.length).toBe(2);
		const view = await regionalReach(ctx, coordinator, source.slug, null);
		expect(view.byDefault).toBe(false);
		expect(
			view.candidates
				.filter((c) => c.selected)
				.map((c) => c.slug)
				.sort()
		).toEqual(['milanowek', 'wiskitki']);
		expect(await setRegionalReach(ctx, coordinator, source.slug, { mode: 'default' })).toEqual({
			byDefault: true,
			targets: 2
		});
		expect((await getGroup(ctx.db, source.slug)).cross_post_targets).toBeNull();
	});

	it('shows Pakiet 3 in force once the package includes it', async () => {
		await activatePackage(ctx, operator, source);
		const s = await ctx.db
			.selectFrom('subscriptions')
			.select('id')
			.where('group_id', '=', source.id)
			.executeTakeFirstOrThrow();
		// Radziejowice's pilot: Pakiet 3 on individual terms since 1 November.
		await ctx.db.deleteFrom('subscription_packages').where('subscription_id', '=', s.id).execute();
		await ctx.db
			.insertInto('subscription_packages')
			.values({ subscription_id: s.id, valid_from: '2026-11-01', package: 'pakiet3' })
			.execute();
		expect((await regionalReach(ctx, coordinator, source.slug, null)).included).toBe(true);
	});
});

describe("the target moderators' refusal", () => {
	it('lists the sources, refuses one (its posts leave this feed, logged), and allows it again', async () => {
		const moderator = await memberOf(puszcza, 'moderator');
		const postId = await promotedPost(source, 'Festyn w Radziejowicach');
		const before = await crossPostSources(ctx, moderator, puszcza);
		// By default every group of another municipality of the powiat, private ones too (their promoted posts).
		expect(before.map((s) => s.slug)).toEqual(['mszczonow', 'radziejowice', 'radziejowice-sport', 'wiskitki']);
		const fromSource = before.find((s) => s.slug === 'radziejowice')!;
		expect(fromSource).toMatchObject({ chosen: false, active: true, refusedAt: null });
		expect(before.find((s) => s.slug === 'wiskitki')).toMatchObject({ active: false, posts: 0 });
		expect(fromSource.posts).toBeGreaterThanOrEqual(1);

		const { removed } = await refuseCrossPostSource(ctx, moderator, puszcza, source.id);
		expect(removed).toBe(fromSource.posts);
		expect(
			await ctx.db.selectFrom('cross_posts').select('post_id').where('group_id', '=', puszcza.id).execute()
		).toEqual([]);
		// Still shown in the other target.
		expect(
			await ctx.db
				.selectFrom('cross_posts')
				.select('group_id')
				.where('post_id', '=', postId)
				.where('group_id', '=', wiskitki.id)
				.executeTakeFirst()
		).toBeTruthy();
		const log = await ctx.db
			.selectFrom('moderation_log')
			.select(['action', 'actor_id', 'facts'])
			.where('group_id', '=', puszcza.id)
			.where('action', 'like', 'cross_post%')
			.execute();
		expect(log).toEqual([
			expect.objectContaining({
				action: 'cross_post_refused',
				actor_id: moderator.id,
				facts: expect.stringContaining('„Grupa radziejowice”')
			})
		]);
		expect(names(await crossPostTargets(ctx.db, source.id))).toEqual(['wiskitki']);
		const after = (await crossPostSources(ctx, moderator, puszcza)).filter((s) => s.slug === 'radziejowice');
		expect(after[0]).toMatchObject({ posts: 0, refusedBy: moderator.displayName });
		expect(after[0].refusedAt).not.toBeNull();
		// Refusing twice changes nothing.
		expect(await refuseCrossPostSource(ctx, moderator, puszcza, source.id)).toEqual({
			removed: 0,
			source: 'Grupa radziejowice'
		});

		await allowCrossPostSource(ctx, moderator, puszcza, source.id);
		expect(names(await crossPostTargets(ctx.db, source.id))).toEqual(['puszcza', 'wiskitki']);
		const actions = await ctx.db
			.selectFrom('moderation_log')
			.select('action')
			.where('group_id', '=', puszcza.id)
			.where('action', 'like', 'cross_post%')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['cross_post_refused', 'cross_post_allowed']);
	});

	it('only moderators of the target decide; bad sources are refused', async () => {
		const moderator = await memberOf(wiskitki, 'moderator');
		const member = await memberOf(wiskitki);
		await expect(crossPostSources(ctx, member, wiskitki)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(refuseCrossPostSource(ctx, member, wiskitki, source.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(refuseCrossPostSource(ctx, null, wiskitki, source.id)).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(refuseCrossPostSource(ctx, moderator, wiskitki, 'x')).rejects.toMatchObject({ code: 'not_found' });
		await expect(refuseCrossPostSource(ctx, moderator, wiskitki, wiskitki.id)).rejects.toMatchObject({
			code: 'validation'
		});
		expect(await ctx.db.selectFrom('cross_post_refusals').selectAll().execute()).toEqual([]);
		// A source outside the powiat appears once its coordinator chose this group.
		expect((await crossPostSources(ctx, moderator, wiskitki)).map((s) => s.slug)).toEqual([
			'mszczonow',
			'puszcza',
			'radziejowice',
			'radziejowice-sport'
		]);
		await ctx.db
			.updateTable('groups')
			.set({ cross_post_targets: [wiskitki.id] })
			.where('id', '=', milanowek.id)
			.execute();
		expect((await crossPostSources(ctx, moderator, wiskitki)).map((s) => s.slug)).toEqual([
			'milanowek',
			'mszczonow',
			'puszcza',
			'radziejowice',
			'radziejowice-sport'
		]);
		// A private group is no default target: nothing comes to it unless chosen.
		const privateModerator = await memberOf(mszczonowPrivate, 'moderator');
		expect(await crossPostSources(ctx, privateModerator, mszczonowPrivate)).toEqual([]);
		await ctx.db.updateTable('groups').set({ cross_post_targets: null }).where('id', '=', milanowek.id).execute();
		expect(radziejowiceOther.municipality_code).toBe(RADZIEJOWICE);
	});
});

describe('reading, reacting and commenting through a target group (a private source)', () => {
	// The source is private: only a cross-post lets outsiders in, and only to that post.
	let privateSource: Group;
	let postId: string;
	let otherPostId: string;
	let refusingTarget: Group;

	type Who = 'target member' | 'source member' | 'neither' | 'refused target member' | 'anonymous';
	const people = {} as Record<Who, Actor | null>;
	type Action = 'read' | 'react' | 'comment';
	// Through `/g/wiskitki/p/{id}` (the refused one through its own group): 1 = allowed.
	const matrix: Record<Who, [number, number, number]> = {
		//                      read react comment
		'target member': [1, 1, 1],
		'source member': [1, 1, 1],
		// Wiskitki is public: anyone may read what its feed shows, only its members take part.
		neither: [1, 0, 0],
		'refused target member': [0, 0, 0],
		anonymous: [1, 0, 0]
	};

	beforeAll(async () => {
		privateSource = await group('radziejowice-prywatna', RADZIEJOWICE, false);
		refusingTarget = await group('puszcza-2', PUSZCZA);
		people['target member'] = await memberOf(wiskitki);
		people['source member'] = await memberOf(privateSource);
		people.neither = await makeUser(ctx, `nikt${++n}@t.pl`);
		people['refused target member'] = await memberOf(refusingTarget);
		people.anonymous = null;
		postId = await promotedPost(privateSource, 'Wyróżniony post z grupy prywatnej');
		otherPostId = (await createPost(ctx, operator, privateSource, { body: 'Zwykły post', category: 'other' })).id;
		const moderator = await memberOf(refusingTarget, 'moderator');
		expect(
			(await ctx.db.selectFrom('cross_posts').select('group_id').where('post_id', '=', postId).execute()).length
		).toBe(3);
		await refuseCrossPostSource(ctx, moderator, refusingTarget, privateSource.id);
	});

	const via = (who: Who) => (who === 'refused target member' ? refusingTarget.slug : wiskitki.slug);
	const perform = async (action: Action, actor: Actor | null, slug: string, post = postId) => {
		if (action === 'read') return void (await getPost(ctx, actor, post, slug));
		if (action === 'react') return void (await setPostReaction(ctx, actor, post, 'like', slug));
		return void (await addComment(ctx, actor, post, { body: 'Też się wybieramy!' }, slug));
	};

	for (const who of Object.keys(matrix) as Who[]) {
		for (const [i, action] of (['read', 'react', 'comment'] as const).entries()) {
			const allowed = matrix[who][i] === 1;
			it(`${who} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
				const result = perform(action, people[who], via(who));
				if (allowed) await expect(result).resolves.toBeUndefined();
				else
					await expect(result).rejects.toMatchObject({ code: who === 'anonymous' ? 'unauthenticated' : 'forbidden' });
			});
		}
	}

	it('records the target group on what its members wrote, in the one thread of the source', async () => {
		const member = people['target member']!;
		const comment = await ctx.db
			.selectFrom('comments')
			.select(['id', 'via_group_id', 'post_id'])
			.where('author_id', '=', member.id)
			.executeTakeFirstOrThrow();
		expect(comment).toMatchObject({ via_group_id: wiskitki.id, post_id: postId });
		const reaction = await ctx.db
			.selectFrom('post_reactions')
			.select('via_group_id')
			.where('user_id', '=', member.id)
			.executeTakeFirstOrThrow();
		expect(reaction.via_group_id).toBe(wiskitki.id);
		// The source's own member, reading in the source group, is counted for it.
		await addComment(ctx, people['source member'], postId, { body: 'U nas w grupie też' }, privateSource.slug);
		const own = await ctx.db
			.selectFrom('comments')
			.select('via_group_id')
			.where('author_id', '=', people['source member']!.id)
			.where('body', '=', 'U nas w grupie też')
			.executeTakeFirstOrThrow();
		expect(own.via_group_id).toBeNull();
		// Both groups read the same thread.
		const fromTarget = await listComments(ctx, member, postId, wiskitki.slug);
		const fromSource = await listComments(ctx, people['source member'], postId);
		expect(fromTarget.map((c) => c.id)).toEqual(fromSource.map((c) => c.id));
		expect(fromTarget.length).toBeGreaterThanOrEqual(3);
		// The post says through which group it was read, and what the reader may do there.
		const read = await getPost(ctx, member, postId, wiskitki.slug);
		expect(read.via?.slug).toBe(wiskitki.slug);
		expect(read.access.role).toBe('neighbour');
		expect(read.access.units).toEqual([]);
		// Its author edits the comment by the same right.
		await expect(
			editComment(ctx, member, comment.id, { body: 'Też się wybieramy, z dziećmi!' })
		).resolves.toMatchObject({
			status: 'published'
		});
	});

	it('lets in only that post, only through a group it was cross-posted into', async () => {
		const member = people['target member'];
		await expect(getPost(ctx, member, postId)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(getPost(ctx, member, otherPostId, wiskitki.slug)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(getPost(ctx, member, postId, milanowek.slug)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(listComments(ctx, member, otherPostId, wiskitki.slug)).rejects.toMatchObject({ code: 'forbidden' });
		// A member of the post's own group reads it anywhere; under an unrelated group, `via` is null.
		expect((await getPost(ctx, people['source member'], postId, milanowek.slug)).via).toBeNull();
	});

	it('keeps a sanction of the source group in force', async () => {
		const banned = await memberOf(wiskitki);
		await requestMembership(ctx, banned, privateSource, 'Mieszkam tu');
		await decideMembership(ctx, operator, privateSource, banned.id, true);
		await imposeSanction(ctx, operator, privateSource, {
			userId: banned.id,
			kind: 'ban',
			days: 7,
			ground: 'insult',
			reason: 'Obrażał innych członków grupy.'
		});
		await expect(perform('comment', banned, wiskitki.slug)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(perform('read', banned, wiskitki.slug)).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('views per group', () => {
	it('counts a cross-posted post seen in a target also for that target, once per viewer and day', async () => {
		const postId = await promotedPost(source, 'Koncert w pałacu');
		const own = (await createPost(ctx, operator, wiskitki, { body: 'Post Wiskitek', category: 'other' })).id;
		const crossViews = () =>
			ctx.db.selectFrom('cross_post_views').select(['post_id', 'group_id', 'viewer_key', 'day']).execute();
		const before = (await crossViews()).length;
		expect(await recordViews(ctx, [postId, own], 'viewer-1', wiskitki.slug)).toBe(2);
		expect(await recordViews(ctx, [postId], 'viewer-1', wiskitki.slug)).toBe(0);
		expect(await recordViews(ctx, [postId], 'viewer-2', source.slug)).toBe(1);
		expect(await recordViews(ctx, [postId], 'viewer-3')).toBe(1);
		// Already seen in the source today, then in the target: a view there, not a second view of the post.
		expect(await recordViews(ctx, [postId], 'viewer-2', wiskitki.slug)).toBe(0);
		const rows = (await crossViews()).slice(before);
		expect(rows).toEqual([
			{ post_id: postId, group_id: wiskitki.id, viewer_key: 'viewer-1', day: '2026-11-26' },
			{ post_id: postId, group_id: wiskitki.id, viewer_key: 'viewer-2', day: '2026-11-26' }
		]);
		const post = await ctx.db
			.selectFrom('posts')
			.select(['view_count', 'unique_viewer_count'])
			.where('id', '=', postId)
			.executeTakeFirstOrThrow();
		expect(post).toEqual({ view_count: 3, unique_viewer_count: 3 });
	});
});

// The source pays for the reach (Pakiet 3): the target's weekly digest lists the neighbour's
// promoted post whatever the target's own package, until its moderators refuse the source.
describe("a target group's weekly digest", () => {
	let target: Group;
	let postId: string;
	let promotionId: string;
	let sourcePackage: string;
	const emailed = async () =>
		(await ctx.db.selectFrom('promotions').select('emailed').where('id', '=', promotionId).executeTakeFirstOrThrow())
			.emailed;
	const setSourcePackage = (pkg: 'pakiet2' | 'pakiet3') =>
		ctx.db
			.updateTable('subscription_packages')
			.set({ package: pkg })
			.where('subscription_id', '=', sourcePackage)
			.execute();

	beforeAll(async () => {
		// A public group of another municipality of the powiat, with no package of its own (Pakiet 1 at most).
		target = await group('mszczonow-forum', MSZCZONOW);
		await memberOf(target);
		await memberOf(target);
		await memberOf(source);
		sourcePackage = (
			await ctx.db.selectFrom('subscriptions').select('id').where('group_id', '=', source.id).executeTakeFirstOrThrow()
		).id;
		postId = await promotedPost(source, 'Jarmark bożonarodzeniowy w Radziejowicach');
		promotionId = (
			await ctx.db
				.selectFrom('cross_posts')
				.select('promotion_id')
				.where('post_id', '=', postId)
				.where('group_id', '=', target.id)
				.executeTakeFirstOrThrow()
		).promotion_id;
	});

	it('lists the promoted post of a Pakiet 3 neighbour, labelled and linked through the target', async () => {
		const content = await digestContent(ctx, target);
		expect(content.promoted).toEqual([
			{
				title: 'Jarmark bożonarodzeniowy w Radziejowicach',
				from: 'operator',
				url: `${ctx.baseUrl}/g/mszczonow-forum/p/${postId}`,
				crossFrom: 'Radziejowice'
			}
		]);
		expect(content.promotionIds).toEqual([promotionId]);
		expect(content.empty).toBe(false);
		// Not a second time among the week's other blocks (it is not the target's own post anyway).
		expect([...content.mostRead, ...content.unitPosts].map((p) => p.title)).not.toContain(
			'Jarmark bożonarodzeniowy w Radziejowicach'
		);
		// The source's own digest lists it too, without the label.
		const own = await digestContent(ctx, source);
		expect(own.promoted.find((p) => p.title.startsWith('Jarmark'))).toEqual({
			title: 'Jarmark bożonarodzeniowy w Radziejowicach',
			from: 'operator',
			url: `${ctx.baseUrl}/g/radziejowice/p/${postId}`
		});
	});

	it("counts the target's digest e-mails in the promotion's reach, as the source's", async () => {
		const before = await emailed();
		const queued = await queueWeeklyDigest(ctx, target);
		expect(queued).toEqual({ queued: true, recipients: 2 });
		expect(await emailed()).toBe(before + 2);
		const mails = await ctx.db
			.selectFrom('outbox')
			.select(['body_text', 'body_html'])
			.where('subject', '=', 'Tydzień w gminie Mszczonów')
			.execute();
		expect(mails).toHaveLength(2);
		for (const mail of mails) {
			expect(mail.body_text).toContain('- Jarmark bożonarodzeniowy w Radziejowicach (operator · Z gminy Radziejowice)');
			expect(mail.body_text).toContain(`/g/mszczonow-forum/p/${postId}`);
			expect(mail.body_html).toContain('Z gminy Radziejowice');
		}
		const fromSource = await queueWeeklyDigest(ctx, source);
		expect(fromSource.recipients).toBeGreaterThan(0);
		expect(await emailed()).toBe(before + 2 + fromSource.recipients);
	});

	it("leaves it out while the source's package does not include Pakiet 3", async () => {
		await setSourcePackage('pakiet2');
		try {
			const content = await digestContent(ctx, target);
			expect(content.promoted).toEqual([]);
			expect(content.promotionIds).toEqual([]);
		} finally {
			await setSourcePackage('pakiet3');
		}
		expect((await digestContent(ctx, target)).promotionIds).toEqual([promotionId]);
	});

	it('leaves it out once the promotion ended early, or once the target refused the source', async () => {
		const moderator = await memberOf(target, 'moderator');
		const second = await promotedPost(source, 'Koncert w pałacu');
		expect((await digestContent(ctx, target)).promoted.map((p) => p.title)).toEqual([
			'Jarmark bożonarodzeniowy w Radziejowicach',
			'Koncert w pałacu'
		]);
		await ctx.db
			.updateTable('promotions')
			.set({ cancelled_at: ctx.clock.now() })
			.where('post_id', '=', second)
			.execute();
		expect((await digestContent(ctx, target)).promoted.map((p) => p.title)).toEqual([
			'Jarmark bożonarodzeniowy w Radziejowicach'
		]);
		// The moderator is asked first what leaves the feed (both posts are on the board: an ended promotion's post stays).
		const shown = (await crossPostSources(ctx, moderator, target)).find((r) => r.id === source.id)!.posts;
		expect(shown).toBe(2);
		expect(await previewRefusal(ctx, moderator, target, source.id)).toEqual({
			source: { id: source.id, name: 'Grupa radziejowice' },
			posts: 2
		});
		await expect(previewRefusal(ctx, await memberOf(target), target, source.id)).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(previewRefusal(ctx, moderator, target, target.id)).rejects.toMatchObject({ code: 'validation' });
		expect((await digestContent(ctx, target)).promotionIds).toEqual([promotionId]);
		await refuseCrossPostSource(ctx, moderator, target, source.id);
		const content = await digestContent(ctx, target);
		expect(content.promoted).toEqual([]);
		expect(content.promotionIds).toEqual([]);
		// The source's own digest keeps it.
		expect((await digestContent(ctx, source)).promotionIds).toContain(promotionId);
	});
});
