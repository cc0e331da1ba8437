import { page } from '$lib/server/web/http';
import { potential } from '$lib/server/stats/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => page(() => potential(locals.readCtx));
