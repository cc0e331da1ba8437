import { redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/accounts';
import { logIn } from '$lib/server/auth/sessions';
import { action, formFields, setSessionCookie } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor) redirect(303, '/konto');
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const f = formFields(await request.formData());
		const values = { email: f.email, displayName: f.displayName };
		const result = await action(async () => {
			await registerUser(locals.ctx, f);
			const session = await logIn(locals.ctx, { email: f.email, password: f.password }, getClientAddress());
			setSessionCookie(cookies, session.token, session.expiresAt, url.protocol === 'https:');
		}, values);
		if (result) return result;
		redirect(303, '/konto?nowe=1');
	}
};
