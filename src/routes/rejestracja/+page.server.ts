import { redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/accounts';
import { action, formFields } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor) redirect(303, '/konto');
};

export const actions: Actions = {
	// The same answer whether the address is new or already has an account (its owner gets an e-mail).
	default: async ({ request, locals }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await registerUser(locals.ctx, f, locals.clientIp);
				return { registered: (f.email ?? '').trim().toLowerCase() };
			},
			{ email: f.email, displayName: f.displayName }
		);
	}
};
