import { sql, type Kysely } from 'kysely';

// Which package a subscription gives from which day. A change (up or down) is a new row from the
// start of the next billing period, so the package in force on any day — for gating a feature at
// the moment of use and for naming it on that period's invoice — is the newest row not after it.
// A subscription without rows gives Pakiet 1 (all subscriptions before this migration).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE subscription_packages (
  subscription_id bigint NOT NULL REFERENCES subscriptions ON DELETE CASCADE,
  valid_from date NOT NULL,
  package text NOT NULL CHECK (package IN ('pakiet1', 'pakiet2', 'pakiet3')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription_id, valid_from)
);
INSERT INTO subscription_packages (subscription_id, valid_from, package)
  SELECT id, starts_on, 'pakiet1' FROM subscriptions;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE subscription_packages;`).execute(db);
}
