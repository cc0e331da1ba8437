import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { neighbours } from '../testing/neighbours';
import { addComment } from '../feed/comments';
import { reportTarget } from '../feed/report-target';
import { refuseCrossPostSource } from '../promotions/cross-posting';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { listQueue } from './queue';
import { fileReport } from './reports';

// Pakiet 3: a post of a private Radziejowice group, cross-posted into Wiskitki (public), Mszczonów
// (private, on the coordinator's list) and Puszcza Mariańska (which then refused the source), is
// reported by those who read it there (`/zglos?…&przez={slug}`); the notice goes to the source's
// moderators. Milanówek never had it.

let database: Database;
let ctx: Ctx;
let operator: Actor;
let moderator: Actor;
let source: Group;
let postId: string;
let n = 0;
let group: ReturnType<typeof neighbours>['group'];
let memberOf: ReturnType<typeof neighbours>['memberOf'];
let promotedPost: ReturnType<typeof neighbours>['promotedPost'];
let commentId: string;
const groups = {} as Record<'wiskitki' | 'mszczonow' | 'puszcza' | 'milanowek', Group>;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	({ group, memberOf, promotedPost } = neighbours(ctx, operator));
	source = await group('radziejowice', '1438042', false);
	groups.wiskitki = await group('wiskitki', '1438053', true);
	groups.mszczonow = await group('mszczonow', '1438023', false);
	groups.puszcza = await group('puszcza', '1438032', true);
	groups.milanowek = await group('milanowek', '1405011', true);
	await ctx.db
		.updateTable('groups')
		.set({ cross_post_targets: [groups.wiskitki.id, groups.mszczonow.id, groups.puszcza.id] })
		.where('id', '=', source.id)
		.execute();
	moderator = await memberOf(source, 'moderator');
	postId = await promotedPost(source, 'Jarmark świąteczny w sobotę', 'culture');
	await refuseCrossPostSource(ctx, await memberOf(groups.puszcza, 'moderator'), groups.puszcza, source.id);
	const commenter = await memberOf(groups.wiskitki);
	commentId = (await addComment(ctx, commenter, postId, { body: 'Będą pierniki?' }, 'wiskitki')).id;
	// Reports from members of the source hide a comment; here it stays published, whoever reports.
	await ctx.db.updateTable('groups').set({ report_hide_threshold: 100 }).where('id', '=', source.id).execute();
});
afterAll(async () => database?.close());

type Through = keyof typeof groups | null;
type Who = 'its member' | 'source member' | 'signed-in outsider' | 'anonymous';
type Outcome = 'filed' | 'forbidden' | 'unauthenticated';

async function person(who: Who, through: Through): Promise<Actor | null> {
	if (who === 'anonymous') return null;
	if (who === 'source member') return memberOf(source);
	if (who === 'signed-in outsider') return makeUser(ctx, `nikt${++n}@t.pl`);
	return memberOf(groups[through ?? 'wiskitki']);
}

const notice = (target: { postId: string } | { commentId: string }, email: string) => ({
	...target,
	ground: 'illegal',
	explanation: 'Podaje cudzy adres i namawia do nękania.',
	name: 'Anna Nowak',
	email,
	goodFaith: 'on'
});

// Through which group (`przez`), who: what happens to their notice about the post and its comment.
// With no group given, "its member" is a member of Wiskitki.
const matrix: [Through, Who, Outcome][] = [
	['wiskitki', 'its member', 'filed'],
	['wiskitki', 'source member', 'filed'],
	// Wiskitki is public: whoever may read it may report what it shows.
	['wiskitki', 'signed-in outsider', 'filed'],
	['wiskitki', 'anonymous', 'filed'],
	['mszczonow', 'its member', 'filed'],
	['mszczonow', 'source member', 'filed'],
	['mszczonow', 'signed-in outsider', 'forbidden'],
	['mszczonow', 'anonymous', 'unauthenticated'],
	// Refused the source: the post is not shown there any more.
	['puszcza', 'its member', 'forbidden'],
	['puszcza', 'anonymous', 'unauthenticated'],
	// Never had the post.
	['milanowek', 'its member', 'forbidden'],
	['milanowek', 'anonymous', 'unauthenticated'],
	['milanowek', 'source member', 'filed'],
	// No group given: the private source alone.
	[null, 'its member', 'forbidden'],
	[null, 'anonymous', 'unauthenticated'],
	[null, 'source member', 'filed']
];

describe('reporting a cross-posted post and its comments through the group it was read in', () => {
	for (const [through, who, outcome] of matrix) {
		it(`through ${through ?? 'no group'}: ${who} → ${outcome}`, async () => {
			const actor = await person(who, through);
			const email = `zglaszajacy${++n}@poczta.pl`;
			const shown = through && through !== 'milanowek' ? through : null;
			for (const target of [{ postId }, { commentId }]) {
				const asked = { postId: null, commentId: null, ...target, via: through };
				const filing = () => fileReport(ctx, actor, notice(target, email), { via: through });
				if (outcome !== 'filed') {
					await expect(reportTarget(ctx, actor, asked)).rejects.toMatchObject({ code: outcome });
					await expect(filing()).rejects.toMatchObject({ code: outcome });
					continue;
				}
				const seen = await reportTarget(ctx, actor, asked);
				// The way back leads to the group it was read in; the notice names the source.
				expect(seen.href).toBe(
					`/g/${shown ?? source.slug}/p/${postId}${'commentId' in target ? `#k${commentId}` : ''}`
				);
				expect(seen.via?.slug ?? null).toBe(shown);
				expect(seen.group).toBe(source.name);
				const { id } = await filing();
				const report = await ctx.db
					.selectFrom('reports')
					.select(['group_id', 'post_id', 'comment_id', 'reporter_id'])
					.where('id', '=', id)
					.executeTakeFirstOrThrow();
				expect(report).toEqual({
					group_id: source.id,
					post_id: 'postId' in target ? postId : null,
					comment_id: 'commentId' in target ? commentId : null,
					reporter_id: actor?.id ?? null
				});
			}
		});
	}

	it("lands in the source group's moderation queue, and in no target's", async () => {
		const queue = await listQueue(ctx, moderator, source);
		const post = queue.reported.find((i) => i.kind === 'post' && i.id === postId);
		const comment = queue.reported.find((i) => i.kind === 'comment' && i.id === commentId);
		const filed = matrix.filter(([, , outcome]) => outcome === 'filed').length;
		expect(post?.reports.length).toBe(filed);
		expect(comment?.reports.length).toBe(filed);
		const wiskitkiModerator = await memberOf(groups.wiskitki, 'moderator');
		expect((await listQueue(ctx, wiskitkiModerator, groups.wiskitki)).reported).toEqual([]);
	});

	it('an unknown or unrelated group gives the same error as none', async () => {
		const member = await memberOf(groups.wiskitki);
		const refusal = async (via: string | null) => {
			const error = await fileReport(ctx, member, notice({ postId }, 'x@poczta.pl'), { via }).catch((e) => e);
			const shown = await reportTarget(ctx, member, { postId, commentId: null, via }).catch((e) => e);
			return [error.code, error.message, shown.code, shown.message];
		};
		const none = await refusal(null);
		expect(none[0]).toBe('forbidden');
		for (const via of ['milanowek', 'nie-ma-takiej-grupy', source.slug, '']) expect(await refusal(via)).toEqual(none);
	});
});
