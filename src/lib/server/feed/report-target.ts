import type { Actor, Ctx } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { getPost } from './feed-query';

/** What is being reported, as the reporter may see it. */
export async function reportTarget(
	ctx: Ctx,
	actor: Actor | null,
	{ postId, commentId }: { postId: string | null; commentId: string | null }
) {
	if (commentId) {
		if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
		const c = await ctx.db
			.selectFrom('comments')
			.select(['post_id', 'body', 'status'])
			.where('id', '=', commentId)
			.executeTakeFirst();
		if (!c || (c.status !== 'published' && c.status !== 'hidden')) throw notFound('Nie ma takiego komentarza.');
		const { group } = await getPost(ctx, actor, c.post_id);
		return {
			kind: 'comment' as const,
			id: commentId,
			excerpt: c.body.slice(0, 300),
			href: `/g/${group.slug}/p/${c.post_id}#k${commentId}`,
			group: group.name
		};
	}
	if (!postId) throw new AppError('validation', 'Wskaż post albo komentarz do zgłoszenia.');
	const { post, group } = await getPost(ctx, actor, postId);
	return {
		kind: 'post' as const,
		id: post.id,
		excerpt: post.body.slice(0, 300),
		href: `/g/${group.slug}/p/${post.id}`,
		group: group.name
	};
}
