import type { Db } from '../db/database';
import type { Clock } from '../core/clock';

export interface Email {
	to: string;
	subject: string;
	text: string;
}

/** Writes an e-mail to the outbox in the caller's transaction; delivery jobs send it later. */
export async function enqueueEmail(db: Db, clock: Clock, email: Email): Promise<void> {
	await db
		.insertInto('outbox')
		.values({
			channel: 'email',
			recipient: email.to,
			subject: email.subject,
			body_text: email.text,
			created_at: clock.now(),
			sent_at: null,
			last_error: null
		})
		.execute();
}

export async function listOutbox(
	db: Db,
	opts: { limit?: number; recipient?: string; status?: 'pending' | 'sent' | 'failed' | 'dead' } = {}
) {
	let q = db
		.selectFrom('outbox')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(opts.limit ?? 100);
	if (opts.recipient) q = q.where('recipient', '=', opts.recipient);
	if (opts.status) q = q.where('status', '=', opts.status);
	return q.execute();
}

/** Writes an SMS (E.164 number) to the outbox in the caller's transaction. */
export async function enqueueSms(db: Db, clock: Clock, sms: { to: string; text: string }): Promise<void> {
	await db
		.insertInto('outbox')
		.values({
			channel: 'sms',
			recipient: sms.to,
			subject: '',
			body_text: sms.text,
			created_at: clock.now(),
			sent_at: null,
			last_error: null
		})
		.execute();
}
