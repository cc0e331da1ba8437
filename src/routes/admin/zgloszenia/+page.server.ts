import { error, redirect } from '@sveltejs/kit';
import { kindLabels, statusLabels } from '$lib/server/support/tickets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	if (!locals.actor.isOperator) error(403, { message: 'Zgłoszenia obsługują administratorzy.' });
	const all = url.searchParams.get('wszystkie') === '1';
	let q = locals.ctx.db
		.selectFrom('tickets')
		.select(['id', 'kind', 'priority', 'status', 'requester_name', 'created_at', 'acknowledged_at', 'backup_paged_at'])
		.orderBy('priority', 'desc')
		.orderBy('created_at')
		.limit(200);
	if (!all) q = q.where('status', '!=', 'resolved');
	const rows = await q.execute();
	return {
		all,
		tickets: rows.map((t) => ({
			id: t.id,
			kindLabel: kindLabels[t.kind],
			urgent: t.priority === 'urgent',
			statusLabel: statusLabels[t.status],
			requester: t.requester_name,
			createdAt: t.created_at.toISOString(),
			acknowledged: !!t.acknowledged_at,
			backupPaged: !!t.backup_paged_at
		}))
	};
};
