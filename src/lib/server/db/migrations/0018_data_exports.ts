import { sql, type Kysely } from 'kysely';

// Residents' data exports (GDPR Art. 15 and 20): a request, prepared by a job into a ZIP under
// DATA_DIR/exports, downloaded through an e-mailed link whose token is stored only as a hash.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE data_exports (
  id            bigserial PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready', 'expired', 'failed')),
  requested_at  timestamptz NOT NULL,
  claimed_at    timestamptz,
  attempts      smallint NOT NULL DEFAULT 0,
  ready_at      timestamptz,
  expires_at    timestamptz,
  file_name     text UNIQUE,
  size          integer,
  token_hash    text UNIQUE,
  downloaded_at timestamptz,
  CHECK (state <> 'ready' OR (file_name IS NOT NULL AND token_hash IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX data_exports_one_pending_idx ON data_exports (user_id) WHERE state = 'pending';
CREATE INDEX data_exports_user_idx ON data_exports (user_id, requested_at DESC);
CREATE INDEX data_exports_pending_idx ON data_exports (requested_at) WHERE state = 'pending';
CREATE INDEX data_exports_expiry_idx ON data_exports (expires_at) WHERE state = 'ready';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE data_exports;`).execute(db);
}
