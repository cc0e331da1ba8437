import { page, formAction, requireActor } from '$lib/server/web/http';
import { decideAppeal, fileAppeal, getStatement } from '$lib/server/moderation/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor({ locals, url });
	return { statement: await page(() => getStatement(locals.ctx, actor, params.id)) };
};

export const actions: Actions = {
	appeal: formAction(
		async (f, { locals, params }) => {
			await fileAppeal(locals.ctx, locals.actor, params.id, { body: f.body });
			return { appealed: true };
		},
		(f) => ({ body: f.body })
	),
	decide: formAction(
		async (f, { locals }) => {
			await decideAppeal(locals.ctx, locals.actor, f.appealId, f.outcome === 'reverse', f.reason);
			return { decided: f.outcome };
		},
		(f) => ({ reason: f.reason })
	)
};
