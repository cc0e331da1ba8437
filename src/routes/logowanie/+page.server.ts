import { redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth/sessions';
import { action, DEVICE_COOKIE, formFields, setSessionCookie } from '$lib/server/web/http';
import { safeRedirectPath } from '$lib/server/web/safe-redirect';
import type { Actions, PageServerLoad } from './$types';

const safeNext = (next: unknown) => safeRedirectPath(next, '/grupy');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('dalej')));
	return { next: safeNext(url.searchParams.get('dalej')) };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const f = formFields(await request.formData());
		const result = await action(
			async () => {
				const session = await logIn(locals.ctx, f, locals.clientIp, cookies.get(DEVICE_COOKIE));
				setSessionCookie(cookies, session, url.protocol === 'https:');
			},
			{ email: f.email }
		);
		if (result) return result;
		redirect(303, safeNext(f.next));
	}
};
