import { redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth/sessions';
import { action, formFields, page, setSessionCookie } from '$lib/server/web/http';
import { acceptInvitation, getInvitation } from '$lib/server/units/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	path: url.pathname,
	invitation: await page(() => getInvitation(locals.ctx, params.token)),
	signedInAs: locals.actor ? { name: locals.actor.displayName, email: locals.actor.email } : null
});

export const actions: Actions = {
	default: async ({ locals, params, request, cookies, url }) => {
		const f = formFields(await request.formData());
		const invitation = await page(() => getInvitation(locals.ctx, params.token));
		const result = await action(
			async () => {
				const person = await acceptInvitation(locals.ctx, locals.actor, params.token, {
					displayName: f.displayName,
					password: f.password
				});
				if (!locals.actor) {
					// A new account: sign it in straight away.
					const session = await logIn(locals.ctx, { email: person.email, password: f.password }, locals.clientIp);
					setSessionCookie(cookies, session, url.protocol === 'https:');
				}
				return { accepted: true };
			},
			{ displayName: f.displayName }
		);
		if (result && 'accepted' in result) redirect(303, invitation.groupSlug ? `/g/${invitation.groupSlug}` : '/');
		return result;
	}
};
