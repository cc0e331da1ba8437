import { verifyEmail } from '$lib/server/auth/accounts';
import { AppError } from '$lib/server/core/errors';
import type { PageServerLoad } from './$types';

/** Confirms the address and leads to the group they were joining (else the list of groups). */
export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		const { groupSlug } = await verifyEmail(locals.ctx, url.searchParams.get('token') ?? '');
		return {
			ok: true,
			message: groupSlug
				? 'Adres e-mail został potwierdzony. Możesz już dołączyć do grupy.'
				: 'Adres e-mail został potwierdzony. Możesz już dołączyć do grupy swojej gminy.',
			next: groupSlug ? { href: `/g/${groupSlug}`, label: 'Przejdź do grupy' } : { href: '/', label: 'Znajdź grupę' }
		};
	} catch (e) {
		if (e instanceof AppError) return { ok: false, message: e.message, next: { href: '/konto', label: 'Moje konto' } };
		throw e;
	}
};
