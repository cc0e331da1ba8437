import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import { enqueueEmails } from '../notify/outbox';
import { unreadMessagesEmail } from './messages';

/** A message waits unread this long before an e-mail tells of it; and e-mails to one person come no more often. */
export const MESSAGE_EMAIL_DELAY_MS = 15 * 60_000;

/**
 * One e-mail per person with messages left unread for a quarter of an hour that no e-mail told of
 * yet: who wrote and how many, never the text. Run every few minutes; returns the e-mails queued.
 */
export async function emailUnreadMessages(ctx: Ctx): Promise<number> {
	return ctx.db.transaction().execute(async (tx) => {
		const now = ctx.clock.now();
		const due = new Date(now.getTime() - MESSAGE_EMAIL_DELAY_MS);
		const rows = await tx
			.selectFrom('conversation_members as cm')
			.innerJoin('users as u', 'u.id', 'cm.user_id')
			.innerJoin('conversations as c', 'c.id', 'cm.conversation_id')
			.innerJoin('users as o', (j) =>
				j.on(sql<boolean>`o.id = case when c.user_low = cm.user_id then c.user_high else c.user_low end`)
			)
			.select(['cm.user_id', 'cm.conversation_id', 'u.email', 'o.display_name', 'c.last_message_id'])
			.select((eb) =>
				eb
					.selectFrom('private_messages as m')
					.select(sql<string>`count(*)`.as('n'))
					.whereRef('m.conversation_id', '=', 'cm.conversation_id')
					.whereRef('m.sender_id', '!=', 'cm.user_id')
					.where('m.removed_at', 'is', null)
					.whereRef('m.id', '>', 'cm.last_read_id')
					.as('unread')
			)
			.where('u.deleted_at', 'is', null)
			.where('u.email_verified_at', 'is not', null)
			.where('u.message_emails', '=', true)
			.where((eb) => eb.or([eb('cm.emailed_at', 'is', null), eb('cm.emailed_at', '<=', due)]))
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('private_messages as m')
						.select('m.id')
						.whereRef('m.conversation_id', '=', 'cm.conversation_id')
						.whereRef('m.sender_id', '!=', 'cm.user_id')
						.where('m.removed_at', 'is', null)
						.where('m.created_at', '<=', due)
						.whereRef('m.id', '>', 'cm.last_read_id')
						.whereRef('m.id', '>', 'cm.emailed_id')
				)
			)
			.orderBy('cm.user_id')
			.orderBy('c.last_message_at', 'desc')
			.forUpdate('cm')
			.skipLocked()
			.execute();
		const people = new Map<string, { email: string; conversations: { name: string; count: number }[] }>();
		for (const r of rows) {
			const person = people.get(r.user_id) ?? { email: r.email, conversations: [] };
			person.conversations.push({ name: r.display_name, count: Number(r.unread) });
			people.set(r.user_id, person);
		}
		await enqueueEmails(
			tx,
			ctx.clock,
			[...people.values()].map((p) => ({
				to: p.email,
				...unreadMessagesEmail({
					conversations: p.conversations,
					inboxUrl: `${ctx.baseUrl}/wiadomosci`,
					settingsUrl: `${ctx.baseUrl}/wiadomosci#ustawienia`
				})
			}))
		);
		for (const r of rows)
			await tx
				.updateTable('conversation_members')
				.set({ emailed_at: now, emailed_id: r.last_message_id ?? '0' })
				.where('conversation_id', '=', r.conversation_id)
				.where('user_id', '=', r.user_id)
				.execute();
		return people.size;
	});
}
