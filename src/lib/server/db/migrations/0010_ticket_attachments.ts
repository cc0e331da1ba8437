import { sql, type Kysely } from 'kysely';

// Files attached to support ticket messages (screenshots, PDFs), kept in the media folder.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE ticket_attachments (
  id             bigserial PRIMARY KEY,
  message_id     bigint NOT NULL REFERENCES ticket_messages ON DELETE CASCADE,
  file_name      text NOT NULL UNIQUE,
  original_name  text NOT NULL,
  content_type   text NOT NULL,
  size           integer NOT NULL
);
CREATE INDEX ticket_attachments_message_idx ON ticket_attachments (message_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE ticket_attachments;`).execute(db);
}
