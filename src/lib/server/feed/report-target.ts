import type { Actor, Ctx } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { getPost } from './feed-query';

/**
 * What is being reported, as the reporter may see it. `via`: the slug of the group the reporter
 * read it in (`/zglos?…&przez=`), a group the post was cross-posted into (Pakiet 3); the link
 * back leads there, while the notice goes to the moderators of the post's own group.
 */
export async function reportTarget(
	ctx: Ctx,
	actor: Actor | null,
	{ postId, commentId, via }: { postId: string | null; commentId: string | null; via?: string | null }
) {
	if (commentId) {
		if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
		const c = await ctx.db
			.selectFrom('comments')
			.select(['post_id', 'body', 'status'])
			.where('id', '=', commentId)
			.executeTakeFirst();
		if (!c || (c.status !== 'published' && c.status !== 'hidden')) throw notFound('Nie ma takiego komentarza.');
		const read = await getPost(ctx, actor, c.post_id, via);
		return {
			kind: 'comment' as const,
			id: commentId,
			excerpt: c.body.slice(0, 300),
			href: `/g/${(read.via ?? read.group).slug}/p/${c.post_id}#k${commentId}`,
			group: read.group.name,
			via: read.via && { slug: read.via.slug, name: read.via.name }
		};
	}
	if (!postId) throw new AppError('validation', 'Wskaż post albo komentarz do zgłoszenia.');
	const { post, group, via: seenIn } = await getPost(ctx, actor, postId, via);
	return {
		kind: 'post' as const,
		id: post.id,
		excerpt: post.body.slice(0, 300),
		href: `/g/${(seenIn ?? group).slug}/p/${post.id}`,
		group: group.name,
		via: seenIn && { slug: seenIn.slug, name: seenIn.name }
	};
}
