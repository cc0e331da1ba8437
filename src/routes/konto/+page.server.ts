import { redirect } from '@sveltejs/kit';
import { changePassword, deleteAccount, resendVerification } from '$lib/server/auth/accounts';
import { hashSecret } from '$lib/server/auth/crypto';
import { action, formFields, SESSION_COOKIE } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	const groups = await locals.ctx.db
		.selectFrom('memberships')
		.innerJoin('groups', 'groups.id', 'memberships.group_id')
		.select(['groups.slug', 'groups.name', 'memberships.status', 'memberships.role'])
		.where('memberships.user_id', '=', locals.actor.id)
		.orderBy('groups.name')
		.execute();
	return { groups, welcome: url.searchParams.has('nowe') };
};

export const actions: Actions = {
	resend: async ({ locals }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		await resendVerification(locals.ctx, locals.actor);
		return { resent: true };
	},
	password: async ({ locals, request }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		const f = formFields(await request.formData());
		return action(async () => {
			await changePassword(locals.ctx, locals.actor!, { current: f.current, next: f.next }, locals.sessionToken ? hashSecret(locals.sessionToken) : undefined);
			return { passwordChanged: true };
		});
	},
	delete: async ({ locals, request, cookies }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		const f = formFields(await request.formData());
		const result = await action(() => deleteAccount(locals.ctx, locals.actor!, f.password));
		if (result) return result;
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/?konto=usuniete');
	}
};
