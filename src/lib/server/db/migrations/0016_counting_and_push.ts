import { sql, type Kysely } from 'kysely';

// Shares count once per person or anonymous visitor key and post; push errors keep no remote text.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE post_shares ADD COLUMN viewer_key text;
CREATE UNIQUE INDEX post_shares_viewer_idx ON post_shares (post_id, viewer_key);
DROP INDEX post_shares_post_idx;
UPDATE outbox SET last_error = 'Push nie doszedł.' WHERE channel = 'push' AND last_error IS NOT NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE INDEX post_shares_post_idx ON post_shares (post_id);
DROP INDEX post_shares_viewer_idx;
ALTER TABLE post_shares DROP COLUMN viewer_key;
`).execute(db);
}
