import { renderedPage } from '$lib/server/site/pages';
import { page } from '$lib/server/web/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => page(() => renderedPage(locals.ctx, 'o-nas', null));
