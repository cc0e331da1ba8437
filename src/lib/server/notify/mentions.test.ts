import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { suggestMembers } from '../groups/member-directory';
import { loadDemoMunicipalities, makeUser, openTestDatabase, refusal, testCtx } from '../testing/fixtures';
import { createPost } from '../feed/create-post';
import { addComment, listComments } from '../feed/comments';
import { getPost } from '../feed/feed-query';
import { decidePost } from '../moderation/content-decisions';
import { listNotifications } from './notifications';
import { findMentions, mentionCandidates } from './mentions';

let database: Database;
let ctx: Ctx;
let group: Group;
let operator: Actor, anna: Actor, annaMaria: Actor, jan: Actor, zofia: Actor, outsider: Actor, moderator: Actor;

async function member(email: string, name: string): Promise<Actor> {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, group, 'Tak');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

/** What a person was told since joining (the welcome left out), newest first. */
const kinds = async (who: Actor) =>
	(await listNotifications(ctx, who)).map((n) => n.kind).filter((k) => k !== 'membership_approved');

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?',
		isPublic: true
	});
	await ctx.db.updateTable('groups').set({ member_posts_need_approval: false, new_member_days: 0 }).execute();
	group = await getGroup(ctx.db, 'wiskitki');
	anna = await member('anna@t.pl', 'Anna');
	annaMaria = await member('annam@t.pl', 'Anna Maria Nowak');
	jan = await member('jan@t.pl', 'Jan Kowalski');
	zofia = await member('zofia@t.pl', 'Zofia Żółkiewska');
	moderator = await member('mod@t.pl', 'Moderatorka');
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	outsider = await makeUser(ctx, 'obcy@t.pl', { name: 'Obcy Człowiek' });
}, 180_000);
afterAll(async () => database?.close());

describe('finding mentions', () => {
	it('reads up to four words after an "@" that starts a word', () => {
		expect(mentionCandidates('Dzięki @Anna Maria Nowak, i do mail@x.pl @Ż')).toEqual([
			'Anna',
			'Anna Maria',
			'Anna Maria Nowak',
			'Ż'
		]);
		expect(mentionCandidates('bez wzmianki')).toEqual([]);
	});

	it('takes the longest member name written, only members, never the author', async () => {
		const found = await findMentions(
			ctx.db,
			group.id,
			'@Anna Maria Nowak i @Anna oraz @Obcy Człowiek, @Jan Kowalskiego, @Jan Kowalski',
			jan.id
		);
		expect(found.map((m) => m.name).sort()).toEqual(['Anna', 'Anna Maria Nowak']);
		expect((await findMentions(ctx.db, group.id, '@Jan Kowalski!', anna.id)).map((m) => m.id)).toEqual([jan.id]);
	});
});

describe('mentions in posts and comments', () => {
	it('tells who is mentioned in a comment once, instead of the usual notices, and stores the names', async () => {
		const { id: postId } = await createPost(ctx, jan, group, {
			body: 'Kto zna dobrego hydraulika?',
			category: 'questions'
		});
		const comment = await addComment(ctx, zofia, postId, {
			body: '@Jan Kowalski polecam pana z Guzowa, @Anna Maria Nowak też go zna.'
		});
		expect(comment.status).toBe('published');
		// Jan (the post's author) hears of the mention, not also of a comment on his post.
		expect(await kinds(jan)).toEqual(['mention']);
		expect(await kinds(annaMaria)).toEqual(['mention']);
		expect((await listNotifications(ctx, annaMaria))[0]).toMatchObject({
			actor_name: 'Zofia Żółkiewska',
			post_id: postId
		});
		const [shown] = await listComments(ctx, null, postId);
		expect(shown.mentions.sort()).toEqual(['Anna Maria Nowak', 'Jan Kowalski']);
	});

	it('tells those mentioned in a post, and a held post’s mentions when a moderator publishes it', async () => {
		const { id } = await createPost(ctx, anna, group, {
			body: 'Dziękuję @Zofia Żółkiewska za pomoc!',
			category: 'other'
		});
		expect((await getPost(ctx, null, id)).post.mentions).toEqual(['Zofia Żółkiewska']);
		expect(await kinds(zofia)).toContain('mention');
		await ctx.db.updateTable('groups').set({ member_posts_need_approval: true }).execute();
		const before = (await kinds(annaMaria)).length;
		const held = await createPost(ctx, anna, (group = await getGroup(ctx.db, 'wiskitki')), {
			body: 'Zebranie w sobotę, @Anna Maria Nowak przyniesie klucze.',
			category: 'other'
		});
		expect(held.status).toBe('pending');
		expect(await kinds(annaMaria)).toHaveLength(before);
		await decidePost(ctx, moderator, held.id, { decision: 'approve' });
		expect((await kinds(annaMaria)).length).toBe(before + 1);
		expect((await kinds(annaMaria))[0]).toBe('mention');
		await ctx.db.updateTable('groups').set({ member_posts_need_approval: false }).execute();
		group = await getGroup(ctx.db, 'wiskitki');
	});

	it('does not tell someone who blocked the author', async () => {
		await ctx.db
			.insertInto('user_blocks')
			.values({ user_id: anna.id, blocked_id: jan.id, created_at: new Date() })
			.execute();
		const before = (await kinds(anna)).length;
		await createPost(ctx, jan, group, { body: 'Pytanie do @Anna w sprawie festynu.', category: 'other' });
		expect(await kinds(anna)).toHaveLength(before);
	});
});

describe('the "@" autocomplete', () => {
	it('offers members whose name or a word of it starts with the letters, diacritics ignored, not oneself', async () => {
		expect(await suggestMembers(ctx, jan, group, 'an')).toEqual(['Anna', 'Anna Maria Nowak']);
		expect(await suggestMembers(ctx, jan, group, 'nowa')).toEqual(['Anna Maria Nowak']);
		expect(await suggestMembers(ctx, jan, group, 'zolk')).toEqual(['Zofia Żółkiewska']);
		expect(await suggestMembers(ctx, jan, group, 'Jan')).toEqual([]);
		expect(await suggestMembers(ctx, jan, group, '')).toEqual([]);
		expect(await suggestMembers(ctx, jan, group, '%')).toEqual([]);
	});

	it('answers only those who may see the member list', async () => {
		expect((await refusal(suggestMembers(ctx, null, group, 'an'))).code).toBe('unauthenticated');
		expect((await refusal(suggestMembers(ctx, outsider, group, 'an'))).code).toBe('forbidden');
		expect((await refusal(suggestMembers(ctx, jan, group, 'x'.repeat(101)))).code).toBe('validation');
	});
});
