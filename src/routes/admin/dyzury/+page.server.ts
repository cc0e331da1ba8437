import { error, redirect } from '@sveltejs/kit';
import { action, formFields } from '$lib/server/web/http';
import { addShift } from '$lib/server/support/on-call';
import { formatPhone } from '$lib/server/text/phone';
import { parseWarsawLocal } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Dyżury ustala operator.' });
	const rows = await locals.ctx.db
		.selectFrom('oncall_shifts as s')
		.innerJoin('users as p', 'p.id', 's.primary_id')
		.innerJoin('users as b', 'b.id', 's.backup_id')
		.select([
			's.id',
			's.starts_at',
			's.ends_at',
			'p.display_name as primary',
			's.primary_phone',
			'b.display_name as backup',
			's.backup_phone'
		])
		.where('s.ends_at', '>', locals.ctx.clock.now())
		.orderBy('s.starts_at')
		.limit(100)
		.execute();
	return {
		shifts: rows.map((r) => ({
			id: r.id,
			startsAt: r.starts_at.toISOString(),
			endsAt: r.ends_at.toISOString(),
			primary: `${r.primary}, ${formatPhone(r.primary_phone)}`,
			backup: `${r.backup}, ${formatPhone(r.backup_phone)}`
		}))
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await addShift(locals.ctx, locals.actor, {
				...f,
				startsAt: parseWarsawLocal(f.startsAt ?? '') ?? undefined,
				endsAt: parseWarsawLocal(f.endsAt ?? '') ?? undefined
			});
			return { added: true };
		}, f);
	}
};
