import { verifyEmail } from '$lib/server/auth/accounts';
import { AppError } from '$lib/server/core/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		await verifyEmail(locals.ctx, url.searchParams.get('token') ?? '');
		return { ok: true, message: 'Adres e-mail został potwierdzony. Możesz już dołączyć do grupy swojej gminy.' };
	} catch (e) {
		if (e instanceof AppError) return { ok: false, message: e.message };
		throw e;
	}
};
