import { redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/auth/accounts';
import { action, formFields } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const f = formFields(await request.formData());
		const result = await action(() => resetPassword(locals.ctx, f.token ?? '', f.password));
		if (result) return result;
		redirect(303, '/logowanie?haslo=zmienione');
	}
};
