import { groupCalendar } from '$lib/server/events/events';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => ({
		calendar: await groupCalendar(locals.readCtx, locals.actor, params.slug, {
			month: url.searchParams.get('miesiac'),
			list: url.searchParams.get('widok') === 'lista',
			unit: url.searchParams.get('jednostka') || null,
			place: url.searchParams.get('miejsce') || null
		})
	}));
