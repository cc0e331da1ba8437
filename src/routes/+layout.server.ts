import { countUnread } from '$lib/server/notify/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!actor) return { actor: null, unread: 0, moderates: false, officeHref: null, demo: locals.rt.config.demo };
	const { db } = locals.ctx;
	const [unread, moderated, coordinator, unitAdmin] = await Promise.all([
		countUnread(db, actor.id),
		db
			.selectFrom('memberships')
			.select('group_id')
			.where('user_id', '=', actor.id)
			.where('role', '=', 'moderator')
			.where('status', '=', 'approved')
			.limit(1)
			.executeTakeFirst(),
		db.selectFrom('coordinators').select('user_id').where('user_id', '=', actor.id).limit(1).executeTakeFirst(),
		db
			.selectFrom('unit_members')
			.select('unit_id')
			.where('user_id', '=', actor.id)
			.where('role', '=', 'unitAdmin')
			.limit(1)
			.executeTakeFirst()
	]);
	// The office's panel: coordinators (and the operator) see the municipality, a unit's admin the unit.
	const officeHref =
		coordinator || actor.isOperator ? '/urzad' : unitAdmin ? `/urzad/jednostki/${unitAdmin.unit_id}` : null;
	return { actor, unread, moderates: actor.isOperator || !!moderated, officeHref, demo: locals.rt.config.demo };
};
