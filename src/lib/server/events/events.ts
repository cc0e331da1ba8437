import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { parseInput } from '../core/validation';
import type { EventResponse } from '../db/schema';
import { authorizeOnPost } from '../access/post-access';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { getGroupForReading } from '../groups/groups';
import { placeChoices, placeFilter, placeTree } from '../places/places';
import { namesPlace, postRows } from '../feed/feed-query';
import { presentPost, type FeedItem } from '../feed/present';
import { notify } from '../notify/notifications';
import { addDays, toWarsawLocal, warsawDay, warsawMidnight } from '../../dates';
import { eventReminderTexts, eventTitle } from './messages';

const responseMessage = 'Wybierz „Wezmę udział” albo „Interesuje mnie”.';
export const eventResponseSchema = z.enum(['going', 'interested'], { error: responseMessage }).nullable();

/** An event without an end lasts an hour: the iCalendar file says the same. */
export const DEFAULT_EVENT_MS = 3_600_000;

export interface EventAttendance {
	response: EventResponse | null;
	going: number;
	interested: number;
}

/**
 * "Wezmę udział" / "Interesuje mnie" under a post announcing an event, or `null` to take it back.
 * Who may react to the post may answer; not after the event ended.
 */
export async function respondToEvent(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	response: unknown,
	via?: string | null
): Promise<EventAttendance> {
	const { actor: member } = await authorizeOnPost(ctx, actor, postId, 'react', via);
	const answer = parseInput(eventResponseSchema, response);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts')
			.select(['status', 'event_start', 'event_end'])
			.where('id', '=', postId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (post.status !== 'published' || !post.event_start)
			throw new AppError('conflict', 'Ten post nie zapowiada wydarzenia.');
		const endsAt = post.event_end ?? new Date(post.event_start.getTime() + DEFAULT_EVENT_MS);
		if (answer && endsAt <= now) throw new AppError('conflict', 'To wydarzenie już się odbyło.');
		if (answer)
			await tx
				.insertInto('event_responses')
				.values({ post_id: postId, user_id: member.id, response: answer, created_at: now })
				.onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ response: answer }))
				.execute();
		else
			await tx.deleteFrom('event_responses').where('post_id', '=', postId).where('user_id', '=', member.id).execute();
		return { response: answer, ...(await attendanceCounts(tx, postId)) };
	});
}

async function attendanceCounts(db: Ctx['db'], postId: string): Promise<{ going: number; interested: number }> {
	const r = await db
		.selectFrom('event_responses')
		.select([
			sql<string>`count(*) FILTER (WHERE response = 'going')`.as('going'),
			sql<string>`count(*) FILTER (WHERE response = 'interested')`.as('interested')
		])
		.where('post_id', '=', postId)
		.executeTakeFirstOrThrow();
	return { going: Number(r.going), interested: Number(r.interested) };
}

/** What the calendar page is asked for: `?miesiac=2026-12`, `?widok=lista`, `?jednostka=`, `?miejsce=`. */
export interface CalendarQuery {
	month: string | null;
	list: boolean;
	unit: string | null;
	place: string | null;
}

/** How far ahead the list view and the iCalendar feed look, and how far back the feed keeps events. */
const LIST_DAYS_AHEAD = 366;
const FEED_DAYS_BACK = 90;
const MAX_EVENTS = 500;

/**
 * A group's calendar (`/g/{slug}/wydarzenia`): the month's events (or, as a list, those from today
 * on), by their start, optionally of one unit or about one place, with the units and places to
 * filter by. Who may read the group may read its calendar.
 */
export async function groupCalendar(ctx: Ctx, actor: Actor | null, slug: string, query: CalendarQuery) {
	const { group } = await getGroupForReading(ctx.db, slug);
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'read', group, actor);
	const now = ctx.clock.now();
	const today = warsawDay(now);
	if (query.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month))
		throw new AppError('validation', 'Miesiąc podaj jako RRRR-MM, np. 2026-12.');
	const month = query.month ?? today.slice(0, 7);
	const from = query.list ? warsawMidnight(today) : warsawMidnight(`${month}-01`);
	const to = query.list ? warsawMidnight(today, LIST_DAYS_AHEAD) : warsawMidnight(`${month}-01`, daysIn(month));
	const [units, tree] = await Promise.all([
		ctx.db
			.selectFrom('units')
			.select(['id', 'slug', 'name'])
			.where('municipality_code', '=', group.municipality_code)
			.orderBy('name')
			.execute(),
		placeTree(ctx.db, group.id)
	]);
	const unit = query.unit ? units.find((u) => u.slug === query.unit) : null;
	if (query.unit && !unit) throw notFound('Nie ma takiej jednostki w tej gminie.');
	const placeIds = query.place ? await placeFilter(ctx.db, group.id, query.place) : null;
	const events = await eventsBetween(ctx, group.id, from, to, { unitId: unit?.id ?? null, placeIds });
	const firstDay = warsawDay(from);
	const lastDay = addDays(warsawDay(to), -1);
	return {
		group: { slug: group.slug, name: group.name, isPublic: group.is_public },
		month,
		today,
		list: query.list,
		events: events.map((e) => calendarItem(e, firstDay, lastDay)),
		filters: { unit: unit?.slug ?? null, place: query.place ?? null },
		units: units.map((u) => ({ slug: u.slug, name: u.name })),
		places: placeChoices(tree)
	};
}

