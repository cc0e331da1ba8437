import { formAction, page, requireActor } from '$lib/server/web/http';
import { addShift } from '$lib/server/support/on-call';
import { upcomingShifts } from '$lib/server/support/admin-views';
import { parseWarsawLocal } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { shifts: await page(() => upcomingShifts(event.locals.ctx, actor)) };
};

export const actions: Actions = {
	default: formAction(
		async (f, { locals }) => {
			await addShift(locals.ctx, locals.actor, {
				...f,
				startsAt: parseWarsawLocal(f.startsAt ?? '') ?? undefined,
				endsAt: parseWarsawLocal(f.endsAt ?? '') ?? undefined
			});
			return { added: true };
		},
		(f) => f
	)
};
