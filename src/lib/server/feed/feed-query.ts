import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, ReactionKind, AlertCounts } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { parseInput, dateSchema, idSchema, isId, isReasonableDate } from '../core/validation';
import { categoryCodes } from '../groups/categories';
import { groupAccess, type GroupAccess } from '../access/group-access';
import { assertCan, can, type GroupAction } from '../access/policy';
import { MAX_IMAGES } from '../media/images';
import { screenFor } from '../moderation/screen';
import { logAction } from '../audit/audit-log';
import { notify } from '../notify/notifications';
import { formatDateTime } from '../../format';
import {
	alertKindIds,
	alertKinds,
	fanOutAlert,
	MAX_ALERT_HOURS,
	type AlertKind,
	type AlertMessage
} from '../alerts/alerts';
import { afterScreening, storedFindings } from '../moderation/intake';
import { foldText } from '../text/fold';
import { presentPost, type FeedItem, type PostRow } from './present';

export const FEED_PAGE_SIZE = 20;

const imageSchema = z.object({
	fileName: z.string().regex(/^[0-9a-f]{32}\.webp$/),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	alt: z
		.string({ error: 'Opisz każde zdjęcie.' })
		.trim()
		.min(
			3,
			'Opisz każde zdjęcie (tekst alternatywny, co najmniej 3 znaki) — dzięki temu zrozumieją je także osoby niewidome.'
		)
		.max(500, 'Opis zdjęcia może mieć najwyżej 500 znaków.')
});

export const postInputSchema = z.object({
	body: z
		.string({ error: 'Napisz treść posta.' })
		.trim()
		.min(1, 'Napisz treść posta.')
		.max(10000, 'Post może mieć najwyżej 10 000 znaków.'),
	category: z.enum(categoryCodes, { error: 'Wybierz kategorię z listy.' }),
	unitId: idSchema('Wybierz jednostkę z listy.').nullish(),
	event: z
		.object({
			start: dateSchema('Podaj datę i godzinę rozpoczęcia wydarzenia.'),
			end: dateSchema('Podaj poprawną datę zakończenia.').nullish(),
			place: z.string().trim().max(200, 'Miejsce może mieć najwyżej 200 znaków.').nullish()
		})
		.refine((e) => !e.end || e.end.getTime() >= e.start.getTime(), {
			message: 'Wydarzenie nie może się skończyć, zanim się zacznie.',
			path: ['end']
		})
		.nullish(),
	images: z.array(imageSchema).max(MAX_IMAGES, `Możesz dodać najwyżej ${MAX_IMAGES} zdjęć.`).default([]),
	/** Kept for later by its author, not shown to anyone else. */
	draft: z.boolean().default(false),
	/** Published by a job at this time (within a minute). */
	publishAt: z.date({ error: 'Podaj poprawną datę i godzinę publikacji.' }).nullish(),
	commentsEnabled: z.boolean().default(true),
	/** An urgent alert: on top until `until`, sent to the members who asked for this kind. */
	urgent: z
		.object({
			kind: z.enum(alertKindIds, { error: 'Wybierz, czego dotyczy komunikat pilny.' }),
			until: z.date({ error: 'Podaj, do kiedy komunikat jest ważny.' })
		})
		.nullish()
});
export type PostInput = z.input<typeof postInputSchema>;

const postColumns = [
	'p.id',
	'g.slug as group_slug',
	'u.display_name as author_name',
	'un.name as unit_name',
	'un.slug as unit_slug',
	'un.type as unit_type',
	'un.verified as unit_verified',
	'un.logo_file as unit_logo',
	'p.category',
	'p.body',
	'p.status',
	'p.moderation_reason',
	'p.created_at',
	'p.published_at',
	'p.edited_at',
	'p.scheduled_for',
	'p.comments_enabled',
	'p.pinned',
	'p.urgent_until',
	'p.alert_kind',
	'p.alert_sent',
	'p.all_clear_at',
	'p.all_clear_text',
	'p.event_start',
	'p.event_end',
	'p.event_place',
	'p.comment_count',
	'p.reaction_count',
	'p.reaction_counts',
	'p.view_count',
	'p.share_count'
] as const;

