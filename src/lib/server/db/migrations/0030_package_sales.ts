import { sql, type Kysely } from 'kysely';

// Selling Pakiet 2 and 3: the contract names its package; a customer's individual terms are for
// one package (an early pilot of Pakiet 3 runs on them); a package change asked for by the
// coordinator or the operator is a future subscription_packages row, withdrawn by deleting it.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE contracts ADD COLUMN package text NOT NULL DEFAULT 'pakiet1'
  CHECK (package IN ('pakiet1', 'pakiet2', 'pakiet3'));
ALTER TABLE customer_terms ADD COLUMN package text NOT NULL DEFAULT 'pakiet1'
  CHECK (package IN ('pakiet1', 'pakiet2', 'pakiet3'));
ALTER TABLE subscription_packages ADD COLUMN requested_by bigint REFERENCES users ON DELETE SET NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE subscription_packages DROP COLUMN requested_by;
ALTER TABLE customer_terms DROP COLUMN package;
ALTER TABLE contracts DROP COLUMN package;
`).execute(db);
}
