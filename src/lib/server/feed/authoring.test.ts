import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff, removeStaff } from '../units/staff';
import { unitPostStats } from '../units/unit-stats';
import { recordViews } from './engagement';
import { deletePost, editPost, listRevisions, publishDraft, publishDueScheduled } from './authoring';
import { addComment } from './comments';
import { getPost, listFeed, listOwnPendingPosts } from './feed-query';
import { createPost } from './create-post';
import { addPlace } from '../places/places';

const MIN = 60_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, anna: Actor, jan: Actor, teacher: Actor, director: Actor;
let group: Group;
let schoolId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	schoolId = await addUnit(ctx, operator, '1438053', { name: 'Szkoła Podstawowa', type: 'primarySchool' });
	teacher = await makeUser(ctx, 'nauczycielka@t.pl', { name: 'Nauczycielka' });
	director = await makeUser(ctx, 'dyrektor@t.pl', { name: 'Dyrektor' });
	for (const who of [teacher, director]) {
		const { token } = await inviteStaff(ctx, operator, schoolId, { email: who.email, role: 'editor' });
		await acceptInvitation(ctx, who, token);
	}
	for (const [email, name] of [
		['anna@t.pl', 'Anna'],
		['jan@t.pl', 'Jan']
	]) {
		const a = await makeUser(ctx, email, { name });
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, operator, group, a.id, true);
		if (name === 'Anna') anna = a;
		else jan = a;
	}
});
afterAll(async () => database?.close());

const schoolPost = (extra: Record<string, unknown> = {}) =>
	createPost(ctx, teacher, group, {
		body: 'Zebranie rodziców klas czwartych w czwartek o 17:00.',
		category: 'education',
		unitId: schoolId,
		...extra
	});

describe('drafts', () => {
	it('are seen only by their author until published', async () => {
		const draft = await schoolPost({ draft: true });
		expect(draft.status).toBe('draft');
		expect((await listFeed(ctx, anna, group)).items.map((p) => p.id)).not.toContain(draft.id);
		await expect(getPost(ctx, anna, draft.id)).rejects.toMatchObject({ code: 'not_found' });
		expect((await listOwnPendingPosts(ctx, teacher, group)).map((p) => [p.id, p.status])).toContainEqual([
			draft.id,
			'draft'
		]);
		await expect(publishDraft(ctx, anna, draft.id)).rejects.toMatchObject({ code: 'forbidden' });
		// Another member of the unit's staff may publish it: the unit is the institution's.
		expect(await publishDraft(ctx, director, draft.id)).toMatchObject({ status: 'published' });
		await expect(publishDraft(ctx, director, draft.id)).rejects.toMatchObject({ code: 'conflict' });
		expect((await listFeed(ctx, anna, group)).items.map((p) => p.id)).toContain(draft.id);
	});

	it('names its places; a unit that speaks for a sołectwo names it by default; the feed filters by place', async () => {
		const guzow = await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Guzów' });
		const village = await addPlace(ctx, operator, group, { kind: 'locality', name: 'Guzów', areaId: guzow.id });
		const other = await addPlace(ctx, operator, group, { kind: 'locality', name: 'Oryszew' });
		await expect(schoolPost({ places: ['99999'] })).rejects.toMatchObject({
			code: 'validation',
			fields: { places: expect.any(String) }
		});
		const named = await schoolPost({ body: 'Zebranie w Oryszewie', places: [other.id] });
		await ctx.db.updateTable('units').set({ place_id: guzow.id }).where('id', '=', schoolId).execute();
		const byDefault = await schoolPost({ body: 'Festyn sołecki' });
		expect((await getPost(ctx, anna, byDefault.id)).post.places).toEqual(['sołectwo Guzów']);
		expect((await getPost(ctx, anna, named.id)).post.places).toEqual(['Oryszew']);
		// The village's feed shows the sołectwo's posts; Oryszew's does not.
		const inVillage = await listFeed(ctx, anna, group, { placeId: village.id });
		expect(inVillage.items.map((p) => p.id)).toEqual([byDefault.id]);
		const inOryszew = await listFeed(ctx, anna, group, { placeId: other.id });
		expect(inOryszew.items.map((p) => p.id)).toEqual([named.id]);
		await expect(listFeed(ctx, anna, group, { placeId: 'x' })).rejects.toMatchObject({ code: 'not_found' });
		await ctx.db.updateTable('units').set({ place_id: null }).where('id', '=', schoolId).execute();
	});
});

describe('scheduled publication', () => {
	it('refuses times too soon or too far, and publishes when the time comes', async () => {
		await expect(schoolPost({ publishAt: new Date(clock.now().getTime() + 10_000) })).rejects.toMatchObject({
			code: 'validation',
			fields: { publishAt: expect.any(String) }
		});
		await expect(
			schoolPost({ publishAt: new Date(clock.now().getTime() + 400 * 24 * 60 * MIN) })
		).rejects.toMatchObject({ code: 'validation', fields: { publishAt: expect.any(String) } });
		const scheduled = await schoolPost({ publishAt: new Date(clock.now().getTime() + 30 * MIN) });
		expect(scheduled.status).toBe('scheduled');
		expect(await publishDueScheduled(ctx)).toBe(0);
		clock.advance(30 * MIN);
		expect(await publishDueScheduled(ctx)).toBe(1);
		const { post } = await getPost(ctx, anna, scheduled.id);
		expect(post).toMatchObject({ status: 'published', scheduledFor: null, createdAt: clock.now().toISOString() });
		expect(await publishDueScheduled(ctx)).toBe(0);
	});

	it('goes back to drafts when its author may no longer publish as the unit', async () => {
		const scheduled = await createPost(ctx, director, group, {
			body: 'Plan zajęć na ferie.',
			category: 'education',
			unitId: schoolId,
			publishAt: new Date(clock.now().getTime() + 5 * MIN)
		});
		await removeStaff(ctx, operator, schoolId, director.id);
		clock.advance(6 * MIN);
		expect(await publishDueScheduled(ctx)).toBe(0);
		expect(
			await ctx.db
				.selectFrom('posts')
				.select(['status', 'moderation_reason'])
				.where('id', '=', scheduled.id)
				.executeTakeFirstOrThrow()
		).toMatchObject({ status: 'draft', moderation_reason: expect.stringContaining('Nie opublikowano') });
	});
});

