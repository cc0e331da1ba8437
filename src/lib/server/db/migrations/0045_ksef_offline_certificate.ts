import { sql, type Kysely } from 'kysely';

// Issue 20: an invoice issued while KSeF is unavailable carries KOD II, a link signed with the
// private key of the seller's KSeF offline certificate: its serial number and the key (sealed like
// the token) are kept with the KSeF settings.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE ksef_settings
  ADD COLUMN offline_certificate_serial text,
  ADD COLUMN offline_key_encrypted text;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE ksef_settings DROP COLUMN offline_certificate_serial, DROP COLUMN offline_key_encrypted;`).execute(db);
}
