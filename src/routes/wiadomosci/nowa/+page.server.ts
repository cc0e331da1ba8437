import { redirect } from '@sveltejs/kit';
import { newConversationTarget, startConversation } from '$lib/server/conversations/conversations';
import { formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** `?post=ID` writes to the post's author, `?komentarz=ID` to the comment's. */
const targetOf = (url: URL) => ({
	post: url.searchParams.get('post') ?? undefined,
	comment: url.searchParams.get('komentarz') ?? undefined
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor({ locals, url });
	const target = await page(() => newConversationTarget(locals.ctx, actor, targetOf(url)));
	// The pair already talks: the message goes on in that conversation.
	if (target.existingId) redirect(303, `/wiadomosci/${target.existingId}`);
	return { target };
};

export const actions: Actions = {
	default: formAction(
		async (f, { locals, url }) => {
			const sent = await startConversation(locals.ctx, locals.actor, { ...targetOf(url), body: f.body });
			redirect(303, `/wiadomosci/${sent.conversationId}`);
		},
		(f) => ({ body: f.body })
	)
};
