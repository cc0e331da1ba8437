import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { DB, Group } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput, dateSchema, idSchema } from '../core/validation';
import { categoryCodes } from '../groups/categories';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { MAX_IMAGES } from '../media/images';
import { screenFor } from '../moderation/screen';
import { notify } from '../notify/notifications';
import { groupPlaceIds } from '../places/places';
import { afterScreening, storedFindings } from '../moderation/intake';
import { findMentions, notifyMentioned } from '../notify/mentions';
import { foldText } from '../text/fold';
import { questionAddressee, recordQuestion } from '../questions/questions';
import { checkPoll, pollInputSchema, recordPoll, textWithPoll } from '../polls/polls';

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

/** What every post has, written or edited: its text and its category. */
export const postTextSchema = z.object({
	body: z
		.string({ error: 'Napisz treść posta.' })
		.trim()
		.min(1, 'Napisz treść posta.')
		.max(10000, 'Post może mieć najwyżej 10 000 znaków.'),
	category: z.enum(categoryCodes, { error: 'Wybierz kategorię z listy.' })
});

export const postInputSchema = postTextSchema.extend({
	unitId: idSchema('Wybierz jednostkę z listy.').nullish(),
	/** A resident's question ("Pytania") addressed to the office or a unit of the municipality. */
	questionTo: idSchema('Wybierz urząd albo jednostkę z listy.').nullish(),
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
	/** A poll in the post: 2–10 options, one or several choices, open until `closesAt`. */
	poll: pollInputSchema.nullish(),
	images: z.array(imageSchema).max(MAX_IMAGES, `Możesz dodać najwyżej ${MAX_IMAGES} zdjęć.`).default([]),
	/** Kept for later by its author, not shown to anyone else. */
	draft: z.boolean().default(false),
	/** Published by a job at this time (within a minute). */
	publishAt: z.date({ error: 'Podaj poprawną datę i godzinę publikacji.' }).nullish(),
	commentsEnabled: z.boolean().default(true),
	/** The localities or sołectwa the post is about; a unit of a sołectwo names its own by default. */
	places: z.array(z.string()).max(10, 'Wybierz najwyżej 10 miejscowości.').default([])
});

