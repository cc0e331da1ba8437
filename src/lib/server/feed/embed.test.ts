import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group, PostStatus } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import {
	contrastRatio,
	DEFAULT_THEME,
	embedLimit,
	embedSnippet,
	embedTheme,
	embedWidget,
	parseHexColour
} from './embed';
import { excerpt } from '../../text/excerpt';

describe('the widget colours', () => {
	it('computes WCAG contrast ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// Symmetric, and the well-known #767676 on white is just above AA.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(contrastRatio('#767676', '#ffffff'), 10);
		expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
	});

	it('reads hex colours and nothing else', () => {
		expect(parseHexColour('1F5FA8')).toBe('#1f5fa8');
		expect(parseHexColour('#abc')).toBe('#aabbcc');
		for (const bad of [null, '', 'red', '12345', '1f5fa8;x', 'ggg000', '"><b>']) expect(parseHexColour(bad)).toBeNull();
	});

	it('takes a readable pair, ignores bad values and falls back to the defaults below 4.5:1', () => {
		expect(embedTheme(null, null)).toEqual({ ...DEFAULT_THEME, text: '#1a1a1a', custom: false });
		expect(embedTheme('7a1010', 'fff8e0')).toMatchObject({ accent: '#7a1010', background: '#fff8e0', custom: true });
		// A dark background gets white text.
		expect(embedTheme('ffd24a', '102040')).toMatchObject({ accent: '#ffd24a', background: '#102040', text: '#ffffff' });
		// Invalid values are ignored one by one: a good background with the default accent.
		expect(embedTheme('nie-kolor', 'f4f4f4')).toMatchObject({ accent: DEFAULT_THEME.accent, background: '#f4f4f4' });
		// Yellow on white, or #777 on white (4.48:1): too little contrast, both colours back to the defaults.
		expect(embedTheme('ffff00', 'ffffff')).toEqual({ ...DEFAULT_THEME, text: '#1a1a1a', custom: false });
		expect(embedTheme('777777', null)).toEqual({ ...DEFAULT_THEME, text: '#1a1a1a', custom: false });
		expect(embedTheme('767676', null)).toMatchObject({ accent: '#767676', custom: true });
		// A dark background the default accent cannot be read on.
		expect(embedTheme(null, '000000')).toEqual({ ...DEFAULT_THEME, text: '#1a1a1a', custom: false });
	});

	it('limits to 1–10 posts, 5 when not asked', () => {
		expect([null, '', 'abc', '-3', '2.5'].map(embedLimit)).toEqual([5, 5, 5, 5, 5]);
		expect(['0', '1', '7', '10', '11', '999'].map(embedLimit)).toEqual([1, 1, 7, 10, 10, 10]);
	});

	it('cuts an excerpt at a word', () => {
		expect(excerpt('Krótki\n\ntekst')).toBe('Krótki tekst');
		const long = excerpt('Zebranie wiejskie '.repeat(20));
		expect(long.length).toBeLessThanOrEqual(161);
		expect(long).toMatch(/ (Zebranie|wiejskie)…$/);
	});
});

