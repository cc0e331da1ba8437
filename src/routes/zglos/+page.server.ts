import { page, formAction } from '$lib/server/web/http';
import { fileReport } from '$lib/server/moderation/reports';
import { groundIds, grounds } from '$lib/server/moderation/terms';
import type { Actions, PageServerLoad } from './$types';
import { reportTarget } from '$lib/server/feed/report-target';

// Anyone who can read the content may report it; without an account with a name and an e-mail (DSA Art. 16).
// `przez`: the group it was read in, when that is a group the post was cross-posted into.
export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = {
		postId: url.searchParams.get('post'),
		commentId: url.searchParams.get('komentarz'),
		via: url.searchParams.get('przez')
	};
	return {
		target: await page(() => reportTarget(locals.ctx, locals.actor, asked)),
		grounds: groundIds.filter((g) => g !== 'off_topic').map((id) => ({ id, label: grounds[id].label })),
		reporter: locals.actor ? { name: locals.actor.displayName, email: locals.actor.email } : null
	};
};

export const actions: Actions = {
	default: formAction(
		async (f, { locals, url }) => {
			const target = url.searchParams.get('komentarz')
				? { commentId: url.searchParams.get('komentarz') }
				: { postId: url.searchParams.get('post') };
			const r = await fileReport(
				locals.ctx,
				locals.actor,
				{
					...target,
					ground: f.ground,
					explanation: f.explanation,
					name: f.name,
					email: f.email,
					goodFaith: f.goodFaith ?? false
				},
				{ ip: locals.clientIp, via: url.searchParams.get('przez') }
			);
			return { reported: r };
		},
		(f) => ({ ground: f.ground, explanation: f.explanation, name: f.name, email: f.email })
	)
};
