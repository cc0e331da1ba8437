import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { decidePost } from '../moderation/content-decisions';
import { createPost } from './create-post';
import { reviseHeldPost } from './revise-held';

let database: Database;
let ctx: Ctx;
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
	let clock;
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
