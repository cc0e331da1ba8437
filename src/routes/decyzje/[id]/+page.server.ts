import { redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/web/http';
import { decideAppeal, fileAppeal, getStatement } from '$lib/server/moderation/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	return { statement: await page(() => getStatement(locals.ctx, locals.actor, params.id)) };
};

export const actions: Actions = {
	appeal: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await fileAppeal(locals.ctx, locals.actor, params.id, { body: f.body });
				return { appealed: true };
			},
			{ body: f.body }
		);
	},
	decide: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await decideAppeal(locals.ctx, locals.actor, f.appealId, f.outcome === 'reverse', f.reason);
				return { decided: f.outcome };
			},
			{ reason: f.reason }
		);
	}
};
