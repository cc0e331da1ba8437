import { sql, type Kysely } from 'kysely';

// Issue 20: an invoice accepted by KSeF goes to the municipality with its PDF and FA(3) XML
// attached: the files are frozen in the outbox row with the message (Base64 in JSON).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE outbox ADD COLUMN attachments jsonb;`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE outbox DROP COLUMN attachments;`).execute(db);
}
