import { decideImgwWarning, imgwPanel, setImgwSettings } from '$lib/server/alerts/imgw-import';
import { formAction, page, requireActor } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

/** The coordinator's IMGW-PIB warnings: what to do with them, those waiting, the latest ones. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => imgwPanel(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};

export const actions: Actions = {
	settings: formAction(
		async (f, { locals }) => {
			await setImgwSettings(locals.ctx, locals.actor, f.group, { mode: f.mode, minLevel: f.minLevel });
			return { saved: true };
		},
		(f) => ({ form: 'settings', mode: f.mode, minLevel: f.minLevel })
	),
	decide: formAction(
		async (f, { locals }) => {
			const publish = f.decision === 'publish';
			const { postId } = await decideImgwWarning(locals.ctx, locals.actor, f.group, f.warningId, publish);
			return { decided: publish ? 'published' : 'dismissed', postId };
		},
		(f) => ({ form: 'decide', warningId: f.warningId })
	)
};
