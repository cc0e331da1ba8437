import { error, redirect } from '@sveltejs/kit';
import { decidePost, listPendingPosts } from '$lib/server/feed/posts';
import { decideComment, listPendingComments } from '$lib/server/feed/comments';
import { countPendingMemberships } from '$lib/server/groups/groups';
import { action, formFields } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	const { ctx, actor } = locals;
	let q = ctx.db.selectFrom('groups').selectAll('groups').orderBy('groups.name');
	if (!actor.isOperator) {
		q = q.innerJoin('memberships as m', 'm.group_id', 'groups.id').where('m.user_id', '=', actor.id).where('m.role', '=', 'moderator').where('m.status', '=', 'approved');
	}
	const groups = await q
		.select((eb) => eb.selectFrom('posts').select(eb.fn.countAll<string>().as('n')).whereRef('posts.group_id', '=', 'groups.id').where('posts.status', '=', 'pending').as('pending'))
		.execute();
	if (groups.length === 0) error(403, { message: 'Nie moderujesz żadnej grupy.' });
	// Without a choice, the group with the longest queue.
	const selected = groups.find((g) => g.slug === url.searchParams.get('grupa')) ?? [...groups].sort((a, b) => Number(b.pending) - Number(a.pending))[0];
	const [posts, comments, pendingMembers] = await Promise.all([listPendingPosts(ctx, actor, selected), listPendingComments(ctx, actor, selected), countPendingMemberships(ctx.db, selected.id)]);
	return { groups: groups.map((g) => ({ slug: g.slug, name: g.name, pending: Number(g.pending) })), group: { slug: selected.slug, name: selected.name }, posts, comments, pendingMembers, now: ctx.clock.now().toISOString() };
};

export const actions: Actions = {
	decide: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await decidePost(locals.ctx, locals.actor, f.postId, f.decision === 'approve', f.reason);
			return { decided: f.postId, approved: f.decision === 'approve' };
		}, { postId: f.postId, reason: f.reason });
	},
	decideComment: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await decideComment(locals.ctx, locals.actor, f.commentId, f.decision === 'approve', f.reason);
			return { decidedComment: f.commentId, approved: f.decision === 'approve' };
		}, { commentId: f.commentId, reason: f.reason });
	}
};
