import { fail, redirect } from '@sveltejs/kit';
import { changePassword, resendVerification } from '$lib/server/auth/accounts';
import { deleteAccount } from '$lib/server/privacy/delete-account';
import { hashSecret } from '$lib/server/auth/crypto';
import { createOwnApiToken, revokeApiToken } from '$lib/server/auth/sessions';
import { AppError } from '$lib/server/core/errors';
import { action, formFields, SESSION_COOKIE, page, requireActor } from '$lib/server/web/http';
import { requestDataExport } from '$lib/server/privacy/export';
import { accountPage } from '$lib/server/privacy/account-views';
import { getGroup } from '$lib/server/groups/groups';
import { setMemberPlaces } from '$lib/server/places/places';
import { setPushQuietHours } from '$lib/server/notify/member-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => accountPage(event.locals.ctx, actor));
};

export const actions: Actions = {
	resend: async (event) => {
		const actor = requireActor(event);
		try {
			await resendVerification(event.locals.ctx, actor);
		} catch (e) {
			if (e instanceof AppError) return fail(e.status, { resendError: e.message });
			throw e;
		}
		return { resent: true };
	},
	password: async (event) => {
		const actor = requireActor(event);
		const { locals, request } = event;
		const f = formFields(await request.formData());
		return action(async () => {
			await changePassword(
				locals.ctx,
				actor,
				{ current: f.current, next: f.next },
				locals.sessionToken ? hashSecret(locals.sessionToken) : undefined
			);
			return { passwordChanged: true };
		});
	},
	token: async (event) => {
		const actor = requireActor(event);
		const f = formFields(await event.request.formData());
		return action(async () => ({ newToken: await createOwnApiToken(event.locals.ctx, actor, f.name) }), f);
	},
	revoke: async (event) => {
		const actor = requireActor(event);
		const f = formFields(await event.request.formData());
		return action(async () => {
			await revokeApiToken(event.locals.ctx, actor, f.tokenId);
			return { revoked: true };
		});
	},
	places: async (event) => {
		const actor = requireActor(event);
		const form = await event.request.formData();
		const slug = String(form.get('group') ?? '');
		return action(
			async () => {
				const group = await getGroup(event.locals.ctx.db, slug);
				await setMemberPlaces(event.locals.ctx, actor, group, { places: form.getAll('places').map(String) });
				return { placesSaved: slug };
			},
			{ form: 'places', group: slug }
		);
	},
	quiet: async (event) => {
		const actor = requireActor(event);
		const f = formFields(await event.request.formData());
		return action(
			async () => ({
				quietSaved: await setPushQuietHours(event.locals.ctx, actor, {
					quiet: f.quiet === 'on',
					start: f.start,
					end: f.end
				})
			}),
			{ form: 'quiet' }
		);
	},
	dataExport: async (event) => {
		const actor = requireActor(event);
		return action(async () => ({ exportRequested: await requestDataExport(event.locals.ctx, actor) }), {
			form: 'dataExport'
		});
	},
	delete: async (event) => {
		const actor = requireActor(event);
		const f = formFields(await event.request.formData());
		const result = await action(() => deleteAccount(event.locals.ctx, actor, f.password));
		if (result) return result;
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/?konto=usuniete');
	}
};
