import type { Db } from '../db/database';
import type { Clock } from '../core/clock';

export interface Email {
	to: string;
	subject: string;
	text: string;
}

/** An e-mail with what some kinds add: an HTML part, an unsubscribe link, extra headers. */
export interface OutgoingEmail extends Email {
	/** The HTML part; without it delivery renders the text as simple HTML. */
	html?: string;
	/** Where the recipient stops this kind of e-mail (List-Unsubscribe when `headers` has none). */
	unsubscribeUrl?: string;
	/** Extra headers, e.g. RFC 8058 `List-Unsubscribe` and `List-Unsubscribe-Post`. */
	headers?: Record<string, string>;
	/** Files to attach (kept in the outbox row with the message). */
	attachments?: { filename: string; contentType: string; content: Buffer }[];
}

const emailRow = (clock: Clock, email: OutgoingEmail) => ({
	channel: 'email' as const,
	recipient: email.to,
	subject: email.subject,
	body_text: email.text,
	body_html: email.html ?? null,
	unsubscribe_url: email.unsubscribeUrl ?? null,
	headers: email.headers ? JSON.stringify(email.headers) : null,
	attachments: email.attachments
		? JSON.stringify(
				email.attachments.map((a) => ({
					filename: a.filename,
					contentType: a.contentType,
					contentBase64: a.content.toString('base64')
				}))
			)
		: null,
	created_at: clock.now(),
	sent_at: null,
	last_error: null
});

/** Writes an e-mail to the outbox in the caller's transaction; delivery jobs send it later. */
export async function enqueueEmail(db: Db, clock: Clock, email: OutgoingEmail): Promise<void> {
	await db.insertInto('outbox').values(emailRow(clock, email)).execute();
}

/** Writes many e-mails in one statement (a batch of a digest), in the caller's transaction. */
export async function enqueueEmails(db: Db, clock: Clock, emails: OutgoingEmail[]): Promise<void> {
	if (emails.length)
		await db
			.insertInto('outbox')
			.values(emails.map((e) => emailRow(clock, e)))
			.execute();
}

export async function listOutbox(
	db: Db,
	opts: { limit?: number; recipient?: string; status?: 'pending' | 'sent' | 'failed' | 'dead' | 'skipped' } = {}
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
