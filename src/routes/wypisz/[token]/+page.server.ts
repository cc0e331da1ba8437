import { unsubscribeFromDigest, unsubscribeView } from '$lib/server/notify/unsubscribe';
import { page } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

// The weekly digest's unsubscribe link, without signing in: GET asks (a mail scanner following the
// link changes nothing), POST — the button, or a mail provider's RFC 8058 one-click POST — turns it off.
export const load: PageServerLoad = async ({ locals, params }) => ({
	view: await page(() => unsubscribeView(locals.ctx, params.token))
});

export const actions: Actions = {
	default: async ({ locals, params }) => ({
		unsubscribed: await page(() => unsubscribeFromDigest(locals.ctx, params.token))
	})
};
