import { transparencyPage } from '$lib/server/moderation/transparency-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => transparencyPage(locals.readCtx, url.searchParams);
