import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { Comment, Group, Post } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { assertSignedIn } from './actor';
import { groupAccess, type GroupAccess } from './group-access';
import { assertCan, can, roleThroughCrossPost, type ActorFor, type GroupAction } from './policy';

// Every action on a post starts here: compiled once.
const postGroupQuery = prepared((db: Db, postId: string) =>
	db
		.selectFrom('posts')
		.innerJoin('groups', 'groups.id', 'posts.group_id')
		.selectAll('groups')
		.where('posts.id', '=', postId)
);

/** The group a post belongs to; `not_found` for an unknown post. */
export async function findPostGroup(db: Db, postId: string): Promise<Group> {
	if (!isId(postId)) throw notFound('Nie ma takiego posta.');
	const [group] = await postGroupQuery(db, postId);
	if (!group) throw notFound('Nie ma takiego posta.');
	return group;
}

/**
 * The group (by slug) a post was cross-posted into and is shown in now (Pakiet 3), or null: not
 * cross-posted there, or that group refused the post's group as a source.
 */
export async function crossPostedInto(db: Db, postId: string, slug: string): Promise<Group | null> {
	if (!isId(postId)) return null;
	const target = await db
		.selectFrom('cross_posts as cp')
		.innerJoin('groups as t', 't.id', 'cp.group_id')
		.innerJoin('posts as p', 'p.id', 'cp.post_id')
		.selectAll('t')
		.where('cp.post_id', '=', postId)
		.where('t.slug', '=', slug)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('cross_post_refusals as r')
						.select('r.group_id')
						.whereRef('r.group_id', '=', 't.id')
						.whereRef('r.source_group_id', '=', 'p.group_id')
				)
			)
		)
		.executeTakeFirst();
	return target ?? null;
}

/**
 * The group of a post, after checking that the actor may do the action there. `via`: the slug of
 * the group the reader came from (`/g/{via}/p/{id}`); when the post was cross-posted into it, it
 * comes back as `via`, and its participants may read, react and comment on this one post even
 * without a standing in the post's own group (`roleThroughCrossPost`: their role is `neighbour`).
 */
export async function authorizeOnPost<A extends GroupAction>(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	postId: string,
	action: A,
	via?: string | null
): Promise<{ actor: ActorFor<A>; group: Group; access: GroupAccess; via: Group | null }> {
	const group = await findPostGroup(ctx.db, postId);
	const [access, target] = await Promise.all([
		groupAccess(ctx, actor, group),
		via && via !== group.slug ? crossPostedInto(ctx.db, postId, via) : null
	]);
	if (target && !can(access.role, action, group)) {
		const role = roleThroughCrossPost(access.role, (await groupAccess(ctx, actor, target)).role, action, target);
		if (role === 'neighbour') {
			assertCan(role, action, group, actor);
			return { actor, group, via: target, access: { ...access, role, units: [] } };
		}
		// Reading only (a visitor or user of a group they may read): the post, not its group.
		if (role) return { actor: actor as ActorFor<A>, group, via: target, access };
	}
	assertCan(access.role, action, group, actor);
	return { actor, group, access, via: target };
}

/** May the actor do the action on the post, read through `via` (for what a page offers)? */
export async function mayOnPost(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	postId: string,
	action: GroupAction,
	via?: string | null
): Promise<boolean> {
	return authorizeOnPost(ctx, actor, postId, action, via).then(
		() => true,
		(e) => {
			if (e instanceof AppError && ['forbidden', 'unauthenticated', 'not_found'].includes(e.code)) return false;
			throw e;
		}
	);
}

/** The author, or for a unit's post anyone on the unit's staff now (the unit is the institution's). */
export async function authorizeAsAuthor(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	postId: string
): Promise<{ actor: Actor; group: Group; access: GroupAccess; post: Post }> {
	assertSignedIn(actor);
	const group = await findPostGroup(ctx.db, postId);
	const access = await groupAccess(ctx, actor, group);
	const post = await ctx.db.selectFrom('posts').selectAll().where('id', '=', postId).executeTakeFirstOrThrow();
	const mine = post.unit_id ? access.units.some((u) => u.id === post.unit_id) : post.author_id === actor.id;
	if (!mine)
		throw new AppError(
			'forbidden',
			post.unit_id
				? 'Ten post może zmienić zespół jednostki, która go opublikowała.'
				: 'Ten post może zmienić tylko jego autor.'
		);
	if (post.status === 'deleted' || post.status === 'removed') throw notFound('Ten post został usunięty.');
	return { actor, group, access, post };
}

/**
 * Only a comment's author may edit or delete it (moderators remove comments through the queue,
 * with a statement of reasons). Editing is writing in the group, so it needs the right to comment
 * there; deleting one's own words never does. A deleted or removed comment is `not_found`.
 */
export async function authorizeAsCommentAuthor(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	commentId: string,
	action: 'edit' | 'delete'
): Promise<{ actor: Actor; group: Group; access: GroupAccess; comment: Comment }> {
	assertSignedIn(actor);
	if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
	const comment = await ctx.db
		.selectFrom('comments as c')
		.leftJoin('groups as via', 'via.id', 'c.via_group_id')
		.selectAll('c')
		.select('via.slug as via_slug')
		.where('c.id', '=', commentId)
		.executeTakeFirst();
	if (!comment || comment.status === 'deleted' || comment.status === 'removed')
		throw notFound('Nie ma takiego komentarza albo został usunięty.');
	const group = await findPostGroup(ctx.db, comment.post_id);
	if (comment.author_id !== actor.id)
		throw new AppError(
			'forbidden',
			action === 'edit'
				? 'Ten komentarz może zmienić tylko jego autor.'
				: 'Ten komentarz może usunąć tylko jego autor. Moderatorzy usuwają komentarze w kolejce moderacji, z uzasadnieniem.'
		);
	// Written through a group the post was cross-posted into: edited by the same right.
	const access =
		action === 'edit'
			? (await authorizeOnPost(ctx, actor, comment.post_id, 'comment', comment.via_slug)).access
			: await groupAccess(ctx, actor, group);
	const { via_slug: _, ...row } = comment;
	return { actor, group, access, comment: row };
}
