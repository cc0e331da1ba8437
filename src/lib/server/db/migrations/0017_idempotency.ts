import { sql, type Kysely } from 'kysely';

// Idempotency-Key on API writes: the first answer to a key is kept for 24 hours and replayed to a
// client that retries, so a retry never posts twice.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE idempotency_keys (
  user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  key          text NOT NULL,
  fingerprint  text NOT NULL,
  status       smallint,
  content_type text,
  body         text,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
`).execute(db);
}
