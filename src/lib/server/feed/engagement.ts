import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { ReactionKind } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput, isId } from '../core/validation';
import { notify } from '../notify/notifications';
import { warsawDay } from '../../dates';
import { findCommentPost } from './comments';
import { authorizeOnPost } from '../access/post-access';
import { reactionKinds } from './present';
import { withinLimit } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { writeViews } from './view-recorder';

export const reactionSchema = z
	.enum(reactionKinds as [ReactionKind, ...ReactionKind[]], {
		error: 'Nie ma takiej reakcji. Dozwolone: like, love, haha, wow, sad, angry.'
	})
	.nullable();

async function countByKind(
	db: Db,
	table: 'post_reactions' | 'comment_reactions',
	column: 'post_id' | 'comment_id',
	id: string
) {
	const rows = await db
		.selectFrom(table as 'post_reactions')
		.select(['kind', sql<string>`count(*)`.as('n')])
		.where(column as 'post_id', '=', id)
		.groupBy('kind')
		.execute();
	const byKind: Partial<Record<ReactionKind, number>> = {};
	let total = 0;
	for (const r of rows) {
		byKind[r.kind] = Number(r.n);
		total += Number(r.n);
	}
	return { byKind, total };
}

/**
 * Sets, changes or (with null) removes the actor's one reaction to a post. `via`: the slug of the
 * group it was seen in; when the post was cross-posted there, the reaction counts for that group.
 */
export async function setPostReaction(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	kind: unknown,
	via?: string | null
) {
	const { group, actor: reader, via: seenIn } = await authorizeOnPost(ctx, actor, postId, 'react', via);
	const reaction = parseInput(reactionSchema, kind);
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts')
			.select(['status', 'author_id'])
			.where('id', '=', postId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (post.status !== 'published') throw new AppError('conflict', 'Można reagować tylko na opublikowane posty.');
		let isNew = false;
		if (reaction) {
			const prev = await tx
				.selectFrom('post_reactions')
				.select('kind')
				.where('post_id', '=', postId)
				.where('user_id', '=', reader.id)
				.executeTakeFirst();
			isNew = !prev;
			await tx
				.insertInto('post_reactions')
				.values({
					post_id: postId,
					user_id: reader.id,
					kind: reaction,
					created_at: ctx.clock.now(),
					via_group_id: seenIn?.id ?? null
				})
				.onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ kind: reaction }))
				.execute();
		} else {
			await tx.deleteFrom('post_reactions').where('post_id', '=', postId).where('user_id', '=', reader.id).execute();
		}
		const { byKind, total } = await countByKind(tx, 'post_reactions', 'post_id', postId);
		const counts = await tx
			.updateTable('posts')
			.set({ reaction_count: total, reaction_counts: JSON.stringify(byKind) })
			.where('id', '=', postId)
			.returning(['comment_count', 'reaction_count', 'view_count', 'share_count'])
			.executeTakeFirstOrThrow();
		if (isNew && post.author_id !== reader.id) {
			await notify(tx, ctx.clock, {
				userId: post.author_id,
				kind: 'reaction_on_post',
				groupId: group.id,
				postId,
				actorName: reader.displayName,
				detail: reaction!
			});
		}
		await ctx.notifier.publish(tx, {
			type: 'counts',
			groupId: group.id,
			postId,
			comments: counts.comment_count,
			reactions: counts.reaction_count,
			views: counts.view_count,
			shares: counts.share_count
		});
		return { reaction, total, byKind };
	});
}

