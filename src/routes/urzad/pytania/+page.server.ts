import { officeQuestions } from '$lib/server/questions/questions';
import { page, requireActor } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

/** The coordinator's list of residents' questions still waiting for an answer in the municipality. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return page(() => officeQuestions(event.locals.ctx, actor, event.url.searchParams.get('gmina')));
};
