import { action, page, formAction, requireActor } from '$lib/server/web/http';
import { unitTypes } from '$lib/server/groups/unit-types';
import { AppError } from '$lib/server/core/errors';
import { removeImages, storeImage } from '$lib/server/media/images';
import { assertMayChangeLogo, setUnitLogo, getUnitForManager, updateUnit } from '$lib/server/units/units';
import { listUnitTokens } from '$lib/server/units/tokens';
import { unitActions } from '$lib/server/web/unit-actions';
import { setUnitPlace } from '$lib/server/places/unit-place';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return page(async () => {
		const unit = await getUnitForManager(locals.ctx, actor, params.id);
		const tokens = await listUnitTokens(locals.ctx, actor, params.id);
		return {
			unit,
			/** The signed-in person, whose own role and access someone else changes. */
			selfId: actor.id,
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

// The profile (for the unit's admin), staff and tokens: the same actions as the unit's workspace.
export const actions: Actions = {
	...unitActions,
	details: formAction(
		async (f, { locals, params }) => {
			await updateUnit(locals.ctx, locals.actor, params.id, f);
			return { saved: 'details' };
		},
		(f) => ({ form: 'details', ...f })
	),
	place: formAction(
		async (f, { locals, params }) => {
			const place = await setUnitPlace(locals.ctx, locals.actor, params.id, { placeId: f.placeId ?? '' });
			return { placeSaved: place?.id ?? '' };
		},
		(f) => ({ form: 'place', ...f })
	),
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
	}
};
