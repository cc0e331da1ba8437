import { countUnread } from '$lib/server/notify/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!actor) return { actor: null, unread: 0, moderates: false, demo: locals.rt.config.demo };
	const [unread, moderated] = await Promise.all([
		countUnread(locals.ctx.db, actor.id),
		locals.ctx.db.selectFrom('memberships').select('group_id').where('user_id', '=', actor.id).where('role', '=', 'moderator').where('status', '=', 'approved').limit(1).executeTakeFirst()
	]);
	return { actor, unread, moderates: actor.isOperator || !!moderated, demo: locals.rt.config.demo };
};
