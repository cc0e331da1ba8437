import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup } from '../groups/groups';
import { foldText } from '../text/fold';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { groupAtomFeed, type AtomFeedResult } from './atom';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, resident: Actor;
let open: Group, closed: Group;
let schoolId: string;

const none = { ifNoneMatch: null, ifModifiedSince: null };
const xmlOf = (r: AtomFeedResult) => {
	if (r.notModified) throw new Error('expected a feed');
	return r.xml;
};

async function publish(group: Group, body: string, unitId: string | null = null) {
	const at = clock.now();
	const { id } = await ctx.db
		.insertInto('posts')
		.values({
			group_id: group.id,
			author_id: resident.id,
			unit_id: unitId,
			body,
			body_folded: foldText(body),
			category: unitId ? 'official' : 'classifieds',
			status: 'published',
			created_at: at,
			published_at: at,
			reaction_counts: '{}'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	clock.advance(60_000);
	return id;
}

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	resident = await makeUser(ctx, 'anna@t.pl', { name: 'Anna N.' });
	open = await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	closed = await createGroup(ctx, operator, {
		slug: 'radziejowice',
		municipalityCode: '1438042',
		name: 'Radziejowice – zamknięta',
		membershipQuestion: 'Czy mieszkasz w gminie?',
		isPublic: false
	});
	({ id: schoolId } = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438053',
			slug: 'szkola',
			name: 'Szkoła Podstawowa w Wiskitkach',
			type: 'primarySchool',
			created_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow());
	await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438042',
			slug: 'gok',
			name: 'GOK Radziejowice',
			type: 'cultureCentre',
			created_at: clock.now()
		})
		.execute();
	await publish(open, 'Sprzedam rower');
	await publish(open, 'Zebranie rodziców\nw czwartek', schoolId);
	await publish(closed, 'Tajne ogłoszenie');
});
afterAll(async () => database?.close());

describe("a group's Atom feed", () => {
	it('carries the published posts, the unit by name and the resident by the display name only', async () => {
		const xml = xmlOf(await groupAtomFeed(ctx, 'wiskitki', null, none));
		expect(xml.match(/<entry>/g)).toHaveLength(2);
		expect(xml.indexOf('Zebranie rodziców')).toBeLessThan(xml.indexOf('Sprzedam rower'));
		expect(xml).toContain('<name>Szkoła Podstawowa w Wiskitkach</name>');
		expect(xml).toContain('<name>Anna N.</name>');
		expect(xml).not.toContain('anna@t.pl');
		expect(xml).toContain(
			'<link rel="self" type="application/atom+xml" href="http://tablica.test/g/wiskitki/atom.xml"/>'
		);
	});

	it("a unit's feed has only its posts; a unit of another municipality or none at all is 404", async () => {
		const xml = xmlOf(await groupAtomFeed(ctx, 'wiskitki', 'szkola', none));
		expect(xml.match(/<entry>/g)).toHaveLength(1);
		expect(xml).toContain('<title type="text">Zebranie rodziców</title>');
		expect(xml).not.toContain('Sprzedam rower');
		await expect(groupAtomFeed(ctx, 'wiskitki', 'gok', none)).rejects.toMatchObject({ code: 'not_found' });
		await expect(groupAtomFeed(ctx, 'wiskitki', 'nie-ma', none)).rejects.toMatchObject({ code: 'not_found' });
		await expect(groupAtomFeed(ctx, 'nie-ma', null, none)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('a private group has no feed, nor have its units', async () => {
		await expect(groupAtomFeed(ctx, 'radziejowice', null, none)).rejects.toMatchObject({ code: 'not_found' });
		await expect(groupAtomFeed(ctx, 'radziejowice', 'gok', none)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('is not modified until a post is published, edited or removed', async () => {
		const first = await groupAtomFeed(ctx, 'wiskitki', null, none);
		const again = (r: AtomFeedResult) =>
			groupAtomFeed(ctx, 'wiskitki', null, { ifNoneMatch: r.etag, ifModifiedSince: null });
		expect((await again(first)).notModified).toBe(true);
		const since = { ifNoneMatch: null, ifModifiedSince: first.lastModified.toUTCString() };
		expect((await groupAtomFeed(ctx, 'wiskitki', null, since)).notModified).toBe(true);
		const future = { ifNoneMatch: null, ifModifiedSince: new Date(clock.now().getTime() + 3600_000).toUTCString() };
		expect((await groupAtomFeed(ctx, 'wiskitki', null, future)).notModified).toBe(false);

		const unitFirst = await groupAtomFeed(ctx, 'wiskitki', 'szkola', none);
		const id = await publish(open, 'Zgubiono klucze');
		const published = await groupAtomFeed(ctx, 'wiskitki', null, since);
		expect(published.notModified).toBe(false);
		expect((await again(first)).notModified).toBe(false);
		// The unit's feed did not change with a resident's post.
		expect(
			(await groupAtomFeed(ctx, 'wiskitki', 'szkola', { ifNoneMatch: unitFirst.etag, ifModifiedSince: null }))
				.notModified
		).toBe(true);

		await ctx.db
			.updateTable('posts')
			.set({ body: 'Znaleziono klucze', edited_at: clock.now() })
			.where('id', '=', id)
			.execute();
		const edited = await groupAtomFeed(ctx, 'wiskitki', null, none);
		expect(edited.etag).not.toBe(published.etag);
		expect(edited.lastModified.getTime()).toBeGreaterThan(published.lastModified.getTime());
		expect(xmlOf(edited)).toContain('Znaleziono klucze');

		await ctx.db.updateTable('posts').set({ status: 'removed' }).where('id', '=', id).execute();
		const removed = await groupAtomFeed(ctx, 'wiskitki', null, { ifNoneMatch: edited.etag, ifModifiedSince: null });
		expect(removed.notModified).toBe(false);
		expect(xmlOf(removed)).not.toContain('klucze');
	});
});
