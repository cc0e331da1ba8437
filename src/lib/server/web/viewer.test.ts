import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { recordViews, sharePost } from '../feed/engagement';
import { getPost } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { isAutomated, viewerKey, visitorNetwork } from './viewer';
import { limits } from '../limits/rules';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let group: Group;

const firefox = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;

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
});
afterAll(async () => database?.close());

describe('who counts as one viewer', () => {
	it('an anonymous visitor is their network address for the day, whatever browser they claim', async () => {
		const keys = new Set(
			await Promise.all(
				Array.from({ length: 50 }, (_, i) => viewerKey(ctx, null, { address: '203.0.113.7', userAgent: firefox(i) }))
			)
		);
		expect(keys.size).toBe(1);
		expect([...keys][0]).toMatch(/^anon:[\w-]{22}$/);
		expect(await viewerKey(ctx, null, { address: '::ffff:203.0.113.7', userAgent: firefox(0) })).toBe([...keys][0]);
		expect(await viewerKey(ctx, null, { address: '203.0.113.8', userAgent: firefox(0) })).not.toBe([...keys][0]);
		clock.advance(24 * 3600_000);
		expect(await viewerKey(ctx, null, { address: '203.0.113.7', userAgent: firefox(0) })).not.toBe([...keys][0]);
	});

	it('an IPv6 visitor is their /64: addresses inside it are one visitor, the next /64 is another', async () => {
		const one = await viewerKey(ctx, null, { address: '2001:db8:1:2::1', userAgent: firefox(0) });
		expect(await viewerKey(ctx, null, { address: '2001:db8:1:2:abcd:ef01:2345:6789', userAgent: firefox(1) })).toBe(
			one
		);
		expect(await viewerKey(ctx, null, { address: '2001:db8:1:3::1', userAgent: firefox(0) })).not.toBe(one);
		expect(visitorNetwork('2001:0db8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64');
		expect(visitorNetwork('::ffff:10.1.2.3')).toBe('10.1.2.3');
	});

	it('a signed-in person is themselves; crawlers, link previews and headless browsers are nobody', async () => {
		expect(await viewerKey(ctx, operator, { address: '203.0.113.9', userAgent: firefox(3) })).toBe(
			`user:${operator.id}`
		);
		for (const ua of [
			'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
			'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
			'WhatsApp/2.23.20.0',
			'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
			'Mozilla/5.0 (compatible; bingbot/2.0)',
			'AhrefsBot/7.0 crawler',
			'Baiduspider',
			'curl/8.5.0',
			''
		]) {
			expect(isAutomated(ua), ua).toBe(true);
			expect(await viewerKey(ctx, null, { address: '203.0.113.9', userAgent: ua })).toBeNull();
			expect(await viewerKey(ctx, operator, { address: '203.0.113.9', userAgent: ua })).toBeNull();
		}
		expect(isAutomated(firefox(0))).toBe(false);
		expect(
			isAutomated(
				'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
			)
		).toBe(false);
	});

	it('50 views and 50 shares from one address with rotating browsers add one view, one viewer and one share', async () => {
		const { id } = await createPost(ctx, operator, group, { body: 'Nowy rozkład autobusów', category: 'municipal' });
		for (let i = 0; i < 50; i++) {
			const key = await viewerKey(ctx, null, { address: '198.51.100.20', userAgent: firefox(i) });
			await recordViews(ctx, [id], key);
			await sharePost(ctx, null, id, key);
		}
		const row = await ctx.db
			.selectFrom('posts')
			.select(['view_count', 'unique_viewer_count', 'share_count'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ view_count: 1, unique_viewer_count: 1, share_count: 1 });
		expect((await getPost(ctx, null, id)).post.counts).toMatchObject({ views: 1, shares: 1 });
	});

	it('stops counting a viewer key that reports too often, until its window passes', async () => {
		const posts = await Promise.all(
			[1, 2, 3].map(
				async (n) =>
					(
						await createPost(ctx, operator, group, {
							body: `Komunikat nr ${n} o odbiorze odpadów`,
							category: 'municipal'
						})
					).id
			)
		);
		const key = 'anon:skrypt-ktory-zglasza-bez-przerwy';
		for (let i = 0; i < limits.viewBatchesPerViewer(key).limit; i++) await recordViews(ctx, [posts[0]], key);
		expect(await recordViews(ctx, [posts[1]], key)).toBe(0);
		for (let i = 0; i < limits.sharesPerViewer(key).limit; i++) await sharePost(ctx, null, posts[0], key);
		expect(await sharePost(ctx, null, posts[2], key)).toBe(0);
		clock.advance(3600_000);
		expect(await recordViews(ctx, [posts[1]], key)).toBe(1);
		expect(await sharePost(ctx, null, posts[2], key)).toBe(1);
	});
});
