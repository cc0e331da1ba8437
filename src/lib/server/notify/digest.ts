import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { packageIncludes } from '../access/package-state';
import { addDays, polishDate, toWarsawLocal, warsawDay, warsawMidnight } from '../../dates';
import { formatDateTime } from '../../format';
import { weeklyDigestEmail, type DigestData, type DigestEventItem, type DigestItem } from './messages';
import { enqueueEmails } from './outbox';
import { unsubscribeSigner } from './unsubscribe';

/** How many posts each block lists, and how far ahead events are announced. */
export const DIGEST_LIMITS = { mostRead: 5, upcomingEvents: 5, unitPosts: 10, eventDays: 14 } as const;

/** The Warsaw days a digest sent at `now` covers: the seven days ending today. */
export function digestWeek(now: Date): { start: string; end: string } {
	const end = warsawDay(now);
	return { start: addDays(end, -6), end };
}

/** "26.11–02.12.2026" (the year once when both days are in one year). */
export function weekLabel(week: { start: string; end: string }): string {
	const start = polishDate(week.start);
	return week.start.slice(0, 4) === week.end.slice(0, 4)
		? `${start.slice(0, 5)}–${polishDate(week.end)}`
		: `${start}–${polishDate(week.end)}`;
}

/** A post's line in the digest: an alert's title, else its first line, at most 100 characters. */
export function digestTitle(post: { body: string; alert_title: string | null }): string {
	const line = (post.alert_title ?? post.body.split('\n').find((l) => l.trim()) ?? '').trim().replace(/\s+/g, ' ');
	return line.length > 100 ? `${line.slice(0, 99)}…` : line || 'Wpis bez treści';
}

/** What every member's digest of a group has in common (the unsubscribe link is each member's own). */
export type DigestContent = Omit<DigestData, 'unsubscribeUrl'> & {
	/** Whether the digest has anything to say; an empty week sends nothing. */
	empty: boolean;
	/** The promotions listed in the promoted block (their reach counts the digest e-mails). */
	promotionIds: string[];
};

/**
 * The promotions of the digest's promoted block: those that ran during the week, were not ended early, and are
 * - the group's own, while its package includes Pakiet 2 (other groups get the digest without them);
 * - or cross-posted into it from a neighbour (`cross_posts`; a refusal deleted the rows), while the
 *   source's package includes Pakiet 3: the source pays for the reach, so the target's own package
 *   does not matter and even a Pakiet 1 group shows them.
 * Oldest first; `crossFrom` names the source municipality of a cross-posted one.
 */
async function weekPromotions(ctx: Ctx, group: Group, from: Date, now: Date) {
	const [own, crossed] = await Promise.all([
		packageIncludes(ctx, group.id, 'pakiet2').then((included) =>
			included
				? ctx.db
						.selectFrom('promotions as pr')
						.select(['pr.id', 'pr.post_id', 'pr.starts_at', sql<string | null>`null`.as('cross_from'), 'pr.group_id'])
						.where('pr.group_id', '=', group.id)
						.where('pr.starts_at', '<=', now)
						.where('pr.ends_at', '>', from)
						.where('pr.cancelled_at', 'is', null)
						.execute()
				: []
		),
		ctx.db
			.selectFrom('cross_posts as cp')
			.innerJoin('promotions as pr', 'pr.id', 'cp.promotion_id')
			.innerJoin('groups as s', 's.id', 'pr.group_id')
			.innerJoin('municipalities as sm', 'sm.teryt_code', 's.municipality_code')
			.select(['pr.id', 'pr.post_id', 'pr.starts_at', 'sm.name as cross_from', 'pr.group_id'])
			.where('cp.group_id', '=', group.id)
			.where('pr.starts_at', '<=', now)
			.where('pr.ends_at', '>', from)
			.where('pr.cancelled_at', 'is', null)
			.execute()
	]);
	const sources = [...new Set(crossed.map((p) => p.group_id))];
	const paying = new Set(
		(await Promise.all(sources.map(async (id) => ((await packageIncludes(ctx, id, 'pakiet3')) ? id : null)))).filter(
			(id) => id !== null
		)
	);
	return [...own, ...crossed.filter((p) => paying.has(p.group_id))].sort(
		(a, b) => a.starts_at.getTime() - b.starts_at.getTime() || Number(a.id) - Number(b.id)
	);
}

/**
 * The digest of a group for the week ending at the clock's today (Warsaw): the posts promoted
 * this week first (`promotedPostIds`, in their order; none until promotion exists), then the week's
 * most read posts (views counted per viewer and day in the week), the events starting in the next
 * two weeks, and the units' posts of the week; a post is listed once, in its first block.
 */
