import { sql, type Kysely } from 'kysely';

// Comments held by the moderation engine wait for a moderator, like posts.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE comments
  ADD COLUMN moderation_reason text,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decided_by bigint REFERENCES users;
CREATE INDEX comments_pending_idx ON comments (created_at) WHERE status = 'pending';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP INDEX comments_pending_idx;
ALTER TABLE comments DROP COLUMN moderation_reason, DROP COLUMN decided_at, DROP COLUMN decided_by;
`).execute(db);
}
