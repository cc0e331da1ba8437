import { error, redirect } from '@sveltejs/kit';
import { signContract } from '$lib/server/billing/contracts';
import { polishDate } from '$lib/dates';
import { action } from '$lib/server/web/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Umowy podpisuje operator.' });
	const rows = await locals.ctx.db.selectFrom('contracts').selectAll().orderBy('id', 'desc').limit(200).execute();
	return {
		contracts: rows.map((c) => ({
			id: c.id,
			number: c.number,
			status: c.status,
			customer: c.customer.legalName,
			group: c.customer.groupName,
			startsOn: polishDate(c.starts_on),
			plan: c.plan,
			months: c.commitment_months,
			gross: c.gross,
			signedAt: c.signed_at?.toISOString() ?? null
		}))
	};
};

export const actions: Actions = {
	sign: async ({ locals, request }) => {
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const file = form.get('scan');
		const scan =
			file && typeof file !== 'string' && file.size > 0
				? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
				: null;
		return action(
			async () => {
				const { contract, invoice } = await signContract(locals.ctx, locals.actor, id, scan, locals.rt.mediaDir);
				return {
					saved: `Umowa ${contract.number} podpisana — pakiet działa od ${polishDate(contract.starts_on)}.${invoice ? ` Wystawiono fakturę ${invoice.number}.` : ''}`
				};
			},
			{ form: `sign-${id}`, id }
		);
	}
};
