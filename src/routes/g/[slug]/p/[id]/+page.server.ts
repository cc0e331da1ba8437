import { redirect } from '@sveltejs/kit';
import { cardActions } from '$lib/server/web/card-actions';
import { closePoll, pollPanel } from '$lib/server/polls/polls';
import { addComment, listComments } from '$lib/server/feed/comments';
import { deleteComment, editComment } from '$lib/server/feed/comment-authoring';
import { reviseHeldComment } from '$lib/server/feed/revise-held';
import { countViews, setCommentReaction, setPostReaction, sharePost } from '$lib/server/feed/engagement';
import { getPost } from '$lib/server/feed/feed-query';
import { closeAlert, updateAlert } from '$lib/server/feed/alert-posts';
import { deletePost, editPost, listRevisions, publishDraft } from '$lib/server/feed/authoring';
import { categories } from '$lib/server/groups/categories';
import { resubmitPost } from '$lib/server/moderation/content-decisions';
import { can } from '$lib/server/access/policy';
import { mayOnPost } from '$lib/server/access/post-access';
import { cancelPromotion, promotePost, promotionPanel } from '$lib/server/promotions/promotions';
import { action, clientOf, page, formAction } from '$lib/server/web/http';
import { viewerKey } from '$lib/server/web/viewer';
import { forwardChoices, forwardQuestion } from '$lib/server/questions/questions';
import { followPost, follows } from '$lib/server/feed/follows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, request }) =>
	page(async () => {
		// `/g/{slug}/p/{id}` under a group the post was cross-posted into (Pakiet 3) is the same post and
		// thread, read through that group (`via`); under any other group it moves to its own group.
		const { post, group, access, authorId, via } = await getPost(locals.readCtx, locals.actor, params.id, params.slug);
		if (group.slug !== params.slug && !via) redirect(301, `/g/${group.slug}/p/${post.id}`);
		if (post.status === 'published')
			await countViews(
				locals.ctx,
				[post.id],
				await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals })),
				params.slug
			);
		const [comments, revisions, promotion] = await Promise.all([
			post.status === 'published'
				? listComments(locals.readCtx, locals.actor, post.id, params.slug, { group, access })
				: [],
			post.editedAt ? listRevisions(locals.readCtx, post.id) : [],
			post.status === 'published' && post.author.unit ? promotionPanel(locals.readCtx, locals.actor, post.id) : null
		]);
		// The author, or for a unit's post its staff, may edit, delete and publish drafts.
		const canEdit =
			!!locals.actor &&
			(post.author.unit ? access.units.some((u) => u.slug === post.author.unit!.slug) : authorId === locals.actor.id);
		// Who runs a poll (and the moderators) follow its results while it is open.
		const panel = await pollPanel(locals.readCtx, locals.actor, post);
		if (post.poll && panel?.results) post.poll.results = panel.results;
		return {
			post,
			pollPanel: panel,
			comments,
			revisions,
			promotion,
			canEdit: canEdit && !['deleted', 'removed', 'changes_requested'].includes(post.status),
			categories: categories.map((c) => ({ code: c.code, label: c.label })),
			group: { slug: group.slug, name: group.name },
			via: via && { slug: via.slug, name: via.name },
			// Through a neighbouring group, its members comment and react in the source thread.
			canComment: via
				? await mayOnPost(locals.readCtx, locals.actor, post.id, 'comment', params.slug)
				: can(access.role, 'comment', group),
			canReact: via
				? await mayOnPost(locals.readCtx, locals.actor, post.id, 'react', params.slug)
				: can(access.role, 'react', group),
			signedIn: !!locals.actor,
			/** Told of new comments ("Obserwuj"); the author is, unless they muted the post. */
			following: await follows(locals.readCtx.db, post.id, locals.actor, authorId),
			/** The question's unit (or the coordinator) may forward it elsewhere while it is unanswered. */
			forwardTo:
				post.question && post.question.state !== 'answered'
					? await forwardChoices(locals.readCtx, locals.actor, post.id)
					: null,
			mine: authorId === locals.actor?.id,
			/** "Napisz do autora" (a person's post, not one's own) and "Napisz prywatnie" under others' comments. */
			canMessage: !via && can(access.role, 'message', group),
			// The unit that sent an urgent alert (and moderators) see its reach and may close it.
			managesAlert:
				!!post.alert &&
				(access.units.some((u) => u.slug === post.author.unit?.slug) || can(access.role, 'moderate', group)),
			now: locals.ctx.clock.now().toISOString()
		};
	});

