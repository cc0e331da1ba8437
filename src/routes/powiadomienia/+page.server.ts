import { requireActor } from '$lib/server/web/http';
import { groupedNotifications, markAllRead } from '$lib/server/notify/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor({ locals, url });
	const items = await groupedNotifications(locals.ctx, actor);
	return {
		items: items.map((n) => ({
			id: n.id,
			text: n.text,
			href: n.link
				? n.link
				: n.postId && n.groupSlug
					? `/g/${n.groupSlug}/p/${n.postId}${n.commentId ? `#k${n.commentId}` : ''}`
					: n.groupSlug
						? `/g/${n.groupSlug}`
						: null,
			unread: n.unread,
			createdAt: n.createdAt
		}))
	};
};

export const actions: Actions = {
	read: async ({ locals }) => {
		if (locals.actor) await markAllRead(locals.ctx, locals.actor);
	}
};
