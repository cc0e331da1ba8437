import { listGroups } from '$lib/server/groups/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ groups: await listGroups(locals.ctx.db) });
