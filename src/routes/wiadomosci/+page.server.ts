import { inbox, setMessageEmails } from '$lib/server/conversations/conversations';
import { formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor({ locals, url });
	return page(() => inbox(locals.ctx, actor));
};

export const actions: Actions = {
	emails: formAction(async (f, { locals }) => ({
		emailsSaved: await setMessageEmails(locals.ctx, locals.actor, f.emails === 'on')
	}))
};
