import { redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth/sessions';
import { action, formFields, setSessionCookie } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** Only paths inside this site: never an open redirect. */
const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/grupy');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('dalej')));
	return { next: safeNext(url.searchParams.get('dalej')) };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const f = formFields(await request.formData());
		const result = await action(async () => {
			const session = await logIn(locals.ctx, f, getClientAddress());
			setSessionCookie(cookies, session.token, session.expiresAt, url.protocol === 'https:');
		}, { email: f.email });
		if (result) return result;
		redirect(303, safeNext(f.next ?? null));
	}
};
