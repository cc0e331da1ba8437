import { page, formAction, requireActor } from '$lib/server/web/http';
import { fileReport } from '$lib/server/moderation/reports';
import { groundIds, grounds } from '$lib/server/moderation/terms';
import type { Actions, PageServerLoad } from './$types';
import { reportTarget } from '$lib/server/feed/report-target';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const actor = requireActor(event);
	const asked = { postId: url.searchParams.get('post'), commentId: url.searchParams.get('komentarz') };
	return {
		target: await page(() => reportTarget(locals.ctx, actor, asked)),
		grounds: groundIds.filter((g) => g !== 'off_topic').map((id) => ({ id, label: grounds[id].label })),
		reporter: { name: actor.displayName, email: actor.email }
	};
};

export const actions: Actions = {
	default: formAction(
		async (f, { locals, url }) => {
			const target = url.searchParams.get('komentarz')
				? { commentId: url.searchParams.get('komentarz') }
				: { postId: url.searchParams.get('post') };
			const r = await fileReport(locals.ctx, locals.actor, {
				...target,
				ground: f.ground,
				explanation: f.explanation,
				name: f.name,
				email: f.email,
				goodFaith: f.goodFaith ?? false
			});
			return { reported: r };
		},
		(f) => ({ ground: f.ground, explanation: f.explanation, name: f.name, email: f.email })
	)
};