describe('the widget of a group, gated by Pakiet 3 at the moment of use', () => {
	let database: Database;
	let ctx: Ctx;
	let clock: ReturnType<typeof testCtx>['clock'];
	let operator: Actor, coordinator: Actor, resident: Actor, stranger: Actor;
	let group: Group;
	const none = { kolor: null, tlo: null, limit: null };

	beforeAll(async () => {
		database = await openTestDatabase();
		({ ctx, clock } = testCtx(database));
		clock.set(new Date('2026-12-15T10:00:00Z'));
		await loadDemoMunicipalities(ctx);
		operator = await makeUser(ctx, 'op@t.pl', { operator: true });
		coordinator = await makeUser(ctx, 'koord@t.pl');
		resident = await makeUser(ctx, 'anna@t.pl');
		stranger = await makeUser(ctx, 'obcy@t.pl');
		await createGroup(ctx, operator, {
			slug: 'wiskitki',
			municipalityCode: '1438053',
			name: 'Wiskitki',
			membershipQuestion: 'Skąd?'
		});
		group = await getGroup(ctx.db, 'wiskitki');
		await activatePackage(ctx, operator, group);
		await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
		const unit = await ctx.db
			.insertInto('units')
			.values({
				municipality_code: '1438053',
				slug: 'sp',
				name: 'Szkoła Podstawowa w Wiskitkach',
				type: 'primarySchool',
				verified: true,
				created_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const post = (body: string, at: string, o: { unit?: boolean; status?: PostStatus } = {}) => ({
			group_id: group.id,
			author_id: o.unit === false ? resident.id : coordinator.id,
			unit_id: o.unit === false ? null : unit.id,
			body,
			body_folded: body.toLowerCase(),
			category: 'education',
			status: o.status ?? ('published' as const),
			created_at: new Date(at),
			published_at: o.status && o.status !== 'published' ? null : new Date(at),
			reaction_counts: '{}'
		});
		await ctx.db
			.insertInto('posts')
			.values([
				post('Dzień otwarty szkoły', '2026-12-01T10:00:00Z'),
				post('Zbiórka karmy dla schroniska', '2026-12-05T10:00:00Z'),
				post('Sprzedam rower', '2026-12-06T10:00:00Z', { unit: false }),
				post('Szkic ogłoszenia', '2026-12-07T10:00:00Z', { status: 'draft' })
			])
			.execute();
	});
	afterAll(async () => database?.close());

	it('shows only a link to the group on Pakiet 1, and the unit posts from the day Pakiet 3 starts', async () => {
		const plain = await embedWidget(ctx, 'wiskitki', none);
		expect(plain).toEqual({
			variant: 'link',
			group: { name: 'Wiskitki', url: 'http://tablica.test/g/wiskitki' },
			theme: embedTheme(null, null)
		});

		const s = await ctx.db
			.selectFrom('subscriptions')
			.select('id')
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		await ctx.db
			.insertInto('subscription_packages')
			.values({ subscription_id: s.id, valid_from: '2027-01-01', package: 'pakiet3' })
			.execute();
		// 31 December, 23:30 in Warsaw: still the link; 1 January 00:30 in Warsaw: the widget.
		clock.set(new Date('2026-12-31T22:30:00Z'));
		expect((await embedWidget(ctx, 'wiskitki', none)).variant).toBe('link');
		clock.set(new Date('2026-12-31T23:30:00Z'));
		const widget = await embedWidget(ctx, 'wiskitki', { kolor: '7a1010', tlo: 'zły', limit: '5' });
		if (widget.variant !== 'widget') throw new Error('expected the widget');
		expect(widget.theme).toMatchObject({ accent: '#7a1010', background: '#ffffff' });
		// Published unit posts only, newest first: not the resident's, not the draft.
		expect(widget.posts.map((p) => p.excerpt)).toEqual(['Zbiórka karmy dla schroniska', 'Dzień otwarty szkoły']);
		expect(widget.posts[0]).toMatchObject({
			unitName: 'Szkoła Podstawowa w Wiskitkach',
			unitTypeLabel: 'Szkoła podstawowa',
			verified: true,
			publishedAt: '2026-12-05T10:00:00.000Z'
		});
		expect(widget.posts[0].url).toBe(`http://tablica.test/g/wiskitki/p/${widget.posts[0].id}`);
		const one = await embedWidget(ctx, 'wiskitki', { ...none, limit: '1' });
		expect(one.variant === 'widget' && one.posts.length).toBe(1);
	});

	it('gives the coordinator the snippet, and no one else', async () => {
		clock.set(new Date('2026-12-15T10:00:00Z'));
		const before = await embedSnippet(ctx, coordinator, null);
		expect(before).toMatchObject({ included: false, src: 'http://tablica.test/osadz/wiskitki' });
		expect(before.iframe).toContain('<iframe src="http://tablica.test/osadz/wiskitki" title="Aktualności: Wiskitki"');
		clock.set(new Date('2027-01-02T10:00:00Z'));
		expect((await embedSnippet(ctx, coordinator, 'wiskitki')).included).toBe(true);
		await expect(embedSnippet(ctx, stranger, 'wiskitki')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(embedSnippet(ctx, null, 'wiskitki')).rejects.toMatchObject({ code: 'unauthenticated' });
	});

	it('refuses an unknown group', async () => {
		await expect(embedWidget(ctx, 'nie-ma', none)).rejects.toMatchObject({ code: 'not_found' });
	});
});