export type PostInput = z.input<typeof postInputSchema>;

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
	assertCan(access.role, 'post', group, actor);
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
	if (data.publishAt && !data.draft) {
		if (data.publishAt.getTime() < now.getTime() + 60_000)
			throw new AppError('validation', 'Zaplanuj publikację co najmniej minutę od teraz albo opublikuj od razu.', {
				publishAt: 'Podaj termin w przyszłości.'
			});
		if (data.publishAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000)
			throw new AppError('validation', 'Publikację można zaplanować najwyżej na rok naprzód.', {
				publishAt: 'Najwyżej rok naprzód.'
			});
	}
	if (data.poll) checkPoll(data.poll, { publishAt: (!data.draft && data.publishAt) || now, byUnit: !!unit });
	const addressee = await questionAddressee(ctx.db, group, { ...data, unitId: unit?.id });
	const placeIds = data.places.length
		? await groupPlaceIds(ctx.db, group.id, data.places)
		: await unitPlace(ctx.db, group, unit?.id);
	const mentioned = await findMentions(ctx.db, group.id, data.body, actor.id);
	// What the author wrote; scheduling or screening adds the status and the rest.
	const written = {
		group_id: group.id,
		author_id: actor.id,
		unit_id: unit?.id ?? null,
		category: data.category,
		body: data.body,
		body_folded: foldText(data.body),
		comments_enabled: data.commentsEnabled,
		event_start: data.event?.start ?? null,
		event_end: data.event?.end ?? null,
		event_place: data.event?.place || null,
		reaction_counts: '{}',
		mentions: JSON.stringify(mentioned.map((m) => m.name)),
		created_at: now,
		decided_at: null,
		decided_by: null
	};
	if (data.draft || data.publishAt) {
		const status = data.draft ? 'draft' : 'scheduled';
		return ctx.db.transaction().execute(async (tx) => {
			const post = await insertPost(
				tx,
				{
					...written,
					status,
					moderation_reason: null,
					scheduled_for: status === 'scheduled' ? data.publishAt! : null,
					published_at: null
				},
				data.images,
				placeIds
			);
			if (data.poll) await recordPoll(tx, post.id, data.poll);
			if (addressee)
				await recordQuestion(tx, ctx.clock, {
					postId: post.id,
					groupId: group.id,
					unitId: addressee.id,
					published: false,
					askedBy: actor.id
				});
			return { id: post.id, status, reasons: [] };
		});
	}
	const verdict = await screenFor(ctx, ctx.db, 'post', textWithPoll(data.body, data.poll), group, access, unit);
	const status = verdict.decision === 'publish' ? 'published' : 'pending';
	return ctx.db.transaction().execute(async (tx) => {
		const post = await insertPost(
			tx,
			{
				...written,
				status,
				moderation_reason: verdict.reasons.join(' ') || null,
				findings: storedFindings(verdict),
				flagged: verdict.flagged,
				published_at: status === 'published' ? now : null
			},
			data.images,
			placeIds
		);
		if (data.poll) await recordPoll(tx, post.id, data.poll);
		if (addressee)
			await recordQuestion(tx, ctx.clock, {
				postId: post.id,
				groupId: group.id,
				unitId: addressee.id,
				published: status === 'published',
				askedBy: actor.id
			});
		if (status === 'published') {
			await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: post.id });
			await notifyMentioned(tx, ctx.clock, mentioned, {
				groupId: group.id,
				postId: post.id,
				authorId: actor.id,
				authorName: unit?.name ?? actor.displayName
			});
		}
		await afterScreening(ctx, tx, { group, result: verdict, authorId: actor.id, postId: post.id, createdAt: now });
		// A publisher hears at once that a unit's post was held, with the way to report a mistake.
		if (unit && status === 'pending') {
			await notify(tx, ctx.clock, {
				userId: actor.id,
				kind: 'post_held',
				groupId: group.id,
				postId: post.id,
				detail: `Post „${unit.name}” czeka na moderatora: ${verdict.reasons.join(' ')} Jeśli to pomyłka, zgłoś błędne zatrzymanie — to sprawa pilna.`,
				link: `/pomoc?post=${post.id}`
			});
		}
		return { id: post.id, status, reasons: verdict.reasons };
	});
}

/** A sołectwo's unit speaks for its sołectwo: its posts name the place unless the author chose others. */
async function unitPlace(db: Db, group: Group, unitId: string | undefined): Promise<string[]> {
	if (!unitId) return [];
	const row = await db
		.selectFrom('units')
		.innerJoin('places', 'places.id', 'units.place_id')
		.select('places.id')
		.where('units.id', '=', unitId)
		.where('places.group_id', '=', group.id)
		.executeTakeFirst();
	return row ? [row.id] : [];
}

/** Inserts a post, its images (in order) and the places it names, in the caller's transaction. */
async function insertPost(
	tx: Db,
	row: Insertable<DB['posts']>,
	images: { fileName: string; width: number; height: number; alt: string }[],
	placeIds: string[]
): Promise<{ id: string }> {
	const post = await tx.insertInto('posts').values(row).returning('id').executeTakeFirstOrThrow();
	if (placeIds.length > 0)
		await tx
			.insertInto('post_places')
			.values(placeIds.map((place_id) => ({ post_id: post.id, place_id })))
			.execute();
	if (images.length > 0)
		await tx
			.insertInto('post_images')
			.values(
				images.map((img, i) => ({
					post_id: post.id,
					position: i,
					file_name: img.fileName,
					width: img.width,
					height: img.height,
					alt: img.alt
				}))
			)
			.execute();
	return post;
}
