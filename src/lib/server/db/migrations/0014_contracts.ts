import { sql, type Kysely } from 'kysely';

// Contracts: ordered by a coordinator (or the operator for them), numbered UM/{year}/{seq},
// signed by the operator with the scan, which starts the subscription.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE contracts (
  id                 bigserial PRIMARY KEY,
  number             text NOT NULL UNIQUE,
  customer_id        bigint NOT NULL REFERENCES customers,
  group_id           bigint NOT NULL REFERENCES groups,
  plan               text NOT NULL CHECK (plan IN ('monthly', 'commitment')),
  commitment_months  smallint,
  starts_on          date NOT NULL,
  gross              integer NOT NULL,
  vat_rate           smallint NOT NULL,
  price_note         text,
  customer           jsonb NOT NULL,
  units              jsonb NOT NULL,
  status             text NOT NULL DEFAULT 'ordered' CHECK (status IN ('ordered', 'signed', 'cancelled')),
  scan_file          text,
  signed_at          timestamptz,
  signed_by          bigint REFERENCES users,
  subscription_id    bigint REFERENCES subscriptions,
  ordered_by         bigint REFERENCES users,
  created_at         timestamptz NOT NULL
);
-- One open order per group.
CREATE UNIQUE INDEX contracts_open_idx ON contracts (group_id) WHERE status = 'ordered';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE contracts;`).execute(db);
}
