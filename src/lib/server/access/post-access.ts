import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Comment, Group, Post } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { assertSignedIn } from './actor';
import { authorizeInGroup, groupAccess, type GroupAccess } from './group-access';
import type { ActorFor, GroupAction } from './policy';

/** The group a post belongs to; `not_found` for an unknown post. */
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
export async function authorizeOnPost<A extends GroupAction>(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	postId: string,
	action: A
): Promise<{ actor: ActorFor<A>; group: Group; access: GroupAccess }> {
	const group = await findPostGroup(ctx.db, postId);
	return { group, ...(await authorizeInGroup(ctx, actor, group, action)) };
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
	const comment = await ctx.db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst();
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
	const access =
		action === 'edit'
			? (await authorizeInGroup(ctx, actor, group, 'comment')).access
			: await groupAccess(ctx, actor, group);
	return { actor, group, access, comment };
}
