import { requireActor } from '$lib/server/web/http';
import { describeNotification, listNotifications, markAllRead } from '$lib/server/notify/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor({ locals, url });
	const items = await listNotifications(locals.ctx, actor);
	return {
		items: items.map((n) => ({
			id: n.id,
			text: describeNotification(n),
			href: n.link
				? n.link
				: n.post_id && n.group_slug
					? `/g/${n.group_slug}/p/${n.post_id}${n.comment_id ? `#k${n.comment_id}` : ''}`
					: n.group_slug
						? `/g/${n.group_slug}`
						: null,
			unread: !n.read_at,
			createdAt: n.created_at.toISOString()
		}))
	};
};

export const actions: Actions = {
	read: async ({ locals }) => {
		if (locals.actor) await markAllRead(locals.ctx, locals.actor);
	}
};
