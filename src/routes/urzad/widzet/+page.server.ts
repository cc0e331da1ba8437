import { embedSnippet } from '$lib/server/feed/embed';
import { page, requireActor } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** The coordinator's widget for the municipality's website: the <iframe> code and a preview. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => embedSnippet(event.locals.ctx, actor, event.url.searchParams.get('grupa')));
};