export async function setCommentReaction(
	ctx: Ctx,
	actor: Actor | null,
	commentId: string,
	kind: unknown,
	via?: string | null
) {
	const { actor: reader } = await authorizeOnPost(ctx, actor, await findCommentPost(ctx, commentId), 'react', via);
	const reaction = parseInput(reactionSchema, kind);
	return ctx.db.transaction().execute(async (tx) => {
		const comment = await tx
			.selectFrom('comments')
			.select('status')
			.where('id', '=', commentId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (comment.status !== 'published')
			throw new AppError('conflict', 'Można reagować tylko na opublikowane komentarze.');
		if (reaction) {
			await tx
				.insertInto('comment_reactions')
				.values({ comment_id: commentId, user_id: reader.id, kind: reaction, created_at: ctx.clock.now() })
				.onConflict((oc) => oc.columns(['comment_id', 'user_id']).doUpdateSet({ kind: reaction }))
				.execute();
		} else {
			await tx
				.deleteFrom('comment_reactions')
				.where('comment_id', '=', commentId)
				.where('user_id', '=', reader.id)
				.execute();
		}
		const { byKind, total } = await countByKind(tx, 'comment_reactions', 'comment_id', commentId);
		await tx
			.updateTable('comments')
			.set({ reaction_count: total, reaction_counts: JSON.stringify(byKind) })
			.where('id', '=', commentId)
			.execute();
		return { reaction, total, byKind };
	});
}

const viewedIds = (postIds: string[]) => [...new Set(postIds.filter(isId))].slice(0, 50);

/**
 * Counts a view once per viewer, post and Warsaw day, and a unique viewer once per post, at once in
 * one transaction (tests, scripts; the app buffers them: `countViews`). The viewer key is the user id,
 * or the anonymous visitor's daily key (viewer.ts); null (a crawler, a link preview), or a key past
 * its limit of reports (600 in 10 minutes), counts nothing. `seenIn`: the slug of the group whose
 * page showed the posts; a post cross-posted into that group (Pakiet 3) also counts there, once per
 * viewer and day (`cross_post_views`). Returns how many of the posts got a new view.
 */
export async function recordViews(
	ctx: Ctx,
	postIds: string[],
	viewerKey: string | null,
	seenIn?: string | null
): Promise<number> {
	const ids = viewedIds(postIds);
	if (ids.length === 0 || !viewerKey) return 0;
	const day = warsawDay(ctx.clock.now());
	const key = viewerKey.slice(0, 64);
	return ctx.db.transaction().execute(async (tx) => {
		if (!(await withinLimit(tx, ctx.clock, limits.viewBatchesPerViewer(viewerKey)))) return 0;
		return writeViews(
			tx,
			ids.map((postId) => ({ postId, day, viewerKey: key, seenIn: seenIn ?? null }))
		);
	});
}

/**
 * What routes call for posts seen: with the process's recorder (`ctx.views`) the views are buffered
 * and written within a second, and the answer is how many posts were taken for counting; without
 * one they are written at once (`recordViews`) and the answer is how many got a new view.
 */
export async function countViews(
	ctx: Ctx,
	postIds: string[],
	viewerKey: string | null,
	seenIn?: string | null
): Promise<number> {
	if (!ctx.views) return recordViews(ctx, postIds, viewerKey, seenIn);
	const ids = viewedIds(postIds);
	if (ids.length === 0 || !viewerKey) return 0;
	return ctx.views.add(ids, viewerKey.slice(0, 64), seenIn ?? null);
}

/**
 * Records a share of a post's link, once per viewer key (viewer.ts) and post: sharing again, or
 * a crawler (null key), or a key past 60 shares an hour, gets the link but adds nothing. Returns the share count.
 */
export async function sharePost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	viewerKey: string | null,
	via?: string | null
): Promise<number> {
	const { group } = await authorizeOnPost(ctx, actor, postId, 'read', via);
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts')
			.select('share_count')
			.where('id', '=', postId)
			.where('status', '=', 'published')
			.executeTakeFirst();
		if (!post) throw new AppError('conflict', 'Można udostępniać tylko opublikowane posty.');
		if (!viewerKey || !(await withinLimit(tx, ctx.clock, limits.sharesPerViewer(viewerKey)))) return post.share_count;
		const fresh = await tx
			.insertInto('post_shares')
			.values({
				post_id: postId,
				user_id: actor?.id ?? null,
				viewer_key: viewerKey.slice(0, 64),
				created_at: ctx.clock.now()
			})
			.onConflict((oc) => oc.columns(['post_id', 'viewer_key']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!fresh) return post.share_count;
		const counts = await tx
			.updateTable('posts')
			.set((eb) => ({ share_count: eb('share_count', '+', 1) }))
			.where('id', '=', postId)
			.returning(['comment_count', 'reaction_count', 'view_count', 'share_count'])
			.executeTakeFirstOrThrow();
		await ctx.notifier.publish(tx, {
			type: 'counts',
			groupId: group.id,
			postId,
			comments: counts.comment_count,
			reactions: counts.reaction_count,
			views: counts.view_count,
			shares: counts.share_count
		});
		return counts.share_count;
	});
}
