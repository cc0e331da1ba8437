import { sql, type Kysely } from 'kysely';

// Delivering the outbox: retries with back-off, the provider's id, and a "sending" state held
// only inside the delivering transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead'));
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz, ADD COLUMN provider_id text, ADD COLUMN body_html text, ADD COLUMN unsubscribe_url text;
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_due_idx ON outbox (channel, coalesce(next_attempt_at, created_at)) WHERE status IN ('pending', 'failed');
CREATE INDEX outbox_recipient_idx ON outbox (recipient, id DESC);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP INDEX outbox_due_idx;
DROP INDEX outbox_recipient_idx;
CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE status = 'pending';
ALTER TABLE outbox DROP COLUMN next_attempt_at, DROP COLUMN provider_id, DROP COLUMN body_html, DROP COLUMN unsubscribe_url;
`).execute(db);
}
