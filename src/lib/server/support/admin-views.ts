import type { Actor, Ctx } from '../core/context';
import { assertOperator } from '../access/actor';
import { kindLabels, statusLabels } from './tickets';
import { formatPhone } from '../text/phone';

/** The on-call rota from now on (`/admin/dyzury`), each person with their number. */
export async function upcomingShifts(ctx: Pick<Ctx, 'db' | 'clock'>, actor: Actor | null) {
	assertOperator(actor, 'Dyżury ustala operator.');
	const rows = await ctx.db
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
		.where('s.ends_at', '>', ctx.clock.now())
		.orderBy('s.starts_at')
		.limit(100)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		startsAt: r.starts_at.toISOString(),
		endsAt: r.ends_at.toISOString(),
		primary: `${r.primary}, ${formatPhone(r.primary_phone)}`,
		backup: `${r.backup}, ${formatPhone(r.backup_phone)}`
	}));
}

/** The support line's tickets for the staff (`/admin/zgloszenia`): urgent first, then oldest; open ones unless `all`. */
export async function ticketsForStaff(ctx: Pick<Ctx, 'db'>, actor: Actor | null, all: boolean) {
	assertOperator(actor, 'Zgłoszenia obsługują administratorzy.');
	let q = ctx.db
		.selectFrom('tickets')
		.select(['id', 'kind', 'priority', 'status', 'requester_name', 'created_at', 'acknowledged_at', 'backup_paged_at'])
		.orderBy('priority', 'desc')
		.orderBy('created_at')
		.limit(200);
	if (!all) q = q.where('status', '!=', 'resolved');
	const rows = await q.execute();
	return rows.map((t) => ({
		id: t.id,
		kindLabel: kindLabels[t.kind],
		urgent: t.priority === 'urgent',
		statusLabel: statusLabels[t.status],
		requester: t.requester_name,
		createdAt: t.created_at.toISOString(),
		acknowledged: !!t.acknowledged_at,
		backupPaged: !!t.backup_paged_at
	}));
}
