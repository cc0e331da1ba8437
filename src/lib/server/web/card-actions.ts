import { respondToEvent } from '../events/events';
import { votePoll } from '../polls/polls';
import { action, formAction } from './http';

/**
 * Form actions of a post's card, the same on the group page and the post's page (`?/vote`,
 * `?/attend`); `params.slug` is the group the reader is in (a cross-posted post counts there).
 */
interface CardEvent {
	request: Request;
	locals: App.Locals;
	params: { slug: string };
}

export const cardActions = {
	/** A poll's ballot: `option` once (single choice) or several times; a refusal is told at that poll. */
	vote: async ({ locals, params, request }: CardEvent) => {
		const form = await request.formData();
		const postId = String(form.get('postId') ?? '');
		const options = form.getAll('option').map(Number);
		return action(
			async () => ({
				voted: await votePoll(locals.ctx, locals.actor, postId, options, params.slug),
				pollPostId: postId
			}),
			{ pollPostId: postId }
		);
	},
	/** "Wezmę udział" / "Interesuje mnie"; pressing the answer you already gave takes it back. */
	attend: formAction(async (f, { locals, params }: CardEvent) => ({
		attended: await respondToEvent(
			locals.ctx,
			locals.actor,
			f.postId,
			f.response === f.current ? null : f.response,
			params.slug
		)
	}))
};
