import { requestPasswordReset } from '$lib/server/auth/accounts';
import { action, formFields } from '$lib/server/web/http';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await requestPasswordReset(locals.ctx, f.email, locals.clientIp);
				return { sent: true };
			},
			{ email: f.email }
		);
	}
};
