import { action, formFields } from '$lib/server/web/http';
import { createTicket } from '$lib/server/support/tickets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	signedIn: locals.actor ? { name: locals.actor.displayName, email: locals.actor.email } : null
});

const forms = ['advertising', 'cooperation', 'contact'] as const;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		const kind = forms.find((k) => k === f.kind) ?? 'contact';
		return action(
			async () => {
				const t = await createTicket(
					locals.ctx,
					locals.actor,
					{ kind, body: f.body, name: f.name, email: f.email, phone: f.phone },
					{ ip: locals.clientIp }
				);
				return { sent: { form: kind, id: t.id } };
			},
			{ ...f, form: kind }
		);
	}
};
