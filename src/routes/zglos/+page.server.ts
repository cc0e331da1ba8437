import { redirect } from '@sveltejs/kit';
import { getPost } from '$lib/server/feed/feed-query';
import { AppError, notFound } from '$lib/server/core/errors';
import { action, formFields, page } from '$lib/server/web/http';
import { fileReport } from '$lib/server/moderation/reports';
import { groundIds, grounds } from '$lib/server/moderation/terms';
import type { Actions, PageServerLoad } from './$types';
import { isId } from '$lib/server/core/validation';

/** What is being reported, as the reporter may see it. */
async function reported(locals: App.Locals, url: URL) {
	const postId = url.searchParams.get('post');
	const commentId = url.searchParams.get('komentarz');
	if (commentId) {
		if (!isId(commentId)) throw notFound('Nie ma takiego komentarza.');
		const c = await locals.ctx.db
			.selectFrom('comments')
			.select(['post_id', 'body', 'status'])
			.where('id', '=', commentId)
			.executeTakeFirst();
		if (!c || (c.status !== 'published' && c.status !== 'hidden')) throw notFound('Nie ma takiego komentarza.');
		const { group } = await getPost(locals.ctx, locals.actor, c.post_id);
		return {
			kind: 'comment' as const,
			id: commentId,
			excerpt: c.body.slice(0, 300),
			href: `/g/${group.slug}/p/${c.post_id}#k${commentId}`,
			group: group.name
		};
	}
	if (!postId) throw new AppError('validation', 'Wskaż post albo komentarz do zgłoszenia.');
	const { post, group } = await getPost(locals.ctx, locals.actor, postId);
	return {
		kind: 'post' as const,
		id: post.id,
		excerpt: post.body.slice(0, 300),
		href: `/g/${group.slug}/p/${post.id}`,
		group: group.name
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname + url.search)}`);
	return {
		target: await page(() => reported(locals, url)),
		grounds: groundIds.filter((g) => g !== 'off_topic').map((id) => ({ id, label: grounds[id].label })),
		reporter: { name: locals.actor.displayName, email: locals.actor.email }
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const target = url.searchParams.get('komentarz')
					? { commentId: url.searchParams.get('komentarz') }
					: { postId: url.searchParams.get('post') };
				const r = await fileReport(locals.ctx, locals.actor, {
					...target,
					ground: f.ground,
					explanation: f.explanation,
					name: f.name,
					email: f.email,
					goodFaith: f.goodFaith ?? false
				});
				return { reported: r };
			},
			{ ground: f.ground, explanation: f.explanation, name: f.name, email: f.email }
		);
	}
};
