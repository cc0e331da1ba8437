import { decideMessageReport, reportedConversation } from '$lib/server/conversations/reports';
import { formAction, page } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	report: await page(() => reportedConversation(locals.ctx, locals.actor, params.id))
});

export const actions: Actions = {
	decide: formAction(async (f, { locals, params }) => ({
		decided: await decideMessageReport(locals.ctx, locals.actor, params.id, { decision: f.decision })
	}))
};