export const actions: Actions = {
	comment: formAction(
		async (f, { locals, params }) => {
			// "Popraw i wyślij ponownie": the held comment's text, changed by its author.
			const commented = f.revise
				? await reviseHeldComment(locals.ctx, locals.actor, f.revise, { body: f.body })
				: await addComment(
						locals.ctx,
						locals.actor,
						params.id,
						{ body: f.body, parentId: f.parentId || null },
						params.slug
					);
			// A held comment's text stays in the form (also without JavaScript), to correct and send again.
			return commented.status === 'pending'
				? { commented, revised: !!f.revise, values: { body: f.body } }
				: { commented, revised: !!f.revise };
		},
		(f) => ({ body: f.body, parentId: f.parentId, revise: f.revise })
	),
	commentEdit: formAction(
		async (f, { locals }) => ({
			commentEdited: {
				id: f.commentId,
				...(await editComment(locals.ctx, locals.actor, f.commentId, { body: f.commentBody }))
			}
		}),
		(f) => ({ commentId: f.commentId, commentBody: f.commentBody })
	),
	commentDelete: formAction(
		async (f, { locals }) => {
			await deleteComment(locals.ctx, locals.actor, f.commentId);
			return { commentDeleted: f.commentId };
		},
		(f) => ({ commentId: f.commentId })
	),
	edit: formAction(
		async (f, { locals, params }) => ({
			edited: await editPost(locals.ctx, locals.actor, params.id, {
				body: f.editBody,
				category: f.editCategory,
				commentsEnabled: f.commentsOff !== 'on'
			})
		}),
		(f) => ({ editBody: f.editBody, editCategory: f.editCategory })
	),
	delete: async ({ locals, params }) => {
		const result = await action(async () => {
			await deletePost(locals.ctx, locals.actor, params.id);
			return { deleted: true };
		});
		if (result && 'deleted' in result) redirect(303, `/g/${params.slug}`);
		return result;
	},
	publish: async ({ locals, params }) =>
		action(async () => ({ published: await publishDraft(locals.ctx, locals.actor, params.id) })),
	allClear: formAction(
		async (f, { locals, params }) => ({ allClear: await closeAlert(locals.ctx, locals.actor, params.id, f.allClear) }),
		(f) => ({
			allClearText: f.allClear
		})
	),
	alertUpdate: formAction(
		async (f, { locals, params }) => ({
			alertUpdated: await updateAlert(locals.ctx, locals.actor, params.id, f.alertUpdate)
		}),
		(f) => ({ updateText: f.alertUpdate })
	),
	resubmit: formAction(
		async (f, { locals, params }) => ({
			resubmitted: await resubmitPost(locals.ctx, locals.actor, params.id, { body: f.body })
		}),
		(f) => ({ editBody: f.body })
	),
	promote: formAction(
		async (f, { locals, params }) => ({
			promoted: await promotePost(locals.ctx, locals.actor, params.id, { days: f.days, sms: f.sms === 'on' })
		}),
		() => ({ promotion: 'promote' })
	),
	cancelPromotion: formAction(
		async (f, { locals }) => {
			await cancelPromotion(locals.ctx, locals.actor, f.promotionId);
			return { promotionCancelled: true };
		},
		() => ({ promotion: 'cancel' })
	),
	follow: formAction(async (f, { locals, params }) => ({
		follow: await followPost(locals.ctx, locals.actor, params.id, f.follow === 'on')
	})),
	forwardQuestion: formAction(
		async (f, { locals, params }) => ({
			forwarded: await forwardQuestion(locals.ctx, locals.actor, params.id, f.unitId)
		}),
		(f) => ({ unitId: f.unitId })
	),
	...cardActions,
	closePoll: async ({ locals, params }) =>
		action(async () => ({ pollClosed: await closePoll(locals.ctx, locals.actor, params.id) }), {
			pollPostId: params.id
		}),
	react: formAction(async (f, { locals, params }) => {
		await setPostReaction(locals.ctx, locals.actor, f.postId, f.kind === f.current ? null : f.kind, params.slug);
	}),
	commentReact: formAction(async (f, { locals, params }) => {
		await setCommentReaction(locals.ctx, locals.actor, f.commentId, f.kind === f.current ? null : f.kind, params.slug);
	}),
	share: formAction(async (f, { locals, request, url, params }) => {
		await sharePost(
			locals.ctx,
			locals.actor,
			f.postId,
			await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals })),
			params.slug
		);
		return { shared: f.postId, shareUrl: `${url.origin}/g/${params.slug}/p/${f.postId}` };
	})
};