/** An event as the calendar shows it, with the Warsaw days it takes within the range shown. */
function calendarItem(post: FeedItem, firstDay: string, lastDay: string) {
	const event = post.event!;
	const start = new Date(event.start);
	const end = event.end ? new Date(event.end) : new Date(start.getTime() + DEFAULT_EVENT_MS);
	const days: string[] = [];
	const lastOfEvent = warsawDay(new Date(end.getTime() - 1));
	for (let d = warsawDay(start); d <= lastOfEvent && d <= lastDay && days.length < 62; d = addDays(d, 1))
		if (d >= firstDay) days.push(d);
	return {
		id: post.id,
		title: eventTitle(post.body),
		start: event.start,
		end: event.end,
		place: event.place,
		places: post.places,
		author: post.author.name,
		going: event.going,
		interested: event.interested,
		days
	};
}

const daysIn = (month: string) =>
	new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** Published events overlapping [from, to), by their start. */
async function eventsBetween(
	ctx: Ctx,
	groupId: string,
	from: Date,
	to: Date,
	filter: { unitId: string | null; placeIds: string[] | null } = { unitId: null, placeIds: null }
): Promise<FeedItem[]> {
	let q = postRows(ctx.db)
		.where('p.group_id', '=', groupId)
		.where('p.status', '=', 'published')
		.where('p.event_start', 'is not', null)
		.where('p.event_start', '<', to)
		.where(sql<boolean>`coalesce(p.event_end, p.event_start + interval '1 hour') > ${from}`);
	if (filter.unitId) q = q.where('p.unit_id', '=', filter.unitId);
	if (filter.placeIds) q = q.where(namesPlace(filter.placeIds));
	const rows = await q.orderBy('p.event_start').orderBy('p.id').limit(MAX_EVENTS).execute();
	const now = ctx.clock.now();
	return rows.map((r) => presentPost(r, now));
}

/**
 * The group's events for a calendar app (`/g/{slug}/wydarzenia.ics`): from 90 days back to a year
 * ahead. Calendar apps subscribe without signing in, so only a public group has one.
 */
export async function groupEventFeed(ctx: Ctx, slug: string) {
	const { group } = await getGroupForReading(ctx.db, slug);
	if (!group.is_public)
		throw new AppError('forbidden', 'Kalendarz grupy zamkniętej nie jest udostępniany aplikacjom kalendarza.');
	const today = warsawDay(ctx.clock.now());
	const events = await eventsBetween(
		ctx,
		group.id,
		warsawMidnight(today, -FEED_DAYS_BACK),
		warsawMidnight(today, LIST_DAYS_AHEAD)
	);
	return { group: { slug: group.slug, name: group.name }, events };
}

/** Reminders go out on the day before the event, between these Warsaw hours (never at night). */
const REMIND_FROM_HOUR = 9;
const REMIND_UNTIL_HOUR = 21;

/**
 * The hourly reminder: on the day before an event (Warsaw time, 9:00–21:00), everyone who said
 * "Wezmę udział" is told in the app and, with a device, by a push. Once per event: the mark and
 * the messages share a transaction. Returns how many events were reminded.
 */
export async function remindTomorrowsEvents(ctx: Ctx): Promise<number> {
	const now = ctx.clock.now();
	const hour = Number(toWarsawLocal(now).slice(11, 13));
	if (hour < REMIND_FROM_HOUR || hour >= REMIND_UNTIL_HOUR) return 0;
	const tomorrow = addDays(warsawDay(now), 1);
	const due = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.leftJoin('units as u', 'u.id', 'p.unit_id')
		.select(['p.id', 'p.group_id', 'p.body', 'p.event_start', 'p.event_place', 'g.slug', 'u.name as unit_name'])
		.where('p.status', '=', 'published')
		.where('p.event_start', '>=', warsawMidnight(tomorrow))
		.where('p.event_start', '<', warsawMidnight(tomorrow, 1))
		.where('p.event_reminded_at', 'is', null)
		.execute();
	let reminded = 0;
	for (const event of due) {
		reminded += await ctx.db.transaction().execute(async (tx) => {
			const marked = await tx
				.updateTable('posts')
				.set({ event_reminded_at: now })
				.where('id', '=', event.id)
				.where('event_reminded_at', 'is', null)
				.executeTakeFirst();
			if (Number(marked.numUpdatedRows) === 0) return 0;
			const texts = eventReminderTexts({
				body: event.body,
				start: event.event_start!,
				place: event.event_place,
				postUrl: `${ctx.baseUrl}/g/${event.slug}/p/${event.id}`
			});
			const coming = await tx
				.selectFrom('event_responses as r')
				.innerJoin('users as us', 'us.id', 'r.user_id')
				.select(['r.user_id'])
				.where('r.post_id', '=', event.id)
				.where('r.response', '=', 'going')
				.where('us.deleted_at', 'is', null)
				.execute();
			for (const c of coming)
				await notify(tx, ctx.clock, {
					userId: c.user_id,
					kind: 'event_reminder',
					groupId: event.group_id,
					postId: event.id,
					actorName: event.unit_name ?? undefined,
					detail: texts.notification
				});
			if (coming.length)
				await sql`INSERT INTO outbox (channel, recipient, subject, body_text, created_at)
					SELECT 'push', 'user:' || r.user_id, ${texts.subject}, ${texts.push}, ${now}
					FROM event_responses r
					WHERE r.post_id = ${event.id} AND r.response = 'going'
					AND EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.user_id = r.user_id)`.execute(tx);
			return 1;
		});
	}
	return reminded;
}
