import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, LiveEvent } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { neighbours } from '../testing/neighbours';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createPost } from './create-post';
import { addComment } from './comments';
import { setPostReaction } from './engagement';
import { liveStreamFilter } from './live-stream';

// Pakiet 3: the post page at `/g/{target}/p/{id}` listens to `/g/{target}/live?post={id}`. A post of
// a private Radziejowice group is cross-posted into Wiskitki (public) and Mszczonów (private);
// Milanówek never had it.

let database: Database;
let ctx: Ctx;
let operator: Actor;
let source: Group;
let postId: string;
let n = 0;
let group: ReturnType<typeof neighbours>['group'];
let memberOf: ReturnType<typeof neighbours>['memberOf'];
let promotedPost: ReturnType<typeof neighbours>['promotedPost'];
const groups = {} as Record<'wiskitki' | 'mszczonow' | 'milanowek', Group>;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	({ group, memberOf, promotedPost } = neighbours(ctx, operator));
	source = await group('radziejowice', '1438042', false);
	groups.wiskitki = await group('wiskitki', '1438053', true);
	groups.mszczonow = await group('mszczonow', '1438023', false);
	groups.milanowek = await group('milanowek', '1405011', true);
	await ctx.db
		.updateTable('groups')
		.set({ cross_post_targets: [groups.wiskitki.id, groups.mszczonow.id] })
		.where('id', '=', source.id)
		.execute();
	postId = await promotedPost(source, 'Jarmark świąteczny w sobotę', 'culture');
});
afterAll(async () => database?.close());

type Through = keyof typeof groups | 'radziejowice';
type Who = 'its member' | 'source member' | 'signed-in outsider' | 'anonymous';

async function person(who: Who, through: Through): Promise<Actor | null> {
	if (who === 'anonymous') return null;
	if (who === 'source member') return memberOf(source);
	if (who === 'signed-in outsider') return makeUser(ctx, `nikt${++n}@t.pl`);
	return memberOf(through === 'radziejowice' ? groups.wiskitki : groups[through]);
}

// Whose `/g/{group}/live?post={id}` is opened; on Radziejowice's address "its member" is a member of Wiskitki.
const matrix: [Through, Who, 'streams' | 'forbidden' | 'unauthenticated'][] = [
	['wiskitki', 'its member', 'streams'],
	['wiskitki', 'source member', 'streams'],
	['wiskitki', 'signed-in outsider', 'streams'],
	['wiskitki', 'anonymous', 'streams'],
	['mszczonow', 'its member', 'streams'],
	['mszczonow', 'source member', 'streams'],
	['mszczonow', 'signed-in outsider', 'forbidden'],
	['mszczonow', 'anonymous', 'unauthenticated'],
	['milanowek', 'its member', 'forbidden'],
	['milanowek', 'anonymous', 'unauthenticated'],
	['radziejowice', 'its member', 'forbidden'],
	['radziejowice', 'source member', 'streams']
];

describe("a post's live events through a group it was cross-posted into", () => {
	for (const [through, who, outcome] of matrix) {
		it(`/g/${through}/live?post: ${who} → ${outcome}`, async () => {
			const actor = await person(who, through);
			const opening = liveStreamFilter(ctx, actor, through, postId);
			if (outcome === 'streams') await expect(opening).resolves.toBeTypeOf('function');
			else await expect(opening).rejects.toMatchObject({ code: outcome });
		});
	}

	it("the source group's whole stream stays closed to the target's members", async () => {
		const member = await memberOf(groups.wiskitki);
		await expect(liveStreamFilter(ctx, member, source.slug, null)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(liveStreamFilter(ctx, null, 'nie-ma-takiej', null)).rejects.toMatchObject({ code: 'not_found' });
	});

	it("lets through the post's comments and counts, and nothing else of the source group", async () => {
		const member = await memberOf(groups.wiskitki);
		const seen: LiveEvent[] = [];
		const off = ctx.notifier.subscribe((e) => seen.push(e));
		try {
			const otherPost = (await createPost(ctx, operator, source, { body: 'Zebranie sołeckie', category: 'other' })).id;
			const ownPost = (await createPost(ctx, operator, groups.wiskitki, { body: 'Post Wiskitek', category: 'other' }))
				.id;
			const sourceMember = await memberOf(source);
			const comment = await addComment(ctx, sourceMember, postId, { body: 'Przyjdziemy całą rodziną.' });
			await addComment(ctx, sourceMember, otherPost, { body: 'Będę na zebraniu.' });
			await addComment(ctx, operator, ownPost, { body: 'Zapraszamy.' });
			await setPostReaction(ctx, member, postId, 'like', groups.wiskitki.slug);
			await vi.waitFor(
				() => {
					expect(seen.filter((e) => e.type === 'comment').map((e) => e.postId)).toEqual([postId, otherPost, ownPost]);
					expect(seen.some((e) => e.type === 'counts' && e.postId === postId && e.reactions === 1)).toBe(true);
				},
				{ timeout: 20_000, interval: 50 }
			);
			const through = seen.filter(await liveStreamFilter(ctx, member, groups.wiskitki.slug, postId));
			expect(through.length).toBeGreaterThanOrEqual(2);
			expect(through.every((e) => e.type !== 'message' && e.postId === postId && e.groupId === source.id)).toBe(true);
			expect(through).toContainEqual({ type: 'comment', groupId: source.id, postId, commentId: comment.id });
			// Wiskitki's own stream has its own post's events, none of the source group's.
			const feed = seen.filter(await liveStreamFilter(ctx, member, groups.wiskitki.slug, null));
			expect(feed.length).toBeGreaterThan(0);
			expect(feed.every((e) => e.type !== 'message' && e.groupId === groups.wiskitki.id && e.postId === ownPost)).toBe(
				true
			);
		} finally {
			off();
		}
	});
});
