import { sql, type Kysely } from 'kysely';

// The units named in an order are created with the order, not publishing, and wait for its
// contract: signing it turns them on. A unit that already existed is not tied to the contract.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE units ADD COLUMN awaiting_contract_id bigint REFERENCES contracts ON DELETE SET NULL;
CREATE INDEX units_awaiting_contract ON units (awaiting_contract_id) WHERE awaiting_contract_id IS NOT NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE units DROP COLUMN awaiting_contract_id;`).execute(db);
}