describe('editing, history, deleting, comments', () => {
	it('keeps every earlier version and marks the post as edited', async () => {
		const { id } = await schoolPost();
		await expect(editPost(ctx, anna, id, { body: 'Cudzy', category: 'education' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(editPost(ctx, teacher, id, { body: '', category: 'education' })).rejects.toMatchObject({
			code: 'validation'
		});
		expect(
			await editPost(ctx, teacher, id, {
				body: 'Zebranie rodziców klas czwartych w czwartek o 17:30 (zmiana godziny).',
				category: 'education'
			})
		).toMatchObject({ status: 'published' });
		const { post } = await getPost(ctx, anna, id);
		expect(post.editedAt).toBe(clock.now().toISOString());
		expect((await listRevisions(ctx, id)).map((r) => r.body)).toEqual([
			'Zebranie rodziców klas czwartych w czwartek o 17:00.'
		]);
		// A unit's edit is screened like its posts: only a block holds it.
		expect(
			await editPost(ctx, teacher, id, {
				body: 'Zebranie w czwartek — przyjdźcie, k***a, wszyscy.',
				category: 'education'
			})
		).toMatchObject({ status: 'published' });
		expect(await listRevisions(ctx, id)).toHaveLength(2);
	});

	it('a resident whose edited post turns vulgar is held again', async () => {
		await ctx.db.updateTable('groups').set({ member_posts_need_approval: false }).where('id', '=', group.id).execute();
		group = await getGroup(ctx.db, 'wiskitki');
		const { id, status } = await createPost(ctx, jan, group, {
			body: 'Piękny zachód słońca nad Pisią.',
			category: 'other'
		});
		expect(status).toBe('published');
		expect(
			await editPost(ctx, jan, id, { body: 'Zajebisty zachód słońca nad Pisią.', category: 'other' })
		).toMatchObject({ status: 'pending', reasons: [expect.stringContaining('Zajebisty')] });
		expect((await listFeed(ctx, anna, group)).items.map((p) => p.id)).not.toContain(id);
		// Corrected while held: the held text, which nobody else saw, never enters the public history.
		await editPost(ctx, jan, id, { body: 'Cudowny zachód słońca nad Pisią.', category: 'other' });
		expect((await listRevisions(ctx, id)).map((r) => r.body)).toEqual(['Piękny zachód słońca nad Pisią.']);
	});

	it('a draft edited before publishing leaves no history and no "edytowano"', async () => {
		const { id } = await schoolPost({ body: 'Szkic: dzień otwarty w sobotę.', draft: true });
		clock.advance(5 * MIN);
		await editPost(ctx, teacher, id, { body: 'Dzień otwarty szkoły w sobotę od 10:00.', category: 'education' });
		await publishDraft(ctx, teacher, id);
		expect(await listRevisions(ctx, id)).toEqual([]);
		expect((await getPost(ctx, anna, id)).post.editedAt).toBeNull();
	});

	it('comments can be turned off, and a deleted post disappears', async () => {
		const { id } = await createPost(ctx, jan, group, {
			body: 'Sprzedam rower, szczegóły w wiadomości.',
			category: 'classifieds',
			commentsEnabled: false
		});
		await expect(addComment(ctx, anna, id, { body: 'Ile?' })).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('wyłączył komentarze')
		});
		await editPost(ctx, jan, id, {
			body: 'Sprzedam rower, szczegóły w wiadomości.',
			category: 'classifieds',
			commentsEnabled: true
		});
		expect((await addComment(ctx, anna, id, { body: 'Ile kosztuje?' })).status).toBe('published');
		await expect(deletePost(ctx, anna, id)).rejects.toMatchObject({ code: 'forbidden' });
		await deletePost(ctx, jan, id);
		await expect(getPost(ctx, anna, id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(deletePost(ctx, jan, id)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe("the publisher's view", () => {
	it('shows the unit posts with views, unique viewers and engagement, to its staff only', async () => {
		const { id } = await schoolPost({ body: 'Wycieczka do Żelazowej Woli w piątek.' });
		await recordViews(ctx, [id], 'u:1');
		await recordViews(ctx, [id], 'a:xyz');
		clock.advance(24 * 60 * MIN);
		await recordViews(ctx, [id], 'u:1');
		await addComment(ctx, anna, id, { body: 'Super, dziękujemy!' });
		const stats = await unitPostStats(ctx, teacher, schoolId);
		expect(stats.posts.find((p) => p.id === id)).toMatchObject({
			views: 3,
			uniqueViewers: 2,
			comments: 1,
			reactions: 0,
			shares: 0
		});
		await expect(unitPostStats(ctx, anna, schoolId)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await unitPostStats(ctx, operator, schoolId)).posts.length).toBeGreaterThan(1);
	});
});
