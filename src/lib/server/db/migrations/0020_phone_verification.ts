import { sql, type Kysely } from 'kysely';

// Phone numbers confirmed for alert SMS: a member asks for a 6-digit code sent by SMS (kept only
// as a hash, valid 10 minutes, 5 tries) and types it back; the number is then verified for that
// group until it changes. Members who chose their alerts before being asked count as asked then.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE phone_verifications (
  group_id     bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  phone        text NOT NULL,
  code_hash    text,
  expires_at   timestamptz,
  attempts     smallint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  sent_at      timestamptz NOT NULL,
  verified_at  timestamptz,
  PRIMARY KEY (group_id, user_id),
  CHECK ((code_hash IS NULL) = (expires_at IS NULL))
);

UPDATE memberships m SET alerts_asked_at = s.updated_at
FROM alert_subscriptions s
WHERE s.group_id = m.group_id AND s.user_id = m.user_id AND m.alerts_asked_at IS NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE phone_verifications;`).execute(db);
}
