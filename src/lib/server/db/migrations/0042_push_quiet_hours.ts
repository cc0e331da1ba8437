import { sql, type Kysely } from 'kysely';

// Issue 19: web push that respects the night and the day. Each person's quiet hours (Warsaw time,
// 22:00–7:00 unless they change them; both null: none) hold pushes until they end; past the daily
// cap a push is skipped ('skipped'). Urgent alerts are exempt from both.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE users ADD COLUMN quiet_hours_start smallint DEFAULT 22 CHECK (quiet_hours_start BETWEEN 0 AND 23);
ALTER TABLE users ADD COLUMN quiet_hours_end smallint DEFAULT 7 CHECK (quiet_hours_end BETWEEN 0 AND 23);
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead', 'skipped'));
CREATE INDEX outbox_push_sent_idx ON outbox (recipient, sent_at) WHERE channel = 'push' AND status = 'sent' AND alert_post_id IS NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP INDEX outbox_push_sent_idx;
UPDATE outbox SET status = 'dead' WHERE status = 'skipped';
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead'));
ALTER TABLE users DROP COLUMN quiet_hours_end;
ALTER TABLE users DROP COLUMN quiet_hours_start;
`).execute(db);
}
