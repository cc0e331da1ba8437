import { sql, type Kysely } from 'kysely';

// Abuse limits: one table of counters shared by every instance (rate limits on what costs money
// or reaches people), and the per-account backoff of failed log-ins.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE rate_limits (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_at);

-- Keyed by the address typed, whether or not it has an account, so the answers do not tell.
CREATE TABLE login_backoff (
  email            text PRIMARY KEY,
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  notified_at      timestamptz
);
CREATE INDEX login_backoff_last_failure_idx ON login_backoff (last_failure_at);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE rate_limits, login_backoff;`).execute(db);
}
