import { requestPasswordReset } from '$lib/server/auth/accounts';
import { formAction } from '$lib/server/web/http';
import type { Actions } from './$types';

export const actions: Actions = {
	default: formAction(
		async (f, { locals }) => {
			await requestPasswordReset(locals.ctx, f.email, locals.clientIp);
			return { sent: true };
		},
		(f) => ({ email: f.email })
	)
};
