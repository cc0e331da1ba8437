import { redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/accounts';
import { formAction } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor) redirect(303, '/konto');
};

export const actions: Actions = {
	// The same answer whether the address is new or already has an account (its owner gets an e-mail).
	default: formAction(
		async (f, { locals }) => {
			await registerUser(locals.ctx, f, locals.clientIp);
			return { registered: (f.email ?? '').trim().toLowerCase() };
		},
		(f) => ({ email: f.email, displayName: f.displayName })
	)
};
