import { redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/accounts';
import { formAction } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, '/konto');
	return { group: (url.searchParams.get('grupa') ?? '').slice(0, 100) };
};

export const actions: Actions = {
	// The same answer whether the address is new or already has an account (its owner gets an e-mail).
	// On an error the form keeps what was typed, the password too, so nobody types it twice.
	default: formAction(
		async (f, { locals }) => {
			const { confirmPath } = await registerUser(locals.ctx, f, locals.clientIp);
			return {
				registered: (f.email ?? '').trim().toLowerCase(),
				// Demo mode has no real mailbox: the confirmation link is shown on the page.
				demoConfirm: locals.rt.config.demo ? confirmPath : null
			};
		},
		(f) => ({ email: f.email, displayName: f.displayName, password: f.password, accept: f.accept })
	)
};
