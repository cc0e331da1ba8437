import { sql, type Kysely } from 'kysely';

// Pakiet 1: the municipality as a customer, its package subscription per group, units with
// contacts and staff invitations, office staff publishing for units without staff, unit tokens.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE customers (
  id                 bigserial PRIMARY KEY,
  municipality_code  char(7) NOT NULL UNIQUE REFERENCES municipalities,
  legal_name         text NOT NULL,
  nip                char(10) NOT NULL UNIQUE,
  regon              varchar(14) NOT NULL,
  street             text NOT NULL,
  postal_code        char(6) NOT NULL,
  city               text NOT NULL,
  contact_name       text NOT NULL,
  contact_email      text NOT NULL,
  contact_phone      text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);

CREATE TABLE subscriptions (
  id                    bigserial PRIMARY KEY,
  customer_id           bigint NOT NULL REFERENCES customers,
  group_id              bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  plan                  text NOT NULL CHECK (plan IN ('monthly', 'commitment')),
  commitment_months     integer CHECK (commitment_months IS NULL OR commitment_months >= 6),
  starts_on             date NOT NULL,
  commitment_ends_on    date,
  status                text NOT NULL CHECK (status IN ('active', 'cancelling', 'ended')),
  cancel_at             date,
  ended_on              date,
  created_by            bigint REFERENCES users ON DELETE SET NULL,
  created_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX subscriptions_one_live_idx ON subscriptions (group_id) WHERE status <> 'ended';

ALTER TABLE units
  ADD COLUMN contact_email  text NOT NULL DEFAULT '',
  ADD COLUMN contact_phone  text NOT NULL DEFAULT '',
  ADD COLUMN website        text NOT NULL DEFAULT '',
  ADD COLUMN logo_file      text,
  ADD COLUMN may_alert      boolean NOT NULL DEFAULT false,
  ADD COLUMN office_publishes boolean NOT NULL DEFAULT false,
  ADD COLUMN service_user_id bigint REFERENCES users ON DELETE SET NULL;

CREATE TABLE unit_invitations (
  id           bigserial PRIMARY KEY,
  unit_id      bigint NOT NULL REFERENCES units ON DELETE CASCADE,
  email        text NOT NULL,
  role         text NOT NULL CHECK (role IN ('editor', 'unitAdmin')),
  token_hash   text NOT NULL UNIQUE,
  invited_by   bigint REFERENCES users ON DELETE SET NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  accepted_by  bigint REFERENCES users ON DELETE SET NULL,
  revoked_at   timestamptz
);
CREATE INDEX unit_invitations_unit_idx ON unit_invitations (unit_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE unit_invitations, subscriptions, customers;
ALTER TABLE units DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN website, DROP COLUMN logo_file,
  DROP COLUMN may_alert, DROP COLUMN office_publishes, DROP COLUMN service_user_id;
`).execute(db);
}
