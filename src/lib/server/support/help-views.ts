import type { Actor, Ctx } from '../core/context';
import { unauthenticated } from '../core/errors';
import { kindLabels, statusLabels } from './tickets';
import { onCallPhoneFor } from './on-call';

/** The help page (`/pomoc`): the person's last 50 tickets and, for the staff, the on-call number. */
export async function helpPage(ctx: Ctx, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	const [mine, onCallPhone] = await Promise.all([
		ctx.db
			.selectFrom('tickets')
			.select(['id', 'kind', 'priority', 'status', 'created_at'])
			.where('requester_id', '=', actor.id)
			.orderBy('id', 'desc')
			.limit(50)
			.execute(),
		onCallPhoneFor(ctx, actor)
	]);
	return {
		kinds: (['violation', 'technical', 'billing', 'other'] as const).map((id) => ({ id, label: kindLabels[id] })),
		onCallPhone,
		tickets: mine.map((t) => ({
			id: t.id,
			kindLabel: kindLabels[t.kind],
			urgent: t.priority === 'urgent',
			statusLabel: statusLabels[t.status],
			createdAt: t.created_at.toISOString()
		}))
	};
}
