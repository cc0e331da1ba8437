import { sql, type Kysely } from 'kysely';

// Urgent alerts: members' opt-in per group (kinds and channels), the alert on the post, and
// whether the municipality pays for SMS.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE alert_subscriptions (
  group_id    bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  kinds       text[] NOT NULL,
  by_email    boolean NOT NULL DEFAULT false,
  by_push     boolean NOT NULL DEFAULT false,
  by_sms      boolean NOT NULL DEFAULT false,
  phone       text,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (group_id, user_id),
  CHECK (NOT by_sms OR phone IS NOT NULL)
);

ALTER TABLE posts
  ADD COLUMN alert_kind      text,
  ADD COLUMN alert_sent      jsonb,
  ADD COLUMN all_clear_at    timestamptz,
  ADD COLUMN all_clear_text  text;

ALTER TABLE customers ADD COLUMN sms_enabled boolean NOT NULL DEFAULT false;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE alert_subscriptions;
ALTER TABLE posts DROP COLUMN alert_kind, DROP COLUMN alert_sent, DROP COLUMN all_clear_at, DROP COLUMN all_clear_text;
ALTER TABLE customers DROP COLUMN sms_enabled;
`).execute(db);
}
