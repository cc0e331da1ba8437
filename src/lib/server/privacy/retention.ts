import type { Ctx } from '../core/context';
import { DELETED_NAME } from './personal-data';

const DAY = 24 * 3600_000;

/** How long personal data is kept where nobody deletes it by hand (docs/operations.md, "Retention"). */
export const retention = {
	/** Delivered or given-up e-mails, SMS and pushes: their text and address. */
	outboxDays: 90,
	/** Notifications in the app. */
	notificationDays: 365,
	/** Support tickets, after they were resolved: the requester's name, e-mail and phone. */
	resolvedTicketDays: 730
} as const;

/** Applies the retention rules (hourly job); returns what it removed or blanked. */
export async function applyRetention(ctx: Ctx): Promise<{ outbox: number; notifications: number; tickets: number }> {
	const now = ctx.clock.now().getTime();
	return ctx.db.transaction().execute(async (tx) => {
		const outbox = await tx
			.deleteFrom('outbox')
			.where('status', 'in', ['sent', 'dead'])
			.where('created_at', '<', new Date(now - retention.outboxDays * DAY))
			.executeTakeFirst();
		const notifications = await tx
			.deleteFrom('notifications')
			.where('created_at', '<', new Date(now - retention.notificationDays * DAY))
			.executeTakeFirst();
		const old = tx
			.selectFrom('tickets')
			.select('id')
			.where('resolved_at', '<', new Date(now - retention.resolvedTicketDays * DAY))
			.where('requester_name', '!=', DELETED_NAME);
		await tx
			.updateTable('ticket_messages')
			.set({ author_name: DELETED_NAME })
			.where('from_staff', '=', false)
			.where('ticket_id', 'in', old)
			.execute();
		const tickets = await tx
			.updateTable('tickets')
			.set({ requester_name: DELETED_NAME, requester_email: '', requester_phone: null })
			.where('resolved_at', '<', new Date(now - retention.resolvedTicketDays * DAY))
			.where('requester_name', '!=', DELETED_NAME)
			.executeTakeFirst();
		return {
			outbox: Number(outbox.numDeletedRows),
			notifications: Number(notifications.numDeletedRows),
			tickets: Number(tickets.numUpdatedRows)
		};
	});
}
