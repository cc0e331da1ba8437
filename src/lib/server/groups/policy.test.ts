import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { addComment } from '../feed/comments';
import { setPostReaction } from '../feed/engagement';
import { listFeed } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { decidePost } from '../moderation/content-decisions';
import { imposeSanction } from '../moderation/sanctions';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import {
	createGroup,
	decideMembership,
	getGroup,
	leaveGroup,
	listMembers,
	requestMembership,
	updateGroup
} from './groups';
import type { GroupAction, GroupRole } from '../access/policy';

let database: Database;
let ctx: Ctx;
let group: Group;
let operator: Actor;
let member: Actor;
let unitId: string;
let publishedPostId: string;
let n = 0;

const roles: GroupRole[] = [
	'anonymous',
	'user',
	'pending',
	'member',
	'publisher',
	'moderator',
	'operator',
	'muted',
	'suspended',
	'banned'
];
const actions: GroupAction[] = [
	'read',
	'join',
	'leave',
	'listMembers',
	'decideMembership',
	'post',
	'comment',
	'react',
	'moderate',
	'edit'
];

// Expected, written out by hand for a private group: 1 = allowed.
const matrix: Record<GroupRole, number[]> = {
	//           read join leave listM decide post comm react mod edit
	anonymous: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
	user: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
	pending: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
	member: [1, 0, 1, 1, 0, 1, 1, 1, 0, 0],
	publisher: [1, 1, 0, 0, 0, 1, 1, 1, 0, 0],
	moderator: [1, 0, 1, 1, 1, 1, 1, 1, 1, 0],
	operator: [1, 0, 0, 1, 1, 1, 1, 1, 1, 1],
	// Members under a sanction imposed by a moderator.
	muted: [1, 0, 1, 1, 0, 0, 0, 1, 0, 0],
	suspended: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
	banned: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
};

async function actorIn(role: GroupRole): Promise<Actor | null> {
	if (role === 'anonymous') return null;
	const actor = await makeUser(ctx, `${role}${++n}@t.pl`, { operator: role === 'operator' });
	const sanctioned = role === 'muted' ? 'mute' : role === 'suspended' ? 'suspend' : role === 'banned' ? 'ban' : null;
	if (role === 'pending' || role === 'member' || role === 'moderator' || sanctioned) {
		await requestMembership(ctx, actor, group, 'Mieszkam tu');
		if (role !== 'pending') await decideMembership(ctx, operator, group, actor.id, true);
		if (role === 'moderator')
			await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', actor.id).execute();
	}
	if (sanctioned)
		await imposeSanction(ctx, operator, group, {
			userId: actor.id,
			kind: sanctioned,
			days: 7,
			ground: 'insult',
			reason: 'Obrażał innych członków grupy.'
		});
	if (role === 'publisher')
		await ctx.db.insertInto('unit_members').values({ unit_id: unitId, user_id: actor.id, role: 'editor' }).execute();
	return actor;
}

async function perform(action: GroupAction, actor: Actor | null, role: GroupRole): Promise<void> {
	switch (action) {
		case 'read':
			return void (await listFeed(ctx, actor, group));
		case 'join':
			return void (await requestMembership(ctx, actor, group, 'Mieszkam w Wiskitkach'));
		case 'leave':
			return leaveGroup(ctx, actor, group);
		case 'listMembers':
			return void (await listMembers(ctx, actor, group));
		case 'decideMembership': {
			const applicant = await makeUser(ctx, `applicant${++n}@t.pl`);
			await requestMembership(ctx, applicant, group, 'Mieszkam tu');
			return decideMembership(ctx, actor, group, applicant.id, true);
		}
		case 'post':
			return void (await createPost(ctx, actor, group, {
				body: 'Nowy post',
				category: 'other',
				unitId: role === 'publisher' ? unitId : undefined
			}));
		case 'comment':
			return void (await addComment(ctx, actor, publishedPostId, { body: 'Komentarz' }));
		case 'react':
			return void (await setPostReaction(ctx, actor, publishedPostId, 'like'));
		case 'moderate': {
			const { id } = await createPost(ctx, member, group, { body: 'Czeka na akceptację', category: 'other' });
			return decidePost(ctx, actor, id, { decision: 'approve' });
		}
		case 'edit':
			return void (await updateGroup(ctx, actor, group.id, {
				name: 'Wiskitki – forum',
				membershipQuestion: 'Czy mieszkasz w gminie?',
				isPublic: false
			}));
	}
}

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'prywatna',
		municipalityCode: '1438053',
		name: 'Grupa prywatna',
		membershipQuestion: 'Skąd jesteś?',
		isPublic: false
	});
	group = await getGroup(ctx.db, 'prywatna');
	const unit = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438053',
			slug: 'sp',
			name: 'Szkoła Podstawowa',
			type: 'primarySchool',
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	unitId = unit.id;
	member = (await actorIn('member'))!;
	publishedPostId = (await createPost(ctx, operator, group, { body: 'Opublikowany', category: 'official' })).id;
});
afterAll(async () => database?.close());

describe('authorization matrix: every role × every group action', () => {
	for (const role of roles) {
		for (const [i, action] of actions.entries()) {
			const allowed = matrix[role][i] === 1;
			it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
				const actor = await actorIn(role);
				const result = perform(action, actor, role);
				if (allowed) await expect(result).resolves.toBeUndefined();
				else
					await expect(result).rejects.toMatchObject({ code: role === 'anonymous' ? 'unauthenticated' : 'forbidden' });
			});
		}
	}

	it('only the operator creates groups', async () => {
		for (const role of roles.filter((r) => r !== 'operator')) {
			const actor = await actorIn(role);
			await expect(
				createGroup(ctx, actor, {
					slug: `g${n}`,
					municipalityCode: '1438053',
					name: 'Inna grupa',
					membershipQuestion: 'Skąd jesteś?'
				})
			).rejects.toMatchObject({
				code: role === 'anonymous' ? 'unauthenticated' : 'forbidden'
			});
		}
	});

	it('a publisher may not post as a unit that is not theirs, nor as themselves', async () => {
		const actor = await actorIn('publisher');
		const other = await ctx.db
			.insertInto('units')
			.values({ municipality_code: '1438053', slug: 'osp', name: 'OSP', type: 'fireBrigade', created_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			createPost(ctx, actor, group, { body: 'x', category: 'safety', unitId: other.id })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createPost(ctx, actor, group, { body: 'x', category: 'safety' })).rejects.toMatchObject({
			code: 'forbidden'
		});
	});

	it('an unverified user may not join', async () => {
		const actor = await makeUser(ctx, 'niepotwierdzony@t.pl', { verified: false });
		await expect(requestMembership(ctx, actor, group, 'Mieszkam tu')).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('potwierdź adres')
		});
	});
});
