import { getGroup, leaveGroup } from '$lib/server/groups/groups';
import { cardActions } from '$lib/server/web/card-actions';
import { answerAlertPrompt, joinGroup } from '$lib/server/alerts/opt-in';
import { setPostReaction, sharePost } from '$lib/server/feed/engagement';
import { assertMayPost, createPost } from '$lib/server/feed/create-post';
import { reviseHeldPost } from '$lib/server/feed/revise-held';
import { action, clientOf, formFields, page, formAction } from '$lib/server/web/http';
import { groupPage } from '$lib/server/feed/group-page';
import { markPromotionSeen } from '$lib/server/promotions/promotions';
import { removeImages } from '$lib/server/media/images';
import { readPostForm } from '$lib/server/web/post-form';
import { viewerKey } from '$lib/server/web/viewer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(() =>
		groupPage(locals.readCtx, locals.actor, params.slug, {
			category: url.searchParams.get('kategoria'),
			cursor: url.searchParams.get('kursor'),
			unit: url.searchParams.get('jednostka'),
			place: url.searchParams.get('miejsce'),
			q: url.searchParams.get('q')
		})
	);

export const actions: Actions = {
	join: async ({ locals, params, request }) => {
		const form = await request.formData();
		const choice = alertChoiceOf(form);
		const places = form.getAll('places').map(String);
		const answer = String(form.get('answer') ?? '');
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, params.slug);
				const joined = await joinGroup(locals.ctx, locals.actor, group, { answer, places, alerts: choice });
				return { joined: true, alertsKept: joined.alertsKept };
			},
			{ form: 'join', answer, places, placeNone: form.get('placeNone') === 'on', ...choice }
		);
	},
	alerts: async ({ locals, params, request }) => {
		const form = await request.formData();
		const later = form.get('answer') === 'later';
		const choice = alertChoiceOf(form);
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, params.slug);
				const answered = await answerAlertPrompt(
					locals.ctx,
					locals.actor,
					group,
					later ? { answer: 'later' } : { answer: 'save', alerts: choice }
				);
				return { alertsAnswered: answered };
			},
			{ form: 'alerts', ...choice }
		);
	},
	leave: async ({ locals, params }) =>
		action(async () => {
			await leaveGroup(locals.ctx, locals.actor, await getGroup(locals.ctx.db, params.slug));
			return { left: true };
		}),
	post: async ({ locals, params, request }) => {
		// Who may post is settled before the body is read: images cost CPU to decode.
		const refused = await action(async () =>
			assertMayPost(locals.ctx, locals.actor, await getGroup(locals.ctx.db, params.slug))
		);
		if (refused) return refused;
		const form = await request.formData();
		const values = formFields(form);
		// "Popraw i wyślij ponownie": the held post's text, changed by its author.
		if (values.revise)
			return action(
				async () => ({
					created: await reviseHeldPost(locals.ctx, locals.actor, values.revise, {
						body: values.body,
						category: values.category
					}),
					values: { body: values.body, category: values.category }
				}),
				values
			);
		let stored: string[] = [];
		const result = await action(async () => {
			const group = await getGroup(locals.ctx.db, params.slug);
			const parsed = await readPostForm(form, locals.rt.mediaDir);
			stored = parsed.stored;
			const created = await createPost(locals.ctx, locals.actor, group, parsed.input);
			// A held post's text stays in the composer (also without JavaScript), to correct and send again.
			return created.status === 'pending'
				? { created, values: { body: values.body, category: values.category } }
				: { created };
		}, values);
		if (result && 'status' in result && stored.length) await removeImages(locals.rt.mediaDir, stored);
		return result;
	},
	...cardActions,
	react: formAction(async (f, { locals, params }) => {
		// Pressing the reaction you already gave takes it back.
		const kind = f.kind === f.current ? null : f.kind;
		// A post cross-posted into this group (Pakiet 3) counts the reaction for this group.
		await setPostReaction(locals.ctx, locals.actor, f.postId, kind, params.slug);
		return { reacted: f.postId };
	}),
	hidePromotion: formAction(async (f, { locals }) => {
		await markPromotionSeen(locals.ctx, locals.actor, f.promotionId, true);
		return { hiddenPromotion: f.promotionId };
	}),
	promotionSeen: formAction(async (f, { locals }) => {
		await markPromotionSeen(locals.ctx, locals.actor, f.promotionId, false);
		return { seenPromotion: f.promotionId };
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

/** The alert kinds and channels ticked in the join form or the one-time question. */
function alertChoiceOf(form: FormData) {
	return {
		kinds: form.getAll('kinds').map(String),
		byPush: form.get('byPush') === 'on',
		byEmail: form.get('byEmail') === 'on'
	};
}
