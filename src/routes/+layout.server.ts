import { navigationFor } from '$lib/server/site/navigation';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	actor: locals.actor,
	...(await navigationFor(locals.ctx, locals.actor)),
	demo: locals.rt.config.demo
});
