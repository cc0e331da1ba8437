import { getGroup } from '$lib/server/groups/groups';
import { AppError } from '$lib/server/core/errors';
import { actionLabels } from '$lib/server/audit/audit-log';
import { searchLog } from '$lib/server/moderation/log-view';
import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { group: chosen } = await parent();
	const group = await getGroup(locals.ctx.db, chosen.slug);
	const query = {
		q: url.searchParams.get('q') ?? '',
		action: url.searchParams.get('dzialanie') ?? '',
		from: url.searchParams.get('od') ?? '',
		to: url.searchParams.get('do') ?? '',
		before: url.searchParams.get('przed') ?? ''
	};
	const actions = Object.entries(actionLabels).map(([id, label]) => ({ id, label }));
	try {
		return { query, actions, ...(await searchLog(locals.ctx, locals.actor, group, query)), error: null };
	} catch (e) {
		if (e instanceof AppError && e.code === 'validation')
			return { query, actions, lines: [], next: null, error: e.message };
		if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
		throw e;
	}
};
