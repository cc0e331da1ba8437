import { getGroup } from '$lib/server/groups/groups';
import { action, formFields, page } from '$lib/server/web/http';
import { liftSanction, listSanctions } from '$lib/server/moderation/sanctions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { group: chosen } = await parent();
	const group = await getGroup(locals.ctx.db, chosen.slug);
	return { sanctions: await page(() => listSanctions(locals.ctx, locals.actor, group)) };
};

export const actions: Actions = {
	lift: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await liftSanction(locals.ctx, locals.actor, await getGroup(locals.ctx.db, f.group), f.id);
			return { lifted: true };
		});
	}
};
