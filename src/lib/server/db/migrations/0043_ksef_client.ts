import { sql, type Kysely } from 'kysely';

// Issue 20: invoices sent to KSeF 2.0 by the system. Each invoice's way there is a state machine:
// to_send → sending (session, the exact XML and its hash kept before it leaves) → accepted (KSeF
// number, UPO) | rejected (KSeF's code and text) | to_resend (a technical failure; sent again with
// back-off). 'sent' stays for invoices sent by hand in the KSeF application, waiting for their
// number. The seller's KSeF token is kept encrypted (AES-256-GCM, key from the environment).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE invoices DROP CONSTRAINT invoices_ksef_status_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_ksef_status_check
  CHECK (ksef_status IN ('to_send', 'sending', 'accepted', 'rejected', 'to_resend', 'sent'));
ALTER TABLE invoices
  ADD COLUMN ksef_xml text,
  ADD COLUMN ksef_invoice_hash text,
  ADD COLUMN ksef_session_ref text,
  ADD COLUMN ksef_invoice_ref text,
  ADD COLUMN ksef_attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN ksef_next_attempt_at timestamptz,
  ADD COLUMN ksef_error text,
  ADD COLUMN ksef_accepted_at timestamptz,
  ADD COLUMN ksef_upo text,
  ADD COLUMN ksef_offline boolean NOT NULL DEFAULT false,
  ADD COLUMN ksef_updated_at timestamptz;
CREATE INDEX invoices_ksef_due_idx ON invoices (coalesce(ksef_next_attempt_at, created_at))
  WHERE ksef_status IN ('to_send', 'sending', 'to_resend');

CREATE TABLE ksef_settings (
  id               smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  environment      text NOT NULL CHECK (environment IN ('TE', 'DEMO', 'PRD')),
  base_url         text,
  nip              text NOT NULL,
  token_encrypted  text NOT NULL,
  token_last4      text NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       bigint REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE ksef_sessions (
  reference        text PRIMARY KEY,
  opened_at        timestamptz NOT NULL,
  valid_until      timestamptz,
  closed_at        timestamptz,
  upo              text
);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE ksef_sessions, ksef_settings;
DROP INDEX invoices_ksef_due_idx;
UPDATE invoices SET ksef_status = 'to_send' WHERE ksef_status IN ('sending', 'rejected', 'to_resend');
ALTER TABLE invoices DROP CONSTRAINT invoices_ksef_status_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_ksef_status_check CHECK (ksef_status IN ('to_send', 'sent', 'accepted'));
ALTER TABLE invoices
  DROP COLUMN ksef_xml, DROP COLUMN ksef_invoice_hash, DROP COLUMN ksef_session_ref, DROP COLUMN ksef_invoice_ref,
  DROP COLUMN ksef_attempts, DROP COLUMN ksef_next_attempt_at, DROP COLUMN ksef_error, DROP COLUMN ksef_accepted_at,
  DROP COLUMN ksef_upo, DROP COLUMN ksef_offline, DROP COLUMN ksef_updated_at;
`).execute(db);
}
