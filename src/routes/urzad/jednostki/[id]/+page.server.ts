import { redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/web/http';
import { unitTypes } from '$lib/server/groups/unit-types';
import { AppError } from '$lib/server/core/errors';
import { removeImages, storeImage } from '$lib/server/media/images';
import { assertMayChangeLogo, setUnitLogo, getUnitForManager, updateUnit } from '$lib/server/units/units';
import { createUnitToken, listUnitTokens, revokeUnitToken } from '$lib/server/units/tokens';
import { inviteStaff, removeStaff, revokeInvitation } from '$lib/server/units/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	return page(async () => {
		const unit = await getUnitForManager(locals.ctx, locals.actor, params.id);
		const tokens = await listUnitTokens(locals.ctx, locals.actor, params.id);
		return {
			unit,
			tokens: tokens.map((t) => ({
				id: t.id,
				name: t.name,
				createdAt: t.created_at.toISOString(),
				lastUsedAt: t.last_used_at?.toISOString() ?? null
			})),
			unitTypes: Object.entries(unitTypes).map(([id, label]) => ({ id, label }))
		};
	});
};

export const actions: Actions = {
	details: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await updateUnit(locals.ctx, locals.actor, params.id, f);
				return { saved: 'details' };
			},
			{ form: 'details', ...f }
		);
	},
	invite: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await inviteStaff(locals.ctx, locals.actor, params.id, { email: f.email, role: f.role });
				return { invited: f.email };
			},
			{ form: 'invite', ...f }
		);
	},
	remove: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await removeStaff(locals.ctx, locals.actor, params.id, f.userId);
				return { removed: f.name };
			},
			{ form: 'staff' }
		);
	},
	revokeInvitation: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await revokeInvitation(locals.ctx, locals.actor, params.id, f.invitationId);
				return { saved: 'invitation' };
			},
			{ form: 'staff' }
		);
	},
	logo: async ({ locals, params, request }) => {
		// Who may change the logo is settled before the body is read: images cost CPU to decode.
		const refused = await action(() => assertMayChangeLogo(locals.ctx, locals.actor, params.id), { form: 'logo' });
		if (refused) return refused;
		const form = await request.formData();
		const file = form.get('logo');
		return action(
			async () => {
				if (!(file instanceof File) || file.size === 0)
					throw new AppError('validation', 'Wybierz plik z logo (JPEG, PNG albo WebP).', { logo: 'Wybierz plik.' });
				const stored = await storeImage(locals.rt.mediaDir, new Uint8Array(await file.arrayBuffer()), 'Logo', 256);
				try {
					const previous = await setUnitLogo(locals.ctx, locals.actor, params.id, stored.fileName);
					if (previous) await removeImages(locals.rt.mediaDir, [previous]);
				} catch (e) {
					await removeImages(locals.rt.mediaDir, [stored.fileName]);
					throw e;
				}
				return { saved: 'logo' };
			},
			{ form: 'logo' }
		);
	},
	token: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => ({ token: await createUnitToken(locals.ctx, locals.actor, params.id, f.tokenName ?? '') }),
			{ form: 'token' }
		);
	},
	revokeToken: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await revokeUnitToken(locals.ctx, locals.actor, params.id, f.tokenId);
				return { saved: 'token' };
			},
			{ form: 'token' }
		);
	}
};
