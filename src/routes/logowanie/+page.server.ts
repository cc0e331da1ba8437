import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/server/auth/landing';
import { logIn } from '$lib/server/auth/sessions';
import { action, DEVICE_COOKIE, formFields, setSessionCookie } from '$lib/server/web/http';
import { safeRedirectPath } from '$lib/server/web/safe-redirect';
import type { Actions, PageServerLoad } from './$types';

/** An explicit way back (`?dalej=`, a path on this site), or '' when none was given. */
const explicitNext = (next: unknown) => safeRedirectPath(next, '');

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = explicitNext(url.searchParams.get('dalej'));
	if (locals.actor) redirect(303, next || (await landingFor(locals.ctx, locals.actor)));
	return { next };
};

export const actions: Actions = {
	// Each role lands on its work (auth/landing.ts) unless the page that sent them here asked to come back.
	default: async ({ request, locals, cookies, url }) => {
		const f = formFields(await request.formData());
		const result = await action(
			async () => {
				const session = await logIn(locals.ctx, f, locals.clientIp, cookies.get(DEVICE_COOKIE));
				setSessionCookie(cookies, session, url.protocol === 'https:');
				return session.actor;
			},
			{ email: f.email }
		);
		if (!result || !('id' in result)) return result;
		redirect(303, explicitNext(f.next) || (await landingFor(locals.ctx, result)));
	}
};
