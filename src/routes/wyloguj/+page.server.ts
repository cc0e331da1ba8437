import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/auth/sessions';
import { SESSION_COOKIE } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await logOut(locals.ctx, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/');
	}
};
