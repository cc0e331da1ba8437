import { error, redirect } from '@sveltejs/kit';
import { action, formFields, page } from '$lib/server/web/http';
import { blocks, getSitePage, placeholders, resetSitePage, saveSitePage } from '$lib/server/site/pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) =>
	page(async () => {
		if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
		if (!locals.actor.isOperator) error(403, { message: 'Strony serwisu zmienia operator.' });
		const p = await getSitePage(locals.ctx.db, params.slug);
		return {
			page: { slug: p.slug, title: p.title, body: p.body, updatedAt: p.updatedAt?.toISOString() ?? null },
			placeholders,
			blocks
		};
	});

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await saveSitePage(locals.ctx, locals.actor, params.slug, f);
			return { saved: 'Zapisano stronę. Zmiana jest już widoczna.' };
		}, f);
	},
	reset: async ({ locals, params }) =>
		action(async () => {
			await resetSitePage(locals.ctx, locals.actor, params.slug);
			return { saved: 'Przywrócono tekst początkowy.' };
		})
};
