import { getGroup } from '$lib/server/groups/groups';
import { placesEditor } from '$lib/server/places/places-views';
import { addPlace, changePlace, importPlaces, mergePlaces, previewMerge } from '$lib/server/places/places';
import { decodeTextFile } from '$lib/server/text/csv';
import { action, formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** The coordinator's list of the group's sołectwa, osiedla and localities. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => placesEditor(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};

/** An area chosen in a select: empty means none. */
const areaOf = (v: string | undefined) => v || null;

export const actions: Actions = {
	add: formAction(
		async (f, { locals }) => {
			const group = await getGroup(locals.ctx.db, f.group);
			const place = await addPlace(locals.ctx, locals.actor, group, { ...f, areaId: areaOf(f.areaId) });
			return { added: place };
		},
		(f) => ({ form: 'add', ...f })
	),
	change: formAction(
		async (f, { locals }) => {
			const group = await getGroup(locals.ctx.db, f.group);
			await changePlace(locals.ctx, locals.actor, group, f.placeId, { name: f.name, areaId: areaOf(f.areaId) });
			return { changed: f.placeId };
		},
		(f) => ({ form: 'change', ...f })
	),
	mergePreview: formAction(
		async (f, { locals }) => {
			const group = await getGroup(locals.ctx.db, f.group);
			return { mergePreview: await previewMerge(locals.ctx, locals.actor, group, f.placeId, { intoId: f.intoId }) };
		},
		(f) => ({ form: 'merge', ...f })
	),
	merge: formAction(
		async (f, { locals }) => {
			const group = await getGroup(locals.ctx.db, f.group);
			return { merged: await mergePlaces(locals.ctx, locals.actor, group, f.placeId, { intoId: f.intoId }) };
		},
		(f) => ({ form: 'merge', ...f })
	),
	import: async ({ locals, request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const typed = String(form.get('csv') ?? '');
		// A chosen file wins over the text box; either way the text comes back to the form on an error.
		const csv =
			file instanceof File && file.size > 0 ? decodeTextFile(new Uint8Array(await file.arrayBuffer())) : typed;
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, String(form.get('group') ?? ''));
				return { imported: await importPlaces(locals.ctx, locals.actor, group, csv) };
			},
			{ form: 'import', csv }
		);
	}
};