export async function digestContent(
	ctx: Ctx,
	group: Group,
	opts: { promotedPostIds?: string[] } = {}
): Promise<DigestContent> {
	const now = ctx.clock.now();
	const week = digestWeek(now);
	const from = warsawMidnight(week.start);
	/** Published posts of any group: the promoted block's may come from a neighbour. */
	const published = () =>
		ctx.db
			.selectFrom('posts')
			.leftJoin('units', 'units.id', 'posts.unit_id')
			.innerJoin('users', 'users.id', 'posts.author_id')
			.select([
				'posts.id',
				'posts.body',
				'posts.alert_title',
				'posts.event_start',
				'posts.event_place',
				'units.name as unit_name',
				'users.display_name',
				'users.deleted_at'
			])
			.where('posts.status', '=', 'published');
	const posts = () => published().where('posts.group_id', '=', group.id);
	type Row = Awaited<ReturnType<ReturnType<typeof posts>['execute']>>[number];
	const postUrl = (id: string) => `${ctx.baseUrl}/g/${group.slug}/p/${id}`;
	const item = (p: Row, crossFrom?: string | null): DigestItem => ({
		title: digestTitle(p),
		from: p.unit_name ?? (p.deleted_at ? 'Konto usunięte' : p.display_name),
		url: postUrl(p.id),
		...(crossFrom ? { crossFrom } : {})
	});
	const listed = new Set<string>();
	/** The first `n` rows not listed in an earlier block, now listed. */
	const take = <T extends { id: string }>(rows: T[], n: number) => {
		const taken = rows.filter((r) => !listed.has(r.id)).slice(0, n);
		for (const r of taken) listed.add(r.id);
		return taken;
	};

	const promotions = opts.promotedPostIds ? [] : await weekPromotions(ctx, group, from, now);
	const promotedIds = opts.promotedPostIds ?? [...new Set(promotions.map((p) => p.post_id))];
	const crossFrom = new Map(promotions.map((p) => [p.post_id, p.cross_from]));
	const promotedRows = promotedIds.length
		? await (opts.promotedPostIds ? posts() : published()).where('posts.id', 'in', promotedIds).execute()
		: [];
	const promoted = take(
		promotedIds.map((id) => promotedRows.find((r) => r.id === id)).filter((r): r is Row => !!r),
		promotedIds.length
	).map((p) => item(p, crossFrom.get(p.id)));

	const readRows = await posts()
		.innerJoin(
			(eb) =>
				eb
					.selectFrom('post_daily_views')
					.select(['post_id', sql<number>`sum(views)::int`.as('views')])
					.where('day', '>=', week.start)
					.where('day', '<=', week.end)
					.groupBy('post_id')
					.as('v'),
			(join) => join.onRef('v.post_id', '=', 'posts.id')
		)
		.select('v.views')
		.orderBy('v.views', 'desc')
		.orderBy('posts.id', 'desc')
		.limit(DIGEST_LIMITS.mostRead + promoted.length)
		.execute();
	const mostRead = take(readRows, DIGEST_LIMITS.mostRead).map((p) => ({ ...item(p), views: p.views }));

	const eventRows = await posts()
		.where('posts.event_start', '>=', now)
		.where('posts.event_start', '<', new Date(now.getTime() + DIGEST_LIMITS.eventDays * 86_400_000))
		.orderBy('posts.event_start')
		.orderBy('posts.id')
		.limit(DIGEST_LIMITS.upcomingEvents + listed.size)
		.execute();
	const upcomingEvents: DigestEventItem[] = take(eventRows, DIGEST_LIMITS.upcomingEvents).map((p) => ({
		...item(p),
		when: formatDateTime(p.event_start!),
		place: p.event_place
	}));

	const unitRows = await posts()
		.where('posts.unit_id', 'is not', null)
		.where('posts.published_at', '>=', from)
		.where('posts.published_at', '<=', now)
		.orderBy('posts.published_at', 'desc')
		.orderBy('posts.id', 'desc')
		.limit(DIGEST_LIMITS.unitPosts + listed.size)
		.execute();
	const unitPosts = take(unitRows, DIGEST_LIMITS.unitPosts).map((p) => item(p));

	const municipality = await ctx.db
		.selectFrom('municipalities')
		.select('name')
		.where('teryt_code', '=', group.municipality_code)
		.executeTakeFirst();
	return {
		municipality: municipality?.name ?? group.name,
		groupName: group.name,
		week: weekLabel(week),
		promoted,
		mostRead,
		upcomingEvents,
		unitPosts,
		groupUrl: `${ctx.baseUrl}/g/${group.slug}`,
		settingsUrl: `${ctx.baseUrl}/g/${group.slug}/komunikaty`,
		empty: !promoted.length && !mostRead.length && !upcomingEvents.length && !unitPosts.length,
		promotionIds: promotions.map((p) => p.id)
	};
}

/** Members are read and their e-mails written this many at a time (memory stays flat). */
export const DIGEST_BATCH = 500;

