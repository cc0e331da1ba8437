import { fail, redirect } from '@sveltejs/kit';
import { changePassword, resendVerification } from '$lib/server/auth/accounts';
import { deleteAccount } from '$lib/server/privacy/delete-account';
import { hashSecret } from '$lib/server/auth/crypto';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/sessions';
import { AppError } from '$lib/server/core/errors';
import { action, formFields, SESSION_COOKIE } from '$lib/server/web/http';
import { listDataExports, requestDataExport } from '$lib/server/privacy/export';
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
	const tokens = (await listApiTokens(locals.ctx, locals.actor)).map((t) => ({
		id: t.id,
		name: t.name,
		createdAt: t.created_at.toISOString(),
		lastUsedAt: t.last_used_at?.toISOString() ?? null
	}));
	const exports = await listDataExports(locals.ctx, locals.actor);
	return { groups, tokens, exports };
};

export const actions: Actions = {
	resend: async ({ locals }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		try {
			await resendVerification(locals.ctx, locals.actor);
		} catch (e) {
			if (e instanceof AppError) return fail(e.status, { resendError: e.message });
			throw e;
		}
		return { resent: true };
	},
	password: async ({ locals, request }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		const f = formFields(await request.formData());
		return action(async () => {
			await changePassword(
				locals.ctx,
				locals.actor!,
				{ current: f.current, next: f.next },
				locals.sessionToken ? hashSecret(locals.sessionToken) : undefined
			);
			return { passwordChanged: true };
		});
	},
	token: async ({ locals, request }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		const f = formFields(await request.formData());
		const name = (f.name ?? '').trim();
		if (name.length < 2 || name.length > 100)
			return fail(400, {
				error: 'Nazwij token (2–100 znaków), np. „strona szkoły”.',
				fields: { tokenName: 'Nazwij token (2–100 znaków).' }
			});
		return { newToken: await createApiToken(locals.ctx, locals.actor.id, name) };
	},
	revoke: async ({ locals, request }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		const f = formFields(await request.formData());
		return action(async () => {
			await revokeApiToken(locals.ctx, locals.actor!, f.tokenId);
			return { revoked: true };
		});
	},
	dataExport: async ({ locals }) => {
		if (!locals.actor) redirect(303, '/logowanie');
		return action(async () => ({ exportRequested: await requestDataExport(locals.ctx, locals.actor) }), {
			form: 'dataExport'
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
