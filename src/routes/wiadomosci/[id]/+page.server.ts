import { blockInConversation, conversationView, sendMessage } from '$lib/server/conversations/conversations';
import { reportMessage } from '$lib/server/conversations/reports';
import { formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(async () => ({
		conversation: await conversationView(locals.ctx, actor, params.id, {
			before: url.searchParams.get('przed') ?? undefined,
			markRead: true
		}),
		now: locals.ctx.clock.now().toISOString()
	}));
};

export const actions: Actions = {
	send: formAction(
		async (f, { locals, params }) => ({
			sent: await sendMessage(locals.ctx, locals.actor, params.id, { body: f.body })
		}),
		(f) => ({ body: f.body })
	),
	block: formAction(async (f, { locals, params }) => ({
		blockChanged: await blockInConversation(locals.ctx, locals.actor, params.id, f.block === 'true')
	})),
	report: formAction(
		async (f, { locals, params }) => ({
			reported: {
				messageId: f.messageId,
				...(await reportMessage(locals.ctx, locals.actor, params.id, f.messageId, { reason: f.reason }))
			}
		}),
		(f) => ({ messageId: f.messageId, reason: f.reason })
	)
};