/**
 * Queues a group's weekly digest through the outbox, once per group and week (`digest_runs`):
 * to every approved member with a verified e-mail who has not turned it off, streamed in
 * batches by member id, in one transaction (a week is queued whole or not at all). Each e-mail
 * carries the member's one-click unsubscribe link (RFC 8058 `List-Unsubscribe` with the https
 * link and a mailto, and `List-Unsubscribe-Post`) and a link to the settings. An empty week
 * is recorded and sends nothing.
 */
export async function queueWeeklyDigest(
	ctx: Ctx,
	group: Group,
	opts: { promotedPostIds?: string[]; mailbox?: string; batchSize?: number } = {}
): Promise<{ queued: boolean; recipients: number }> {
	const now = ctx.clock.now();
	const week = digestWeek(now);
	const content = await digestContent(ctx, group, opts);
	const signer = await unsubscribeSigner(ctx.db);
	const mailbox = opts.mailbox ?? ctx.supportEmail ?? 'pomoc@tablica.local';
	const batchSize = opts.batchSize ?? DIGEST_BATCH;
	return ctx.db.transaction().execute(async (tx) => {
		const run = await tx
			.insertInto('digest_runs')
			.values({ group_id: group.id, week_start: week.start, queued_at: now, recipients: 0 })
			.onConflict((oc) => oc.doNothing())
			.returning('group_id')
			.executeTakeFirst();
		if (!run) return { queued: false, recipients: 0 };
		if (content.empty) return { queued: true, recipients: 0 };
		let recipients = 0;
		let after = '0';
		for (;;) {
			const batch = await tx
				.selectFrom('memberships')
				.innerJoin('users', 'users.id', 'memberships.user_id')
				.select(['users.id', 'users.email'])
				.where('memberships.group_id', '=', group.id)
				.where('memberships.status', '=', 'approved')
				.where('memberships.weekly_digest', '=', true)
				.where('users.email_verified_at', 'is not', null)
				.where('users.deleted_at', 'is', null)
				.where('memberships.user_id', '>', after)
				.orderBy('memberships.user_id')
				.limit(batchSize)
				.execute();
			if (batch.length === 0) break;
			await enqueueEmails(
				tx,
				ctx.clock,
				batch.map((m) => {
					const token = signer(m.id, group.id);
					const unsubscribeUrl = `${ctx.baseUrl}/wypisz/${token}`;
					const mail = weeklyDigestEmail({ ...content, unsubscribeUrl });
					return {
						to: m.email,
						...mail,
						unsubscribeUrl,
						headers: {
							'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:${mailbox}?subject=${encodeURIComponent(`Wypisz ${token}`)}>`,
							'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
						}
					};
				})
			);
			recipients += batch.length;
			after = batch[batch.length - 1].id;
			if (batch.length < batchSize) break;
		}
		if (content.promotionIds.length)
			await tx
				.updateTable('promotions')
				.set((eb) => ({ emailed: eb('emailed', '+', recipients) }))
				.where('id', 'in', content.promotionIds)
				.execute();
		await tx
			.updateTable('digest_runs')
			.set({ recipients })
			.where('group_id', '=', group.id)
			.where('week_start', '=', week.start)
			.execute();
		return { queued: true, recipients };
	});
}

/** The Warsaw weekday (0 Sunday … 6 Saturday, as in cron) and hour of an instant. */
export function warsawWeekdayHour(d: Date): { weekday: number; hour: number } {
	const local = toWarsawLocal(d);
	return { weekday: new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay(), hour: Number(local.slice(11, 13)) };
}

/**
 * Queues the digest of every group whose chosen day is today (Warsaw) and whose hour has come
 * (`groups.digest_weekday`, `digest_hour`, default Friday 16:00), not yet queued this week: run
 * hourly by the `weekly-digests` job, so a missed hour is caught up the same day and a second run
 * or instance queues nothing (`digest_runs`). Groups are done one at a time; returns the e-mails queued.
 */
export async function sendDueWeeklyDigests(ctx: Ctx): Promise<{ groups: number; emails: number }> {
	const now = ctx.clock.now();
	const { weekday, hour } = warsawWeekdayHour(now);
	const week = digestWeek(now);
	const due = await ctx.db
		.selectFrom('groups')
		.selectAll('groups')
		.where('digest_weekday', '=', weekday)
		.where('digest_hour', '<=', hour)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('digest_runs')
						.select('digest_runs.group_id')
						.whereRef('digest_runs.group_id', '=', 'groups.id')
						.where('digest_runs.week_start', '=', week.start)
				)
			)
		)
		.orderBy('groups.id')
		.execute();
	let groups = 0;
	let emails = 0;
	for (const group of due) {
		const r = await queueWeeklyDigest(ctx, group);
		if (r.queued) groups++;
		emails += r.recipients;
	}
	return { groups, emails };
}