/**
 * Posts with everything a card shows, in one query: author or unit, images, and the viewer's own
 * reaction come as columns, so a page costs one round trip to the database.
 */
function postRows(db: Db, viewerId?: string) {
	return db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.innerJoin('users as u', 'u.id', 'p.author_id')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select(postColumns)
		.select((eb) => [
			eb
				.selectFrom('post_images as i')
				.select(
					sql<
						PostRow['images']
					>`coalesce(json_agg(json_build_object('file', i.file_name, 'width', i.width, 'height', i.height, 'alt', i.alt) order by i.position), '[]'::json)`.as(
						'images'
					)
				)
				.whereRef('i.post_id', '=', 'p.id')
				.as('images'),
			viewerId
				? eb
						.selectFrom('post_reactions as r')
						.select('r.kind')
						.whereRef('r.post_id', '=', 'p.id')
						.where('r.user_id', '=', viewerId)
						.as('my_reaction')
				: sql<ReactionKind | null>`null`.as('my_reaction')
		]);
}

const present = (rows: PostRow[], now: Date): FeedItem[] => rows.map((r) => presentPost(r, now));

export function encodeCursor(item: { createdAt: string; id: string }): string {
	return Buffer.from(`${item.createdAt}|${item.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
	const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
	const date = new Date(at);
	if (!isId(id) || !isReasonableDate(date)) throw new AppError('validation', 'Nieprawidłowy kursor strony.');
	return { at: date, id };
}

export interface FeedQueryOptions {
	groupId: string;
	viewerId?: string;
	limit: number;
	category: string | null;
	unitId: string | null;
	cursor: { at: Date; id: string } | null;
	now: Date;
}

/**
 * The one query behind a feed page: limit + 1 posts after the cursor, newest first, and on the
 * first page the urgent and pinned posts too (UNION ALL, flagged by `featured`). Exported so the
 * benchmark can EXPLAIN exactly what the app runs.
 */
export function feedQuery(db: Db, o: FeedQueryOptions) {
	let q = postRows(db, o.viewerId)
		.select(sql<boolean>`false`.as('featured'))
		.where('p.group_id', '=', o.groupId)
		.where('p.status', '=', 'published')
		.where('p.pinned', '=', false)
		.where((eb) => eb.or([eb('p.urgent_until', 'is', null), eb('p.urgent_until', '<=', o.now)]))
		.orderBy('p.published_at', 'desc')
		.orderBy('p.id', 'desc')
		.limit(o.limit + 1);
	if (o.category) q = q.where('p.category', '=', o.category);
	if (o.unitId) q = q.where('p.unit_id', '=', o.unitId);
	if (o.cursor) return q.where(sql<boolean>`(p.published_at, p.id) < (${o.cursor.at}, ${o.cursor.id}::bigint)`);
	let featured = postRows(db, o.viewerId)
		.select(sql<boolean>`true`.as('featured'))
		.where('p.group_id', '=', o.groupId)
		.where('p.status', '=', 'published')
		.where((eb) => eb.or([eb('p.pinned', '=', true), eb('p.urgent_until', '>', o.now)]))
		.orderBy(sql`p.urgent_until > ${o.now}`, (ob) => ob.desc().nullsLast())
		.orderBy('p.published_at', 'desc')
		.limit(10);
	if (o.category) featured = featured.where('p.category', '=', o.category);
	if (o.unitId) featured = featured.where('p.unit_id', '=', o.unitId);
	return db
		.selectFrom(featured.as('f'))
		.selectAll()
		.unionAll(db.selectFrom(q.as('s')).selectAll());
}

export interface FeedPage {
	/** Urgent and pinned posts: on the first page only, above the rest. */
	featured: FeedItem[];
	items: FeedItem[];
	nextCursor: string | null;
}

/**
 * The feed: urgent (until they expire) and pinned posts first, then the newest. Pages by a
 * cursor over (published_at, id), so each page costs the same however large the group.
 */
export async function listFeed(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	opts: {
		cursor?: string | null;
		limit?: number;
		category?: string | null;
		unitSlug?: string | null;
		access?: GroupAccess;
	} = {}
): Promise<FeedPage> {
	const access = opts.access ?? (await groupAccess(ctx, actor, group));
	assertCan(access.role, 'read', group);
	const limit = Math.min(Math.max(opts.limit ?? FEED_PAGE_SIZE, 1), 50);
	if (opts.category && !(categoryCodes as string[]).includes(opts.category))
		throw new AppError('validation', 'Nie ma takiej kategorii.');
	const now = ctx.clock.now();
	let unitId: string | null = null;
	if (opts.unitSlug) {
		const unit = await ctx.db
			.selectFrom('units')
			.select('id')
			.where('municipality_code', '=', group.municipality_code)
			.where('slug', '=', opts.unitSlug)
			.executeTakeFirst();
		if (!unit) throw notFound('Nie ma takiej jednostki w tej gminie.');
		unitId = unit.id;
	}
	const query = feedQuery(ctx.db, {
		groupId: group.id,
		viewerId: actor?.id,
		limit,
		category: opts.category ?? null,
		unitId,
		cursor: opts.cursor ? decodeCursor(opts.cursor) : null,
		now
	});
	const rows = (await query.execute()) as (PostRow & { featured: boolean })[];
	const featured = present(
		rows.filter((r) => r.featured),
		now
	);
	const stream = rows.filter((r) => !r.featured);
	const hasMore = stream.length > limit;
	const items = present(stream.slice(0, limit), now);
	return { featured, items, nextCursor: hasMore ? encodeCursor(items[items.length - 1]) : null };
}

/** The author's own posts still waiting for a moderator, shown to them above the feed. */
export async function listOwnPendingPosts(ctx: Ctx, actor: Actor | null, group: Group): Promise<FeedItem[]> {
	if (!actor) return [];
	const rows = await postRows(ctx.db, actor.id)
		.where('p.group_id', '=', group.id)
		.where('p.author_id', '=', actor.id)
		.where('p.status', 'in', ['pending', 'changes_requested', 'rejected', 'draft', 'scheduled'])
		.where('p.created_at', '>', new Date(ctx.clock.now().getTime() - 30 * 24 * 3600_000))
		.orderBy('p.created_at', 'desc')
		.limit(10)
		.execute();
	return present(rows as PostRow[], ctx.clock.now());
}

/** Search within a group that ignores case and Polish diacritics ("zolw" finds "Żółw"). */
export async function searchPosts(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	query: string,
	limit = 20
): Promise<FeedItem[]> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'read', group);
	const q = foldText(query.trim()).replace(/\s+/g, ' ');
	if (q.length < 2) throw new AppError('validation', 'Wpisz co najmniej 2 znaki, aby wyszukać.');
	if (q.length > 100) throw new AppError('validation', 'Zapytanie może mieć najwyżej 100 znaków.');
	const rows = await postRows(ctx.db, actor?.id)
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published')
		.where('p.body_folded', 'like', `%${q.replace(/[\\%_]/g, '\\$&')}%`)
		.orderBy('p.published_at', 'desc')
		.orderBy('p.id', 'desc')
		.limit(Math.min(limit, 50))
		.execute();
	return present(rows as PostRow[], ctx.clock.now());
}

export async function findPostGroup(db: Db, postId: string): Promise<Group> {
	if (!isId(postId)) throw notFound('Nie ma takiego posta.');
	const group = await db
		.selectFrom('posts')
		.innerJoin('groups', 'groups.id', 'posts.group_id')
		.selectAll('groups')
		.where('posts.id', '=', postId)
		.executeTakeFirst();
	if (!group) throw notFound('Nie ma takiego posta.');
	return group;
}

/** The group of a post, after checking that the actor may do the action there. */
export async function authorizeOnPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	action: GroupAction
): Promise<{ group: Group; access: GroupAccess }> {
	const group = await findPostGroup(ctx.db, postId);
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, action, group);
	return { group, access };
}

/** One post as the actor may see it: published ones by readers, others by the author and moderators. */
export async function getPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string
): Promise<{ post: FeedItem; group: Group; access: GroupAccess; authorId: string }> {
	const group = await findPostGroup(ctx.db, postId);
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'read', group);
	const row = await postRows(ctx.db, actor?.id)
		.select('p.author_id')
		.where('p.id', '=', postId)
		.executeTakeFirstOrThrow();
	if (row.status !== 'published' && row.author_id !== actor?.id && !can(access.role, 'moderate', group))
		throw notFound('Nie ma takiego posta.');
	if (row.status === 'removed' && !can(access.role, 'moderate', group)) throw notFound('Ten post został usunięty.');
	const [post] = present([row as PostRow], ctx.clock.now());
	return { post, group, access, authorId: row.author_id };
}

export interface CreatedPost {
	id: string;
	status: 'published' | 'pending' | 'draft' | 'scheduled';
	reasons: string[];
}

/** A scheduled post may wait for up to a year. */
export const MAX_SCHEDULE_DAYS = 365;

/** Refuses someone who may not post in the group: checked before a composer's images are decoded. */
export async function assertMayPost(ctx: Ctx, actor: Actor | null, group: Group): Promise<void> {
	assertCan((await groupAccess(ctx, actor, group)).role, 'post', group);
}

export async function createPost(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<CreatedPost> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, 'post', group);
	const data = parseInput(postInputSchema, input);
	const unit = data.unitId ? access.units.find((u) => u.id === data.unitId) : undefined;
	if (data.unitId && !unit)
		throw new AppError('forbidden', 'Nie możesz publikować w imieniu tej jednostki.', {
			unitId: 'Nie możesz publikować w imieniu tej jednostki.'
		});
	if (!unit && access.role === 'publisher')
		throw new AppError(
			'forbidden',
			'Wybierz jednostkę, w imieniu której publikujesz, albo dołącz do grupy, aby pisać we własnym imieniu.',
			{ unitId: 'Wybierz jednostkę.' }
		);
	const now = ctx.clock.now();
	if (data.urgent) {
		const field = { urgent: 'Komunikat pilny może wysłać jednostka, której koordynator na to pozwolił.' };
		if (!unit?.mayAlert)
			throw new AppError(
				'forbidden',
				'Komunikat pilny może wysłać jednostka, której koordynator gminy na to pozwolił (np. urząd, OSP, zakład komunalny).',
				field
			);
		if (!unit.publishing)
			throw new AppError(
				'conflict',
				'Komunikaty pilne wysyła jednostka, która publikuje bez akceptacji (aktywny pakiet gminy).',
				field
			);
		if (data.urgent.until <= now)
			throw new AppError('validation', 'Termin ważności komunikatu pilnego musi być w przyszłości.', {
				urgentUntil: 'Podaj przyszłą datę i godzinę.'
			});
		if (data.urgent.until.getTime() - now.getTime() > MAX_ALERT_HOURS * 3_600_000)
			throw new AppError('validation', 'Komunikat pilny może być wyróżniony najwyżej przez 7 dni.', {
				urgentUntil: 'Najwyżej 7 dni od teraz.'
			});
	}
	if (data.publishAt && !data.draft) {
		if (data.urgent)
			throw new AppError('validation', 'Komunikat pilny wysyła się od razu — nie można go zaplanować.', {
				publishAt: 'Komunikat pilny wysyła się od razu.'
			});
		if (data.publishAt.getTime() < now.getTime() + 60_000)
			throw new AppError('validation', 'Zaplanuj publikację co najmniej minutę od teraz albo opublikuj od razu.', {
				publishAt: 'Podaj termin w przyszłości.'
			});
		if (data.publishAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000)
			throw new AppError('validation', 'Publikację można zaplanować najwyżej na rok naprzód.', {
				publishAt: 'Najwyżej rok naprzód.'
			});
	}
	if (data.draft || data.publishAt) {
		if (data.urgent && data.draft)
			throw new AppError('validation', 'Komunikat pilny wysyła się od razu — nie zapisuje się go jako szkicu.', {
				urgent: 'Komunikat pilny wysyła się od razu.'
			});
		const status = data.draft ? 'draft' : 'scheduled';
		return ctx.db.transaction().execute(async (tx) => {
			const post = await tx
				.insertInto('posts')
				.values({
					group_id: group.id,
					author_id: actor!.id,
					unit_id: unit?.id ?? null,
					category: data.category,
					body: data.body,
					body_folded: foldText(data.body),
					status,
					moderation_reason: null,
					comments_enabled: data.commentsEnabled,
					scheduled_for: status === 'scheduled' ? data.publishAt! : null,
					urgent_until: null,
					event_start: data.event?.start ?? null,
					event_end: data.event?.end ?? null,
					event_place: data.event?.place || null,
					reaction_counts: '{}',
					created_at: now,
					published_at: null,
					decided_at: null,
					decided_by: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (data.images.length > 0)
				await tx
					.insertInto('post_images')
					.values(
						data.images.map((img, i) => ({
							post_id: post.id,
							position: i,
							file_name: img.fileName,
							width: img.width,
							height: img.height,
							alt: img.alt
						}))
					)
					.execute();
			return { id: post.id, status, reasons: [] };
		});
	}
	const verdict = await screenFor(ctx, ctx.db, 'post', data.body, group, access, unit);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.insertInto('posts')
			.values({
				group_id: group.id,
				author_id: actor!.id,
				unit_id: unit?.id ?? null,
				category: data.category,
				body: data.body,
				body_folded: foldText(data.body),
				status,
				moderation_reason: verdict.reasons.join(' ') || null,
				findings: storedFindings(verdict),
				flagged: verdict.flagged,
				urgent_until: data.urgent?.until ?? null,
				alert_kind: data.urgent?.kind ?? null,
				comments_enabled: data.commentsEnabled,
				event_start: data.event?.start ?? null,
				event_end: data.event?.end ?? null,
				event_place: data.event?.place || null,
				reaction_counts: '{}',
				created_at: now,
				published_at: status === 'published' ? now : null,
				decided_at: null,
				decided_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (data.images.length > 0) {
			await tx
				.insertInto('post_images')
				.values(
					data.images.map((img, i) => ({
						post_id: post.id,
						position: i,
						file_name: img.fileName,
						width: img.width,
						height: img.height,
						alt: img.alt
					}))
				)
				.execute();
		}
		if (status === 'published') await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: post.id });
		await afterScreening(ctx, tx, { group, result: verdict, authorId: actor!.id, postId: post.id, createdAt: now });
		// A publisher hears at once that a unit's post was held, with the way to report a mistake.
		if (unit && status === 'pending') {
			await notify(tx, ctx.clock, {
				userId: actor!.id,
				kind: 'post_held',
				groupId: group.id,
				postId: post.id,
				detail: `Post „${unit.name}” czeka na moderatora: ${verdict.reasons.join(' ')} Jeśli to pomyłka, zgłoś błędne zatrzymanie — to sprawa pilna.`,
				link: `/pomoc?post=${post.id}`
			});
		}
		if (data.urgent && status === 'published') {
			const sent = await fanOutAlert(
				ctx,
				tx,
				alertMessage(ctx, group, post.id, unit!.name, data.body, data.urgent.kind, data.urgent.until)
			);
			await tx
				.updateTable('posts')
				.set({ alert_sent: JSON.stringify(sent) })
				.where('id', '=', post.id)
				.execute();
		}
		return { id: post.id, status, reasons: verdict.reasons };
	});
}

function alertMessage(
	ctx: Ctx,
	group: Group,
	postId: string,
	from: string,
	body: string,
	kind: AlertKind,
	until: Date,
	allClear?: string
): AlertMessage {
	const link = `${ctx.baseUrl}/g/${group.slug}/p/${postId}`;
	const short = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
	if (allClear) {
		return {
			groupId: group.id,
			municipalityCode: group.municipality_code,
			postId,
			kind,
			allClear: true,
			settingsUrl: `${ctx.baseUrl}/g/${group.slug}/komunikaty`,
			notification: `Odwołanie komunikatu pilnego (${from}): ${short(allClear, 200)}`,
			subject: `Odwołanie: ${short(body.split('\n')[0], 80)}`,
			text: `${from} odwołuje komunikat pilny w grupie „${group.name}”:\n\n${allClear}\n\nPierwotny komunikat: ${body}\n\n${link}\n\nUstawienia komunikatów pilnych: ${ctx.baseUrl}/g/${group.slug}/komunikaty`,
			sms: short(`ODWOŁANIE ${from}: ${allClear}`, 140) + ` ${link}`
		};
	}
	return {
		groupId: group.id,
		municipalityCode: group.municipality_code,
		postId,
		kind,
		settingsUrl: `${ctx.baseUrl}/g/${group.slug}/komunikaty`,
		notification: `Komunikat pilny (${from}): ${short(body, 200)}`,
		subject: `Komunikat pilny: ${short(body.split('\n')[0], 80)}`,
		text: `${from} — komunikat pilny w grupie „${group.name}” (${alertKinds[kind]}), ważny do ${formatDateTime(until)}:\n\n${body}\n\n${link}\n\nUstawienia komunikatów pilnych: ${ctx.baseUrl}/g/${group.slug}/komunikaty`,
		sms: short(`PILNE ${from}: ${body}`, 140) + ` ${link}`
	};
}

export const allClearSchema = z
	.string({ error: 'Napisz treść odwołania.' })
	.trim()
	.min(3, 'Napisz treść odwołania (co najmniej 3 znaki).')
	.max(1000, 'Odwołanie może mieć najwyżej 1000 znaków.');

/**
 * The all-clear ("odwołanie"): the urgent post stops being on top, carries the all-clear text,
 * and everyone who got the alert is told the same way.
 */
export async function closeAlert(ctx: Ctx, actor: Actor | null, postId: string, text: unknown): Promise<AlertCounts> {
	const { group, access } = await authorizeOnPost(ctx, actor, postId, 'read');
	const message = parseInput(allClearSchema, text);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts as p')
			.innerJoin('units as un', 'un.id', 'p.unit_id')
			.select(['p.unit_id', 'p.alert_kind', 'p.all_clear_at', 'p.body', 'p.urgent_until', 'un.name as unit_name'])
			.where('p.id', '=', postId)
			.forUpdate('p')
			.executeTakeFirst();
		if (!post?.alert_kind) throw new AppError('conflict', 'Ten post nie jest komunikatem pilnym.');
		if (!access.units.some((u) => u.id === post.unit_id) && !can(access.role, 'moderate', group))
			throw new AppError('forbidden', 'Komunikat odwołuje jednostka, która go wysłała, albo moderator.');
		if (post.all_clear_at) throw new AppError('conflict', 'Ten komunikat został już odwołany.');
		await tx
			.updateTable('posts')
			.set({
				all_clear_at: now,
				all_clear_text: message,
				urgent_until: post.urgent_until && post.urgent_until > now ? now : post.urgent_until
			})
			.where('id', '=', postId)
			.execute();
		const sent = await fanOutAlert(
			ctx,
			tx,
			alertMessage(ctx, group, postId, post.unit_name, post.body, post.alert_kind as AlertKind, now, message)
		);
		await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		return sent;
	});
}

/** Pins or unpins a published post (moderators). */
export async function setPinned(ctx: Ctx, actor: Actor | null, postId: string, pinned: boolean): Promise<void> {
	const { group } = await authorizeOnPost(ctx, actor, postId, 'moderate');
	await ctx.db.transaction().execute(async (tx) => {
		const changed = await tx
			.updateTable('posts')
			.set({ pinned })
			.where('id', '=', postId)
			.where('status', '=', 'published')
			.where('pinned', '!=', pinned)
			.returning('author_id')
			.executeTakeFirst();
		if (changed)
			await logAction(tx, ctx.clock, {
				groupId: group.id,
				actorId: actor!.id,
				action: pinned ? 'pinned' : 'unpinned',
				postId,
				subjectId: changed.author_id
			});
	});
}
